package cn.tzsw.college.trainees;

/**
 * Trainees' read model {@code trainee_ref_v} as SQL text, for registration's one query on the registration path
 * only: the declared exception to the read-model rule (docs/architecture.md, "Read models"). MariaDB parses a view
 * again for every statement that names it, and that query runs for every registration. The text reads what the view
 * reads ({@code TraineeReadModelsTest} holds them together); trainees may change the table as long as both keep the
 * columns {@code id}, {@code account_id} and {@code region_code}.
 */
public final class TraineeRefSql {

    /** The trainees, with the view's columns under the same names: text for a FROM clause, before an alias. */
    public static final String TABLE = "trainee";

    private TraineeRefSql() {
    }
}
