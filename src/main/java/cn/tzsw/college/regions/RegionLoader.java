package cn.tzsw.college.regions;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import cn.tzsw.college.regions.domain.RegionRepository;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ResourceLoader;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Fills an empty region table from the configured CSV on start. Idempotent: a table that already holds
 * units is left alone. Multi-row INSERTs ({@link RegionRepository#insertAll}) in one transaction keep the 27,000
 * Zhejiang rows to about a second.
 */
@Component
@Order(RegionLoader.ORDER)
class RegionLoader implements ApplicationRunner {

    static final int ORDER = 0;
    private static final Logger log = LoggerFactory.getLogger(RegionLoader.class);

    private final RegionRepository regions;
    private final ResourceLoader resources;
    private final RegionsProperties properties;
    private final RegionService service;

    RegionLoader(RegionRepository regions, ResourceLoader resources, RegionsProperties properties,
                 RegionService service) {
        this.regions = regions;
        this.resources = resources;
        this.properties = properties;
        this.service = service;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        if (regions.count() > 0) {
            return;
        }
        long started = System.nanoTime();
        List<Region> rows = readRows();
        regions.insertAll(rows);
        // A request served while the table was still empty may have been told "no such unit".
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                service.treeLoaded();
            }
        });
        log.info("Loaded {} regions from {} in {} ms", rows.size(), properties.source(),
                (System.nanoTime() - started) / 1_000_000);
    }

    private List<Region> readRows() {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(
                resources.getResource(properties.source()).getInputStream(), StandardCharsets.UTF_8))) {
            List<Region> rows = new ArrayList<>();
            String header = reader.readLine();
            if (header == null || !header.startsWith("code,name,level,parent_code")) {
                throw new IllegalStateException("Region file " + properties.source() + " lacks the header code,name,level,parent_code");
            }
            for (String line; (line = reader.readLine()) != null; ) {
                if (line.isBlank()) {
                    continue;
                }
                String[] cells = line.split(",", -1);
                // An unknown level fails here, before anything is written.
                rows.add(new Region(cells[0], cells[1], RegionLevel.valueOf(cells[2]),
                        cells[3].isEmpty() ? null : cells[3]));
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read region file " + properties.source(), e);
        }
    }
}
