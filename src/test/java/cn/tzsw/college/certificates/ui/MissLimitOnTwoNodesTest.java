package cn.tzsw.college.certificates.ui;

import static org.assertj.core.api.Assertions.assertThat;

import cn.tzsw.college.IntegrationTest;
import cn.tzsw.college.certificates.CertificateProperties;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The verification miss limit counts in the database, so a client guessing through two nodes meets one limit. */
class MissLimitOnTwoNodesTest extends IntegrationTest {

    @Autowired
    CertificateProperties properties;

    private MissLimiter node() {
        return onAnotherNode(MissLimiter.class);
    }

    @Test
    void misses_spread_over_two_nodes_hit_the_limit_at_the_same_count_as_on_one() {
        MissLimiter nodeA = node();
        MissLimiter nodeB = node();
        MissLimiter alone = node();
        String spread = "198.51.100.21";
        String single = "198.51.100.22";

        for (int miss = 0; miss < properties.missLimit(); miss++) {
            MissLimiter node = miss % 2 == 0 ? nodeA : nodeB;
            assertThat(node.blocked(spread)).isFalse();
            node.recordMiss(spread);
            assertThat(alone.blocked(single)).isFalse();
            alone.recordMiss(single);
        }

        assertThat(alone.blocked(single)).isTrue();
        assertThat(nodeA.blocked(spread)).isTrue();
        assertThat(nodeB.blocked(spread)).isTrue();
        nodeA.forget(spread);
        assertThat(nodeB.blocked(spread)).isFalse();
    }
}
