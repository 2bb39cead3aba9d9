package cn.tzsw.college.reporting.domain;

import com.zaxxer.hikari.HikariDataSource;
import java.util.function.Supplier;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The connection the reports' reads use: a small read-only pool of their own when {@code app.reporting.db.url} names
 * a replica, so the reports' long scans leave the primary alone; else the primary's, inside the caller's
 * transaction. On a replica the figures lag the primary by the replication delay. Neither the pool nor its
 * transaction manager is a bean, so the application's one DataSource and transaction manager stay as they are.
 */
@Component
class ReportReads implements DisposableBean {

    private final JdbcClient jdbc;
    private final HikariDataSource replica;
    private final TransactionTemplate readOnly;

    ReportReads(ReportDatabaseProperties database, JdbcClient primary) {
        if (!database.separate()) {
            this.jdbc = primary;
            this.replica = null;
            this.readOnly = null;
            return;
        }
        replica = new HikariDataSource();
        replica.setPoolName("college-reports");
        replica.setJdbcUrl(database.url());
        replica.setUsername(database.user());
        replica.setPassword(database.password());
        replica.setMaximumPoolSize(database.maxPoolSize());
        replica.setReadOnly(true);
        // the driver's read-only flag alone does not reach the server: every transaction of these sessions is
        // read-only, single statements (autocommit) included
        replica.setConnectionInitSql("SET SESSION TRANSACTION READ ONLY");
        // a replica that is down fails the report, not the start; the primary's pool waits as long
        replica.setInitializationFailTimeout(-1);
        replica.setConnectionTimeout(5_000);
        DataSourceTransactionManager transactions = new DataSourceTransactionManager(replica);
        transactions.setEnforceReadOnly(true);
        readOnly = new TransactionTemplate(transactions);
        readOnly.setReadOnly(true);
        jdbc = JdbcClient.create(replica);
    }

    JdbcClient jdbc() {
        return jdbc;
    }

    /** Runs reads in one read-only transaction on the replica (nested calls join it); on the primary as called. */
    <T> T together(Supplier<T> reads) {
        return readOnly == null ? reads.get() : readOnly.execute(status -> reads.get());
    }

    @Override
    public void destroy() {
        if (replica != null) {
            replica.close();
        }
    }
}
