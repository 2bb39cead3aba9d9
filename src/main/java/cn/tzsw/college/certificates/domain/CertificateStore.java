package cn.tzsw.college.certificates.domain;

import cn.tzsw.college.certificates.Certificate;
import cn.tzsw.college.certificates.CertificateKind;
import cn.tzsw.college.certificates.CertificateLine;
import cn.tzsw.college.hours.HoursSource;
import cn.tzsw.college.shared.LikePatterns;
import cn.tzsw.college.shared.TraineeLecture;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/**
 * Certificate rows and the per-year serial counter, in plain SQL: issuing is a few statements whose order
 * matters (row first, then the counter, so the counter row stays locked as briefly as possible).
 */
@Repository
public class CertificateStore {

    private static final String COLUMNS = """
            c.id, c.serial, c.code, c.kind, c.trainee_id, c.lecture_id, c.course_id, c.holder_name, c.holder_id_masked,
            c.title, c.hours, c.required_hours, c.covers_from, c.covers_to, c.entry_lines, c.issued_on, c.issued_at,
            c.issued_by, c.valid_until, c.status, c.revoked_at, c.revoked_reason, r.serial AS replaced_by_serial""";
    private static final String FROM = " FROM certificate c LEFT JOIN certificate r ON r.id = c.replaced_by ";

    private final JdbcClient jdbc;

    CertificateStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** What a new certificate says; the serial is given by {@link #assignSerial}. */
    public record NewCertificate(String code, CertificateKind kind, long traineeId, Long lectureId, Long courseId,
                                 String dedupKey, String holderName, String holderIdMasked, String title,
                                 BigDecimal hours, BigDecimal requiredHours, LocalDate coversFrom, LocalDate coversTo,
                                 List<CertificateLine> lines, LocalDate issuedOn, LocalDateTime issuedAt,
                                 String issuedBy, LocalDate validUntil) {
    }

    /**
     * Inserts the row unless a live certificate with the same dedup key exists (then empty). Concurrent inserts of
     * the same key wait for each other on the unique index, so exactly one wins.
     */
    public Optional<Long> insertIfAbsent(NewCertificate c) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        int inserted = jdbc.sql("""
                        INSERT IGNORE INTO certificate (code, kind, trainee_id, lecture_id, course_id, dedup_key, holder_name,
                          holder_id_masked, title, hours, required_hours, covers_from, covers_to, entry_lines, issued_on,
                          issued_at, issued_by, valid_until, status)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'ISSUED')""")
                .params(c.code(), c.kind().name(), c.traineeId(), c.lectureId(), c.courseId(), c.dedupKey(),
                        c.holderName(), c.holderIdMasked(), c.title(), c.hours(), c.requiredHours(), c.coversFrom(),
                        c.coversTo(), c.lines().isEmpty() ? null : encode(c.lines()), c.issuedOn(), c.issuedAt(),
                        c.issuedBy(), c.validUntil())
                .update(key, "id");
        // The caller keeps texts within their columns, so IGNORE only ever skips the duplicate key.
        return inserted == 1 ? Optional.of(key.getKey().longValue()) : Optional.empty();
    }

    /**
     * Takes the year's next number and writes the serial. The counter row stays locked until the transaction
     * ends: concurrent issues queue here, a rollback gives the number back, so serials never repeat or skip.
     */
    public String assignSerial(long certificateId, String prefix, int year) {
        jdbc.sql("""
                        INSERT INTO certificate_serial (serial_year, last_number) VALUES (?, 1)
                        ON DUPLICATE KEY UPDATE last_number = last_number + 1""")
                .param(year).update();
        int number = jdbc.sql("SELECT last_number FROM certificate_serial WHERE serial_year = ?")
                .param(year).query(Integer.class).single();
        String serial = "%s-%d-%06d".formatted(prefix, year, number);
        jdbc.sql("UPDATE certificate SET serial = ?, serial_year = ?, serial_number = ? WHERE id = ?")
                .params(serial, year, number, certificateId).update();
        return serial;
    }

    public Optional<Certificate> find(long id) {
        return jdbc.sql("SELECT " + COLUMNS + FROM + "WHERE c.id = ?").param(id).query(CertificateStore::row)
                .optional();
    }

    public Optional<Certificate> findByCode(String code) {
        return jdbc.sql("SELECT " + COLUMNS + FROM + "WHERE c.code = ?").param(code).query(CertificateStore::row)
                .optional();
    }

    public Optional<Certificate> findByDedupKey(String key) {
        return jdbc.sql("SELECT " + COLUMNS + FROM + "WHERE c.dedup_key = ?").param(key)
                .query(CertificateStore::row).optional();
    }

    /** Locks the row for a state change (revoke, reissue). */
    public Optional<String> lockStatus(long id) {
        return jdbc.sql("SELECT status FROM certificate WHERE id = ? FOR UPDATE").param(id).query(String.class)
                .optional();
    }

    /** The pairs among these trainees and lectures with a completion certificate that is not revoked. */
    public Set<TraineeLecture> completions(Collection<Long> traineeIds, Collection<Long> lectureIds) {
        return new HashSet<>(jdbc.sql("""
                        SELECT trainee_id, lecture_id FROM certificate
                        WHERE kind = 'COMPLETION' AND status <> 'REVOKED'
                          AND trainee_id IN (:trainees) AND lecture_id IN (:ids)""")
                .param("trainees", traineeIds).param("ids", lectureIds)
                .query((rs, n) -> new TraineeLecture(rs.getLong("trainee_id"), rs.getLong("lecture_id"))).list());
    }

    public List<Certificate> byTrainee(long traineeId) {
        return jdbc.sql("SELECT " + COLUMNS + FROM + "WHERE c.trainee_id = ? ORDER BY c.id DESC")
                .param(traineeId).query(CertificateStore::row).list();
    }

    /** A page of certificates whose serial or holder's name starts with the text (all when blank), newest first. */
    public List<Certificate> search(String text, int limit, long offset) {
        return jdbc.sql("SELECT " + COLUMNS + FROM + where(text) + " ORDER BY c.id DESC LIMIT ? OFFSET ?")
                .params(args(text, limit, offset)).query(CertificateStore::row).list();
    }

    public long count(String text) {
        return jdbc.sql("SELECT COUNT(*)" + FROM + where(text)).params(args(text)).query(Long.class).single();
    }

    public void revoke(long id, String reason, LocalDateTime at, boolean freeDedupKey) {
        jdbc.sql("""
                        UPDATE certificate SET status = 'REVOKED', revoked_at = ?, revoked_reason = ?,
                          dedup_key = CASE WHEN ? THEN NULL ELSE dedup_key END
                        WHERE id = ?""")
                .params(at, reason, freeDedupKey, id).update();
    }

    /** Frees the old certificate's dedup key so that its replacement can take it. */
    public String releaseDedupKey(long id) {
        String key = jdbc.sql("SELECT dedup_key FROM certificate WHERE id = ?").param(id).query(String.class)
                .optional().orElse(null);
        jdbc.sql("UPDATE certificate SET dedup_key = NULL WHERE id = ?").param(id).update();
        return key;
    }

    public void markReplaced(long id, long replacementId) {
        jdbc.sql("UPDATE certificate SET status = 'REPLACED', replaced_by = ? WHERE id = ?")
                .params(replacementId, id).update();
    }

    private static String where(String text) {
        return text == null || text.isBlank() ? "" : "WHERE (c.serial LIKE ? OR c.holder_name LIKE ?)";
    }

    private static Object[] args(String text, Object... more) {
        List<Object> args = new ArrayList<>();
        if (text != null && !text.isBlank()) {
            String like = LikePatterns.startingWith(text.strip());
            args.add(like.toUpperCase(java.util.Locale.ROOT));
            args.add(like);
        }
        args.addAll(List.of(more));
        return args.toArray();
    }

    private static String encode(List<CertificateLine> lines) {
        StringBuilder text = new StringBuilder();
        for (CertificateLine line : lines) {
            text.append(line.date()).append('\t').append(line.source().name()).append('\t')
                    .append(line.hours().toPlainString()).append('\t')
                    .append(line.title().replace('\t', ' ').replace('\n', ' ')).append('\n');
        }
        return text.toString();
    }

    private static List<CertificateLine> decode(String text) {
        if (text == null || text.isEmpty()) {
            return List.of();
        }
        List<CertificateLine> lines = new ArrayList<>();
        for (String line : text.split("\n")) {
            String[] f = line.split("\t", 4);
            lines.add(new CertificateLine(LocalDate.parse(f[0]), f[3], HoursSource.valueOf(f[1]), new BigDecimal(f[2])));
        }
        return lines;
    }

    private static Certificate row(ResultSet rs, int row) throws SQLException {
        return new Certificate(rs.getLong("id"), rs.getString("serial"), rs.getString("code"),
                CertificateKind.valueOf(rs.getString("kind")), rs.getLong("trainee_id"),
                rs.getObject("lecture_id", Long.class), rs.getObject("course_id", Long.class),
                rs.getString("holder_name"), rs.getString("holder_id_masked"), rs.getString("title"),
                rs.getBigDecimal("hours"), rs.getBigDecimal("required_hours"),
                rs.getObject("covers_from", LocalDate.class), rs.getObject("covers_to", LocalDate.class),
                decode(rs.getString("entry_lines")), rs.getObject("issued_on", LocalDate.class),
                rs.getObject("issued_at", LocalDateTime.class), rs.getString("issued_by"),
                rs.getObject("valid_until", LocalDate.class), "REVOKED".equals(rs.getString("status")),
                rs.getObject("revoked_at", LocalDateTime.class), rs.getString("revoked_reason"),
                rs.getString("replaced_by_serial"));
    }
}
