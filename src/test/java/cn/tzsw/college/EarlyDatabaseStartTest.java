package cn.tzsw.college;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.Banner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.annotation.Configuration;

/**
 * Issue 14, item 9: the embedded MariaDB starts as soon as the application's configuration is read, on a thread of
 * its own, while the rest of the application is built; the DataSource then finds it running, or fails with the
 * cause of its failure. Each test runs a SpringApplication with no beans at all, so only the start ahead can have
 * started a server.
 */
class EarlyDatabaseStartTest {

    @TempDir
    Path temp;

    private Path folder;

    @AfterEach
    void stopTheServer() {
        if (folder != null) {
            EmbeddedMariaDb.stop(folder.toFile());
        }
    }

    @Test
    void any_application_start_starts_the_embedded_database_before_a_data_source_asks_for_it() {
        folder = temp.resolve("mariadb");

        run("--app.db.data-dir=" + folder);
        EarlyDatabaseStart.awaitStartAhead(folder.toFile());

        assertThat(EmbeddedMariaDb.serving(folder.toFile())).isTrue();
    }

    @Test
    void a_start_ahead_that_failed_fails_the_data_source_with_its_own_cause() throws Exception {
        Path notAFolder = Files.writeString(temp.resolve("mariadb"), "a file where the data folder should be");

        run("--app.db.data-dir=" + notAFolder);

        assertThatThrownBy(() -> EarlyDatabaseStart.awaitStartAhead(notAFolder.toFile()))
                .isInstanceOf(UncheckedIOException.class).hasMessageContaining(notAFolder.toString());
    }

    @Test
    void nothing_is_started_for_an_external_database() {
        Path unused = temp.resolve("mariadb");

        run("--app.db.url=jdbc:mariadb://db.example.cn:3306/college", "--app.db.data-dir=" + unused);
        EarlyDatabaseStart.awaitStartAhead(unused.toFile());

        assertThat(unused).doesNotExist();
    }

    private static void run(String... arguments) {
        SpringApplication application = new SpringApplication(NoBeans.class);
        application.setWebApplicationType(WebApplicationType.NONE);
        application.setBannerMode(Banner.Mode.OFF);
        application.run(arguments).close();
    }

    @Configuration(proxyBeanMethods = false)
    static class NoBeans {
    }
}
