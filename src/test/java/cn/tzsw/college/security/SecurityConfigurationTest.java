package cn.tzsw.college.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.password.PasswordEncoder;

/** The application's password hashing, which the integration tests swap for a cheaper bcrypt. */
class SecurityConfigurationTest {

    @Test
    void passwords_are_stored_as_bcrypt_hashes_of_cost_ten_and_checked_against_them() {
        PasswordEncoder passwords = new SecurityConfiguration().passwordEncoder();

        String stored = passwords.encode("Trainee@2026");

        assertThat(stored).startsWith("{bcrypt}$2a$10$");
        assertThat(passwords.matches("Trainee@2026", stored)).isTrue();
        assertThat(passwords.matches("Trainee@2027", stored)).isFalse();
    }
}
