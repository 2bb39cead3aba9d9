package cn.tzsw.college.hours.domain;

import cn.tzsw.college.hours.ComplianceSql;
import cn.tzsw.college.hours.RenewalCandidate;
import cn.tzsw.college.shared.CertificateLevel;
import cn.tzsw.college.shared.Masking;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The re-registration window (trainees of trainees' read model {@code trainee_standing_v} whose current period,
 * by hours' rule in SQL, ends within the window while they miss hours) and the reminders sent
 * ({@code renewal_reminder}).
 */
@Repository
public class RenewalRepository {

    private final JdbcClient jdbc;
    private final ComplianceSql compliance;

    RenewalRepository(JdbcClient jdbc, ComplianceSql compliance) {
        this.jdbc = jdbc;
        this.compliance = compliance;
    }

    /**
     * Trainees registered under the region code prefix whose period's last day lies within [today, windowEnd] with
     * hours missing, soonest end first, {@code limit} after {@code offset}.
     */
    public List<RenewalCandidate> window(String prefix, LocalDate today, LocalDate windowEnd, long offset, int limit) {
        return jdbc.sql(query() + " ORDER BY w.cur_end, w.name, w.id LIMIT :limit OFFSET :offset")
                .params(params(prefix, today, windowEnd)).param("limit", limit).param("offset", offset)
                .query((rs, row) -> candidate(rs, today)).list();
    }

    /** Every trainee of {@link #window}. */
    public List<RenewalCandidate> window(String prefix, LocalDate today, LocalDate windowEnd) {
        return jdbc.sql(query()).params(params(prefix, today, windowEnd))
                .query((rs, row) -> candidate(rs, today)).list();
    }

    /** How many trainees {@link #window} walks through. */
    public long count(String prefix, LocalDate today, LocalDate windowEnd) {
        return jdbc.sql("SELECT COUNT(*) FROM (" + query() + ") n").params(params(prefix, today, windowEnd))
                .query(Long.class).single();
    }

    /** Notes that these trainees were reminded at {@code now}. */
    public void reminded(List<Long> traineeIds, LocalDateTime now) {
        jdbc.sql("""
                INSERT INTO renewal_reminder (trainee_id, reminded_at) SELECT id, :now FROM trainee_standing_v
                WHERE id IN (:ids)
                ON DUPLICATE KEY UPDATE reminded_at = VALUES(reminded_at)""")
                .param("now", now).param("ids", traineeIds).update();
    }

    private String query() {
        String trainees = """
                SELECT t.id, t.name, t.phone, t.email, t.region_code, t.certificate_level, t.period_start
                FROM trainee_standing_v t
                WHERE t.region_code LIKE :prefix AND t.period_start IS NOT NULL""";
        return "SELECT w.*, r.reminded_at FROM (" + compliance.standing(trainees) + ") w"
                + " LEFT JOIN renewal_reminder r ON r.trainee_id = w.id"
                + " WHERE w.cur_end >= :today AND w.cur_end <= :windowEnd AND w.earned < w.required";
    }

    private Map<String, Object> params(String prefix, LocalDate today, LocalDate windowEnd) {
        Map<String, Object> params = compliance.params(today);
        params.put("prefix", prefix + "%");
        params.put("today", today);
        params.put("windowEnd", windowEnd);
        return params;
    }

    private static RenewalCandidate candidate(ResultSet rs, LocalDate today) throws SQLException {
        LocalDate end = rs.getObject("cur_end", LocalDate.class);
        return new RenewalCandidate(rs.getLong("id"), rs.getString("name"), Masking.phone(rs.getString("phone")),
                rs.getString("region_code"), CertificateLevel.valueOf(rs.getString("certificate_level")),
                rs.getObject("cur_start", LocalDate.class), end, rs.getBigDecimal("required"),
                rs.getBigDecimal("earned"), Math.max(0, ChronoUnit.DAYS.between(today, end) + 1),
                rs.getString("email") != null, rs.getObject("reminded_at", LocalDateTime.class));
    }
}
