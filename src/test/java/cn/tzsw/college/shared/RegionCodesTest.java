package cn.tzsw.college.shared;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RegionCodesTest {

    @Test
    void the_subtree_prefix_drops_the_zero_groups_of_lower_tiers() {
        assertThat(RegionCodes.subtreePrefix("330000000000")).isEqualTo("33");
        assertThat(RegionCodes.subtreePrefix("331000000000")).isEqualTo("3310");
        assertThat(RegionCodes.subtreePrefix("331002000000")).isEqualTo("331002");
        assertThat(RegionCodes.subtreePrefix("331002001000")).isEqualTo("331002001");
        assertThat(RegionCodes.subtreePrefix("331002001003")).isEqualTo("331002001003");
    }

    @Test
    void containment_follows_the_code_prefix() {
        assertThat(RegionCodes.contains("331002000000", "331002001003")).isTrue();
        assertThat(RegionCodes.contains("331002000000", "331082100200")).isFalse();
        assertThat(RegionCodes.contains("331000000000", "331082100200")).isTrue();
        assertThat(RegionCodes.contains("331000000000", "not-a-code")).isFalse();
    }

    @Test
    void ancestors_run_from_the_province_down() {
        assertThat(RegionCodes.ancestors("331002001003"))
                .containsExactly("330000000000", "331000000000", "331002000000", "331002001000");
    }
}
