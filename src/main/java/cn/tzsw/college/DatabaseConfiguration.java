package cn.tzsw.college;

import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.HikariPoolMXBean;
import java.io.File;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The one DataSource: the configured external MariaDB, or else the embedded one. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(DatabaseProperties.class)
class DatabaseConfiguration {

    @Bean
    @ConfigurationProperties("spring.datasource.hikari")
    HikariDataSource dataSource(DatabaseProperties properties) {
        if (properties.external()) {
            HikariDataSource dataSource = new HikariDataSource();
            dataSource.setJdbcUrl(properties.url());
            dataSource.setUsername(properties.user());
            dataSource.setPassword(properties.password());
            return dataSource;
        }
        File folder = new File(properties.dataDir());
        EarlyDatabaseStart.awaitStartAhead(folder);
        EmbeddedMariaDb.Lease lease = EmbeddedMariaDb.lease(folder, properties.databaseName(), properties.password());
        HikariDataSource dataSource = new EmbeddedServerPool(lease);
        dataSource.setJdbcUrl(lease.endpoint().url());
        dataSource.setUsername(lease.endpoint().user());
        dataSource.setPassword(lease.endpoint().password());
        return dataSource;
    }

    /**
     * The pool of the embedded server, which gives the server back when it closes. The context closes it after every
     * bean that uses the database (they depend on it), so the server stops as the last step of a shutdown.
     */
    static final class EmbeddedServerPool extends HikariDataSource {

        private final EmbeddedMariaDb.Lease lease;

        EmbeddedServerPool(EmbeddedMariaDb.Lease lease) {
            this.lease = lease;
            lease.afterRestart(() -> {
                HikariPoolMXBean pool = getHikariPoolMXBean(); // null until the pool's first connection
                if (pool != null) {
                    pool.softEvictConnections(); // idle ones close now, those in use when given back
                }
            });
        }

        @Override
        public void close() {
            try {
                super.close();
            } finally {
                lease.close();
            }
        }
    }
}
