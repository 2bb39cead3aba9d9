package cn.tzsw.college.shared;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTimeoutException;
import java.sql.SQLTransientConnectionException;
import java.util.List;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionException;

/**
 * Tells a database that cannot be reached (stopped, unreachable, the pool's wait for a connection over) from the
 * application's own errors, anywhere in a cause chain: Spring's translations (JdbcClient, repositories,
 * transactions), the pool's and the driver's exceptions, and Hibernate's when they arrive untranslated.
 */
public final class DatabaseFailures {

    private static final List<Class<? extends Throwable>> UNREACHABLE = List.of(
            DataAccessResourceFailureException.class, // incl. CannotGetJdbcConnectionException
            TransientDataAccessResourceException.class, QueryTimeoutException.class,
            CannotCreateTransactionException.class, org.hibernate.exception.JDBCConnectionException.class,
            SQLTransientConnectionException.class, // the pool waited connection-timeout in vain
            SQLNonTransientConnectionException.class, SQLRecoverableException.class, SQLTimeoutException.class);

    private static final List<Class<? extends Throwable>> FROM_DATABASE = List.of(
            DataAccessException.class, TransactionException.class, SQLException.class,
            org.hibernate.JDBCException.class, jakarta.persistence.PersistenceException.class);

    private DatabaseFailures() {
    }

    /** The database could not be reached or did not answer in time: the service is unavailable for now. */
    public static boolean unreachable(Throwable error) {
        return causedBy(error, UNREACHABLE);
    }

    /** The database or its driver failed, whether unreachable or refusing a statement. */
    public static boolean fromDatabase(Throwable error) {
        return causedBy(error, FROM_DATABASE) || unreachable(error);
    }

    /** A line for the log: the failure's own message and its deepest cause's, without a stack trace. */
    public static String summary(Throwable error) {
        Throwable root = error;
        for (int depth = 0; root.getCause() != null && root.getCause() != root && depth < 20; depth++) {
            root = root.getCause();
        }
        return root == error ? String.valueOf(error) : error + " (cause: " + root + ")";
    }

    private static boolean causedBy(Throwable error, List<Class<? extends Throwable>> kinds) {
        Throwable current = error;
        for (int depth = 0; current != null && depth < 20; depth++) {
            Throwable candidate = current;
            if (kinds.stream().anyMatch(kind -> kind.isInstance(candidate))) {
                return true;
            }
            current = current.getCause() == current ? null : current.getCause();
        }
        return false;
    }
}
