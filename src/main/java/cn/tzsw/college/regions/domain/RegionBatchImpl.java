package cn.tzsw.college.regions.domain;

import cn.tzsw.college.regions.Region;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;
import org.springframework.jdbc.core.JdbcTemplate;

/** The JDBC fragment of {@link RegionRepository}; joins the caller's transaction. */
class RegionBatchImpl implements RegionBatch {

    private static final int ROWS_PER_STATEMENT = 1000;

    private final JdbcTemplate jdbc;

    RegionBatchImpl(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void insertAll(List<Region> regions) {
        for (int from = 0; from < regions.size(); from += ROWS_PER_STATEMENT) {
            List<Region> chunk = regions.subList(from, Math.min(regions.size(), from + ROWS_PER_STATEMENT));
            String sql = "INSERT INTO region (code, name, level, parent_code) VALUES "
                    + String.join(",", Collections.nCopies(chunk.size(), "(?,?,?,?)"));
            jdbc.update(sql, chunk.stream().flatMap(r -> Stream.of(r.code(), r.name(), r.level().name(), r.parentCode()))
                    .toArray());
        }
    }
}
