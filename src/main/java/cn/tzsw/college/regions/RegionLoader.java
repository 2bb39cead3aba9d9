package cn.tzsw.college.regions;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ResourceLoader;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Fills an empty region table from the configured CSV on start. Idempotent: a table that already holds
 * units is left alone. Multi-row INSERTs in one transaction keep the 27,000 Zhejiang rows to about a second.
 */
@Component
@Order(RegionLoader.ORDER)
class RegionLoader implements ApplicationRunner {

    static final int ORDER = 0;
    private static final Logger log = LoggerFactory.getLogger(RegionLoader.class);
    private static final int ROWS_PER_STATEMENT = 1000;

    private final JdbcTemplate jdbc;
    private final ResourceLoader resources;
    private final RegionsProperties properties;

    RegionLoader(JdbcTemplate jdbc, ResourceLoader resources, RegionsProperties properties) {
        this.jdbc = jdbc;
        this.resources = resources;
        this.properties = properties;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        Long existing = jdbc.queryForObject("SELECT COUNT(*) FROM region", Long.class);
        if (existing != null && existing > 0) {
            return;
        }
        long started = System.nanoTime();
        List<Object[]> rows = readRows();
        for (int from = 0; from < rows.size(); from += ROWS_PER_STATEMENT) {
            List<Object[]> chunk = rows.subList(from, Math.min(rows.size(), from + ROWS_PER_STATEMENT));
            String sql = "INSERT INTO region (code, name, level, parent_code) VALUES "
                    + String.join(",", Collections.nCopies(chunk.size(), "(?,?,?,?)"));
            jdbc.update(sql, chunk.stream().flatMap(java.util.Arrays::stream).toArray());
        }
        log.info("Loaded {} regions from {} in {} ms", rows.size(), properties.source(),
                (System.nanoTime() - started) / 1_000_000);
    }

    private List<Object[]> readRows() {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(
                resources.getResource(properties.source()).getInputStream(), StandardCharsets.UTF_8))) {
            List<Object[]> rows = new ArrayList<>();
            String header = reader.readLine();
            if (header == null || !header.startsWith("code,name,level,parent_code")) {
                throw new IllegalStateException("Region file " + properties.source() + " lacks the header code,name,level,parent_code");
            }
            for (String line; (line = reader.readLine()) != null; ) {
                if (line.isBlank()) {
                    continue;
                }
                String[] cells = line.split(",", -1);
                RegionLevel.valueOf(cells[2]); // reject unknown levels before anything is written
                rows.add(new Object[] {cells[0], cells[1], cells[2], cells[3].isEmpty() ? null : cells[3]});
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read region file " + properties.source(), e);
        }
    }
}
