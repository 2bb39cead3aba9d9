package cn.tzsw.college;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Triggers live with their table's owner (docs/architecture.md, "Table ownership"): a trigger names only tables of
 * the capability that owns the table it fires on, and reaches another capability only by calling a procedure that
 * capability publishes. Read from the schema the changelog built, whichever file created the trigger.
 */
class TriggerOwnershipTest extends IntegrationTest {

    @Autowired
    JdbcClient jdbc;

    @Test
    void a_trigger_names_only_tables_of_the_owner_of_the_table_it_fires_on() throws IOException {
        Map<String, String> owners = TableOwnershipTest.owners();
        Map<String, Set<String>> strangers = new TreeMap<>();
        jdbc.sql("""
                        SELECT trigger_name, event_object_table, action_statement FROM information_schema.triggers
                        WHERE trigger_schema = DATABASE()""")
                .query(rs -> {
                    String owner = owners.get(rs.getString("event_object_table").toLowerCase());
                    Matcher reference = TableOwnershipTest.TABLE_REFERENCE.matcher(rs.getString("action_statement"));
                    while (reference.find()) {
                        String table = reference.group(1).toLowerCase();
                        if (owners.containsKey(table) && !owners.get(table).equals(owner)) {
                            strangers.computeIfAbsent(rs.getString("trigger_name"), t -> new TreeSet<>()).add(table);
                        }
                    }
                });
        assertThat(strangers).as("triggers naming tables their table's owner does not own").isEmpty();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM information_schema.triggers WHERE trigger_schema = DATABASE()")
                .query(Integer.class).single()).as("the schema has triggers to check").isPositive();
    }
}
