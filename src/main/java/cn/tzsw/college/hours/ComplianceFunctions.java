package cn.tzsw.college.hours;

import liquibase.change.custom.CustomSqlChange;
import liquibase.database.Database;
import liquibase.exception.ValidationErrors;
import liquibase.resource.ResourceAccessor;
import liquibase.statement.SqlStatement;
import liquibase.statement.core.RawSqlStatement;

/**
 * Liquibase's step that (re)creates hours' stored rule functions from {@link ComplianceSql}'s text at every start
 * (changelog 2026-12-06-10, a runAlways change set), so that the triggers run the text the statements inline.
 */
public class ComplianceFunctions implements CustomSqlChange {

    @Override
    public SqlStatement[] generateStatements(Database database) {
        return ComplianceSql.functions().stream().map(RawSqlStatement::new).toArray(SqlStatement[]::new);
    }

    @Override
    public String getConfirmationMessage() {
        return "hours' rule functions written from hours.ComplianceSql";
    }

    @Override
    public void setUp() {
    }

    @Override
    public void setFileOpener(ResourceAccessor resourceAccessor) {
    }

    @Override
    public ValidationErrors validate(Database database) {
        return new ValidationErrors();
    }
}
