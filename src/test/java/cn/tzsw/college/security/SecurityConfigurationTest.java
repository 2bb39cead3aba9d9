package cn.tzsw.college.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.support.PropertiesLoaderUtils;
import org.springframework.security.crypto.password.PasswordEncoder;

/** The application's password hashing; the integration tests run it at a cheaper cost. */
class SecurityConfigurationTest {

    @Test
    void passwords_are_stored_as_bcrypt_hashes_of_cost_ten_and_checked_against_them() throws Exception {
        Properties application = PropertiesLoaderUtils.loadProperties(new ClassPathResource("application.properties"));
        PasswordEncoder passwords = new SecurityConfiguration().passwordEncoder(
                Integer.parseInt(application.getProperty("app.security.password-strength")));

        String stored = passwords.encode("Trainee@2026");

        assertThat(stored).startsWith("{bcrypt}$2a$10$");
        assertThat(passwords.matches("Trainee@2026", stored)).isTrue();
        assertThat(passwords.matches("Trainee@2027", stored)).isFalse();
    }

    @Test
    void another_cost_hashes_new_passwords_and_still_checks_the_hashes_of_the_old_one() {
        String stored = new SecurityConfiguration().passwordEncoder(10).encode("Trainee@2026");
        PasswordEncoder cheaper = new SecurityConfiguration().passwordEncoder(4);

        assertThat(cheaper.encode("Trainee@2026")).startsWith("{bcrypt}$2a$04$");
        assertThat(cheaper.matches("Trainee@2026", stored)).isTrue();
        assertThat(cheaper.matches("Trainee@2026", "{noop}Trainee@2026")).isTrue();
    }

    @Test
    void a_cost_outside_bcrypts_range_stops_the_start_with_the_property_named() {
        for (int strength : new int[] {3, 32}) {
            assertThatThrownBy(() -> new SecurityConfiguration().passwordEncoder(strength))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("app.security.password-strength");
        }
    }
}
