package cn.tzsw.college.attendance;

import static org.assertj.core.api.Assertions.assertThat;

import cn.tzsw.college.IntegrationTest;
import cn.tzsw.college.attendance.domain.SigningKeyRepository;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/** Check-in codes signed on one node are accepted on another: with a configured secret, or the key kept in the database. */
class SigningKeyOnTwoNodesTest extends IntegrationTest {

    @Autowired
    ApplicationContext context;
    @Autowired
    SigningKeyRepository storedKeys;
    @Autowired
    Clock clock;

    private CheckInCodes node() {
        return context.getAutowireCapableBeanFactory().createBean(CheckInCodes.class);
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
