package cn.tzsw.college;

import com.zaxxer.hikari.HikariDataSource;
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
        HikariDataSource dataSource = new HikariDataSource();
        if (properties.external()) {
            dataSource.setJdbcUrl(properties.url());
            dataSource.setUsername(properties.user());
            dataSource.setPassword(properties.password());
        } else {
            File folder = new File(properties.dataDir());
            EarlyDatabaseStart.awaitStartAhead(folder);
            EmbeddedMariaDb.Endpoint embedded = EmbeddedMariaDb.start(folder, properties.databaseName(),
                    properties.password());
            dataSource.setJdbcUrl(embedded.url());
            dataSource.setUsername(embedded.user());
            dataSource.setPassword(embedded.password());
        }
        return dataSource;
    }
}
