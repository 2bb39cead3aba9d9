package cn.tzsw.college.tracking.domain;

import cn.tzsw.college.hours.ComplianceSql;
import cn.tzsw.college.hours.ComplianceStatus;
import cn.tzsw.college.shared.CertificateLevel;
import cn.tzsw.college.shared.Gender;
import cn.tzsw.college.shared.LikePatterns;
import cn.tzsw.college.shared.Masking;
import cn.tzsw.college.tracking.DirectoryEntry;
import cn.tzsw.college.tracking.DirectoryFilter;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The directory's one query: trainees of trainees' read model {@code trainee_standing_v} with the filters, and each
 * one's compliance (hours' rule in SQL, see {@link ComplianceSql}).
 */
@Repository
public class DirectoryRepository {

    private final JdbcClient jdbc;
    private final ComplianceSql compliance;

    DirectoryRepository(JdbcClient jdbc, ComplianceSql compliance) {
        this.jdbc = jdbc;
        this.compliance = compliance;
    }

    /** One page, ordered by name, of the trainees registered under the region code prefix that match the filter. */
    public Page<DirectoryEntry> search(String prefix, DirectoryFilter filter, LocalDate today, Pageable pageable) {
        Map<String, Object> params = compliance.params(today);
        List<String> where = new ArrayList<>();
        where.add("t.region_code LIKE :prefix");
        params.put("prefix", prefix + "%");
        String text = filter.text() == null ? "" : filter.text().strip().toUpperCase(Locale.ROOT);
        if (!text.isEmpty()) {
            where.add("(t.name LIKE :nameLike OR t.phone = :text OR t.id_number = :text)");
            params.put("nameLike", LikePatterns.containing(text));
            params.put("text", text);
        }
        if (filter.workUnit() != null && !filter.workUnit().isBlank()) {
            where.add("t.work_unit LIKE :workUnit");
            params.put("workUnit", LikePatterns.containing(filter.workUnit().strip()));
        }
        if (filter.level() != null) {
            where.add("t.certificate_level = :level");
            params.put("level", filter.level().name());
        }
        String trainees = """
                SELECT t.id, t.name, t.id_number, t.phone, t.gender, t.work_unit, t.region_code, t.certificate_level,
                       t.period_start FROM trainee_standing_v t WHERE\s""" + String.join(" AND ", where);
        params.put("limit", pageable.getPageSize());
        params.put("offset", pageable.getOffset());
        List<DirectoryEntry> rows;
        long total;
        if (filter.compliance() == null) {
            // Page first, then work out the standing of that page only.
            String page = trainees + " ORDER BY t.name, t.id LIMIT :limit OFFSET :offset";
            rows = jdbc.sql("SELECT * FROM (" + compliance.standing(page) + ") d ORDER BY d.name, d.id")
                    .params(params).query(DirectoryRepository::entry).list();
            total = jdbc.sql("SELECT COUNT(*) FROM (" + trainees + ") n").params(params).query(Long.class).single();
        } else {
            params.put("compliance", filter.compliance().name());
            String filtered = "SELECT * FROM (" + compliance.standing(trainees)
                    + ") d WHERE d.compliance = :compliance";
            rows = jdbc.sql(filtered + " ORDER BY d.name, d.id LIMIT :limit OFFSET :offset")
                    .params(params).query(DirectoryRepository::entry).list();
            total = jdbc.sql("SELECT COUNT(*) FROM (" + filtered + ") n").params(params).query(Long.class).single();
        }
        return new PageImpl<>(rows, pageable, total);
    }

    private static DirectoryEntry entry(ResultSet rs, int row) throws SQLException {
        LocalDate periodEnd = rs.getObject("cur_end", LocalDate.class);
        return new DirectoryEntry(rs.getLong("id"), rs.getString("name"), Masking.idNumber(rs.getString("id_number")),
                Masking.phone(rs.getString("phone")), Gender.valueOf(rs.getString("gender")), rs.getString("work_unit"),
                rs.getString("region_code"), CertificateLevel.valueOf(rs.getString("certificate_level")),
                periodEnd, rs.getBigDecimal("required"), rs.getBigDecimal("earned"),
                ComplianceStatus.valueOf(rs.getString("compliance")));
    }
}
