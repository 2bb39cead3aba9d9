package cn.tzsw.college.registration.domain;

import cn.tzsw.college.catalog.CourseStatus;
import cn.tzsw.college.catalog.LectureSeats;
import cn.tzsw.college.catalog.LectureStatus;
import cn.tzsw.college.catalog.LectureTermsSql;
import cn.tzsw.college.registration.RegistrationStatus;
import cn.tzsw.college.trainees.TraineeRefSql;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The fragment's statements. Also a bean of its own, which the registration path ({@code registration.enrolment})
 * calls directly: through {@link RegistrationRepository} every call passes the repository's proxy chain
 * (exception translation, which {@link JdbcClient} already does, a transaction interceptor that only joins the
 * caller's, the repository invocation metrics).
 */
public class RegistrationRowsImpl implements RegistrationRows {

    /**
     * The terms' columns from catalog's read models, for a query that reads {@code lecture_terms_v} as {@code l}
     * (seat decisions other than a registration; named as in {@link LectureTermsSql#COLUMNS}, with the quota
     * counties in one comma-separated column: one row, and these are not on the measured path).
     */
    private static final String TERMS = """
            l.id, l.status, l.course_status, l.organiser_code, l.starts_at, l.ends_at, l.registration_opens,
            l.registration_closes, l.cancellation_deadline, l.region_restriction,
            (SELECT GROUP_CONCAT(q.county_code) FROM lecture_quota_v q WHERE q.lecture_id = l.id) AS quota_counties""";

    /**
     * Everything the decision reads, in one round trip: the registration path's own query. It joins the text that
     * catalog and trainees publish for it ({@link LectureTermsSql}, {@link TraineeRefSql}), not their views: MariaDB
     * parses a view again for every statement, and this one runs for every registration. The overlap check names
     * the trainee's index: MariaDB otherwise also estimates, on every execution, the two ranges that
     * {@code o.lecture_id <> l.id} makes over every registration in the lecture-first indexes (reading index pages
     * to do so), which it never uses.
     */
    private static final String STANDING = "SELECT " + LectureTermsSql.COLUMNS + """
            ,
                   t.id AS trainee_id, t.region_code AS trainee_region, r.id AS registration_id,
                   r.status AS registration_status,
                   (SELECT o.lecture_id FROM registration o USE INDEX (ix_registration_trainee_lecture) JOIN %s
                    WHERE o.trainee_id = t.id AND o.status = 'REGISTERED' LIMIT 1) AS overlapping,
                   NEXTVAL(registration_id_seq) AS fresh_id
            FROM %s
            LEFT JOIN %s t ON t.%s = :key
            LEFT JOIN registration r ON r.lecture_id = l.id AND r.trainee_id = t.id
            %s
            WHERE l.id = :lecture
            """;
    private static final String STANDING_OF_ACCOUNT = standing("account_id");
    /** Package-visible for the test of its plan ({@code StandingQueryTest}). */
    static final String STANDING_OF_TRAINEE = standing("id");

    private static String standing(String traineeKey) {
        return STANDING.formatted(LectureTermsSql.overlappingLecture("o.lecture_id"), LectureTermsSql.TABLES,
                TraineeRefSql.TABLE, traineeKey, LectureTermsSql.QUOTAS);
    }

    private final JdbcClient jdbc;

    RegistrationRowsImpl(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<Standing> standingOfAccount(long accountId, long lectureId) {
        return standing(STANDING_OF_ACCOUNT, accountId, lectureId);
    }

    @Override
    public Optional<Standing> standingOfTrainee(long traineeId, long lectureId) {
        return standing(STANDING_OF_TRAINEE, traineeId, lectureId);
    }

    /**
     * One row per quota county of the lecture ({@link LectureTermsSql#QUOTAS}), alike but for the county (and the
     * id drawn: each row draws one, the first is used; ids need only be unique).
     */
    private Optional<Standing> standing(String query, long key, long lectureId) {
        return jdbc.sql(query).param("key", key).param("lecture", lectureId).query(rs -> {
            Standing first = null;
            Set<String> counties = new HashSet<>();
            while (rs.next()) {
                if (first == null) {
                    first = new Standing(terms(rs, Set.of()), rs.getObject("trainee_id", Long.class),
                            rs.getString("trainee_region"), rs.getObject("registration_id", Long.class),
                            Optional.ofNullable(rs.getString("registration_status")).map(RegistrationStatus::valueOf)
                                    .orElse(null),
                            rs.getObject("overlapping", Long.class), rs.getLong("fresh_id"));
                }
                Optional.ofNullable(rs.getString("quota_county")).ifPresent(counties::add);
            }
            return Optional.ofNullable(first).map(standing -> standing.withQuotaCounties(counties));
        });
    }

    @Override
    public Map<Long, RegistrationStatus> statuses(Collection<Long> registrationIds) {
        Map<Long, RegistrationStatus> statuses = new HashMap<>();
        if (!registrationIds.isEmpty()) {
            jdbc.sql("SELECT id, status FROM registration WHERE id IN (:ids)").param("ids", registrationIds)
                    .query(rs -> {
                        statuses.put(rs.getLong(1), RegistrationStatus.valueOf(rs.getString(2)));
                    });
        }
        return statuses;
    }

    @Override
    public Optional<LectureTerms> terms(long lectureId) {
        return jdbc.sql("SELECT " + TERMS + " FROM lecture_terms_v l WHERE l.id = ?").param(lectureId)
                .query((rs, row) -> terms(rs, Optional.ofNullable(rs.getString("quota_counties"))
                        .map(counties -> Set.of(counties.split(","))).orElse(Set.of()))).optional();
    }

    private static LectureTerms terms(ResultSet rs, Set<String> quotaCounties) throws SQLException {
        return new LectureTerms(rs.getLong("id"), LectureStatus.valueOf(rs.getString("status")),
                CourseStatus.valueOf(rs.getString("course_status")), rs.getString("organiser_code"),
                rs.getObject("starts_at", LocalDateTime.class), rs.getObject("ends_at", LocalDateTime.class),
                rs.getObject("registration_opens", LocalDateTime.class),
                rs.getObject("registration_closes", LocalDateTime.class),
                rs.getObject("cancellation_deadline", LocalDateTime.class), rs.getString("region_restriction"),
                quotaCounties);
    }

    /**
     * The claim runs while the row's values are computed, so the lecture row is locked before the registration row
     * exists (as the promotions, which lock it and then read the line, expect), and claim and row cost one round trip.
     */
    private static final String INSERT_CLAIMING_SEAT = """
            INSERT INTO registration (id, lecture_id, trainee_id, county_code, status, queued_at, changed_at, by_admin)
            VALUES (?, ?, ?, ?, IF(%s = 'CLAIMED', 'REGISTERED', 'WAITLISTED'), ?, ?, ?)
            RETURNING status
            """.formatted(LectureSeats.CLAIM);

    @Override
    public RegistrationStatus insertClaimingSeat(long id, long lectureId, long traineeId, String countyCode,
                                                 boolean countyHasQuota, boolean byAdmin, LocalDateTime now) {
        return RegistrationStatus.valueOf(jdbc.sql(INSERT_CLAIMING_SEAT)
                .params(id, lectureId, traineeId, countyCode, lectureId, countyCode, countyHasQuota, now, now, byAdmin)
                .query(String.class).single());
    }

    @Override
    public boolean rejoin(long registrationId, String countyCode, RegistrationStatus status, boolean byAdmin,
                          LocalDateTime now) {
        return jdbc.sql("""
                UPDATE registration SET county_code = ?, status = ?, by_admin = ?, queued_at = ?, changed_at = ?
                WHERE id = ? AND status = 'CANCELLED'
                """).params(countyCode, status.name(), byAdmin, now, now, registrationId).update() == 1;
    }

    @Override
    public void changeStatus(long registrationId, RegistrationStatus status, LocalDateTime now) {
        jdbc.sql("UPDATE registration SET status = ?, changed_at = ? WHERE id = ?")
                .params(status.name(), now, registrationId).update();
    }
}
