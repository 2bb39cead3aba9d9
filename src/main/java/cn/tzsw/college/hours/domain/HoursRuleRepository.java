package cn.tzsw.college.hours.domain;

import java.math.BigDecimal;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The configured rule as rows ({@code hours_rule}), for the triggers' functions and hours' read model. */
@Repository
public class HoursRuleRepository {

    private final JdbcClient jdbc;

    HoursRuleRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Makes the table hold exactly these levels' required hours and the period length. Upserts first, so that another
     * instance's triggers never find the table empty.
     */
    public void store(Map<String, BigDecimal> requiredByLevel, int periodYears) {
        requiredByLevel.forEach((level, required) -> jdbc.sql("""
                        INSERT INTO hours_rule (certificate_level, required_hours, period_years) VALUES (?, ?, ?)
                        ON DUPLICATE KEY UPDATE required_hours = VALUES(required_hours), period_years = VALUES(period_years)""")
                .params(level, required, periodYears).update());
        jdbc.sql("DELETE FROM hours_rule WHERE certificate_level NOT IN (:levels)")
                .param("levels", requiredByLevel.keySet()).update();
    }
}
