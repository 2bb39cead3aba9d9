package cn.tzsw.college;

import java.io.File;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.boot.context.event.ApplicationContextInitializedEvent;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.ApplicationListener;

/**
 * Starts the embedded MariaDB on a thread of its own as soon as the configuration is complete, so that the server
 * comes up (seconds; on a new folder the install as well) while Spring reads and builds the rest of the app, not
 * before it. The DataSource then waits only for what is left ({@link #awaitStartAhead}). Registered in
 * META-INF/spring.factories, as it must run before any bean exists; it waits for the context's initializers, which
 * add the last properties (a test's).
 */
class EarlyDatabaseStart implements ApplicationListener<ApplicationContextInitializedEvent> {

    private static final Map<String, CompletableFuture<Void>> STARTS = new ConcurrentHashMap<>();

    @Override
    public void onApplicationEvent(ApplicationContextInitializedEvent event) {
        DatabaseProperties database = Binder.get(event.getApplicationContext().getEnvironment())
                .bindOrCreate("app.db", DatabaseProperties.class);
        if (database.external()) {
            return;
        }
        File folder = new File(database.dataDir());
        CompletableFuture<Void> started = new CompletableFuture<>();
        STARTS.put(key(folder), started);
        Thread.ofPlatform().name("embedded-mariadb-start").daemon().start(() -> {
            try {
                EmbeddedMariaDb.start(folder, database.databaseName(), database.password());
                started.complete(null);
            } catch (RuntimeException e) {
                started.completeExceptionally(e);
            }
        });
    }

    /**
     * Waits for the start begun ahead for this folder, if there is one, and fails as it failed: a second try on a
     * folder that the first left half-made would only hide the cause.
     */
    static void awaitStartAhead(File dataDir) {
        CompletableFuture<Void> started = STARTS.remove(key(dataDir));
        if (started == null) {
            return;
        }
        try {
            started.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }

    private static String key(File dataDir) {
        return dataDir.toPath().toAbsolutePath().normalize().toString();
    }
}
