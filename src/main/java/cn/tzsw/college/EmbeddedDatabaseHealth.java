package cn.tzsw.college;

import java.io.File;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * Whether the embedded MariaDB's process runs, known at once: the pool's own check waits for a connection, and
 * readiness (which includes this) must turn DOWN as soon as the server is gone and cannot be brought back.
 */
@Component("embeddedDatabase")
class EmbeddedDatabaseHealth implements HealthIndicator {

    private final DatabaseProperties database;

    EmbeddedDatabaseHealth(DatabaseProperties database) {
        this.database = database;
    }

    @Override
    public Health health() {
        if (database.external()) {
            return Health.unknown().build(); // an external server is the pool's check's alone
        }
        File folder = new File(database.dataDir());
        if (EmbeddedMariaDb.serving(folder)) {
            return Health.up().build();
        }
        return Health.down().withDetail("server", EmbeddedMariaDb.givenUp(folder) ? "gave up" : "restarting").build();
    }
}
