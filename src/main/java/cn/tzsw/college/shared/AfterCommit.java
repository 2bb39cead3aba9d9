package cn.tzsw.college.shared;

import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Runs a step once the caller's transaction has committed (at once without one), for in-memory work that must see
 * only committed changes: counters, caches. Called from a plain {@code @EventListener}: a
 * {@code @TransactionalEventListener} would have Spring Modulith store and later delete a publication row for
 * every event, which takes a second pool connection while the first is still held (the registration burst ran out
 * of connections that way).
 */
public final class AfterCommit {

    private AfterCommit() {
    }

    public static void run(Runnable step) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            step.run();
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                step.run();
            }
        });
    }
}
