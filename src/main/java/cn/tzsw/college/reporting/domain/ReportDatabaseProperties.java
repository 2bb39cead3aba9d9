package cn.tzsw.college.reporting.domain;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.StringUtils;

/**
 * Where the progress reports read (APP_REPORT_DB_URL, e.g. a MariaDB replica); with no {@code url} they read the
 * primary database like everything else.
 */
@ConfigurationProperties("app.reporting.db")
public record ReportDatabaseProperties(String url, String user, String password, int maxPoolSize) {

    public ReportDatabaseProperties {
        maxPoolSize = maxPoolSize > 0 ? maxPoolSize : 4;
    }

    boolean separate() {
        return StringUtils.hasText(url);
    }
}
