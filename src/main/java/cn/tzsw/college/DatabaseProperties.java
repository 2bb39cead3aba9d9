package cn.tzsw.college;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.StringUtils;

/**
 * Where the database is. With no {@code url} the app starts an embedded MariaDB whose files live in
 * {@code dataDir}; with a url (APP_DB_URL) it uses that server and starts nothing. The embedded server's account
 * ({@code college}) has {@code password} if one is set, else the one generated into the data folder.
 */
@ConfigurationProperties("app.db")
public record DatabaseProperties(String url, String user, String password, String dataDir, String databaseName) {

    public DatabaseProperties {
        dataDir = StringUtils.hasText(dataDir) ? dataDir : "./data/mariadb";
        databaseName = StringUtils.hasText(databaseName) ? databaseName : "college";
    }

    public boolean external() {
        return StringUtils.hasText(url);
    }
}
