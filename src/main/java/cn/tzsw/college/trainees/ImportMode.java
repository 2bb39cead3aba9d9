package cn.tzsw.college.trainees;

/** What an import does with a row whose ID number is registered already. */
public enum ImportMode {
    /** Such a row is an error: the file only adds new trainees. */
    CREATE_ONLY,
    /** Such a trainee is updated from the row (administrators only). */
    UPDATE
}
