package cn.tzsw.college.shared;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LikePatternsTest {

    @Test
    void typed_wildcards_and_the_escape_character_match_only_themselves() {
        assertThat(LikePatterns.escape("50%_off\\")).isEqualTo("50\\%\\_off\\\\");
    }

    @Test
    void a_prefix_pattern_ends_in_one_wildcard_and_a_contains_pattern_has_one_at_each_end() {
        assertThat(LikePatterns.startingWith("TZSW-2026_")).isEqualTo("TZSW-2026\\_%");
        assertThat(LikePatterns.containing("社工站")).isEqualTo("%社工站%");
    }
}
