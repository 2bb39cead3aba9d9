package cn.tzsw.college.attendance;

import static org.assertj.core.api.Assertions.assertThat;

import cn.tzsw.college.IntegrationTest;
import cn.tzsw.college.attendance.domain.SigningKeyRepository;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** Check-in codes signed on one node are accepted on another: with a configured secret, or the key kept in the database. */
class SigningKeyOnTwoNodesTest extends IntegrationTest {

    @Autowired
    SigningKeyRepository storedKeys;
    @Autowired
    Clock clock;
    @Autowired
    JdbcTemplate jdbc;

    private CheckInCodes node() {
        return onAnotherNode(CheckInCodes.class);
    }

    @Test
    void a_code_signed_on_one_node_verifies_on_another() {
        CheckInCodes nodeA = node();
        CheckInCodes nodeB = node();
        CheckInCodes.Target room = new CheckInCodes.Target('L', 42);
        long slot = nodeA.currentSlot();

        assertThat(nodeB.verifyToken(nodeA.token(room, slot))).contains(room);
        assertThat(nodeB.verifyShortCode(room, nodeA.shortCode(room, slot))).isTrue();
    }

    @Test
    void two_nodes_making_the_first_key_at_once_agree_on_it() throws Exception {
        // As on a new database: no key yet, and two nodes need one at the same moment.
        jdbc.update("DELETE FROM attendance_signing_key");
        List<CheckInCodes> nodes = List.of(node(), node());
        CheckInCodes.Target site = new CheckInCodes.Target('S', 3);
        ExecutorService pool = Executors.newFixedThreadPool(nodes.size());
        List<String> tokens = new ArrayList<>();
        try {
            for (Future<String> signed : pool.invokeAll(nodes.stream()
                    .<Callable<String>>map(node -> () -> node.token(site, node.currentSlot())).toList())) {
                tokens.add(signed.get());
            }
        } finally {
            pool.shutdown();
        }

        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM attendance_signing_key", Integer.class)).isEqualTo(1);
        assertThat(nodes.get(0).verifyToken(tokens.get(1))).contains(site);
        assertThat(nodes.get(1).verifyToken(tokens.get(0))).contains(site);
    }

    @Test
    void a_configured_secret_wins_over_the_stored_key() {
        CheckInCodes configuredA = configured("the-college-secret");
        CheckInCodes configuredB = configured("the-college-secret");
        CheckInCodes stored = node();
        CheckInCodes.Target room = new CheckInCodes.Target('S', 7);
        String token = configuredA.token(room, configuredA.currentSlot());

        assertThat(configuredB.verifyToken(token)).contains(room);
        assertThat(stored.verifyToken(token)).isEmpty();
    }

    private CheckInCodes configured(String secret) {
        AttendanceProperties properties = new AttendanceProperties();
        properties.setSigningSecret(secret);
        return new CheckInCodes(properties, storedKeys, clock, "http://localhost:8080");
    }
}
