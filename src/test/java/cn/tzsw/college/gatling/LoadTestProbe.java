package cn.tzsw.college.gatling;

import org.springframework.context.annotation.Profile;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jmx.export.annotation.ManagedOperation;
import org.springframework.jmx.export.annotation.ManagedResource;
import org.springframework.stereotype.Component;

/**
 * What the capacity run reads from the node over JMX (profile {@code loadtest}, test classpath only): the seats of
 * every lecture as the database has them, so the run can show that no lecture took more than its capacity.
 */
@Component
@Profile("loadtest")
// public: Spring exports only public classes as MBeans
@ManagedResource(objectName = LoadTestProbe.NAME)
public class LoadTestProbe {

    static final String NAME = "college:type=LoadTestProbe";
    /** Over all lectures: the seat counter and the registration rows must both stay within the capacity. */
    static final String SEATS_SQL = """
            SELECT COUNT(*) AS lectures,
                   COALESCE(SUM(l.taken > l.capacity OR r.registered > l.capacity), 0) AS overbooked,
                   COALESCE(SUM(r.registered), 0) AS registered,
                   COALESCE(SUM(r.waitlisted), 0) AS waitlisted
            FROM lecture l
            LEFT JOIN (SELECT lecture_id, SUM(status = 'REGISTERED') AS registered,
                              SUM(status = 'WAITLISTED') AS waitlisted
                       FROM registration GROUP BY lecture_id) r ON r.lecture_id = l.id""";

    private final JdbcTemplate jdbc;

    LoadTestProbe(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** lectures, overbooked lectures, REGISTERED rows, WAITLISTED rows. */
    @ManagedOperation
    public long[] seats() {
        return jdbc.queryForObject(SEATS_SQL, (rs, row) -> new long[] {rs.getLong("lectures"), rs.getLong("overbooked"),
                rs.getLong("registered"), rs.getLong("waitlisted")});
    }
}
