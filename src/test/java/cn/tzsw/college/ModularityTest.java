package cn.tzsw.college;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

/** Capabilities talk through their root packages only; domain/ and ui/ stay internal; no cycles. */
class ModularityTest {

    @Test
    void the_capabilities_respect_their_boundaries() {
        ApplicationModules.of(Application.class).verify();
    }
}
