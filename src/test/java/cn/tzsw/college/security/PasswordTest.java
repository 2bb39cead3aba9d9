package cn.tzsw.college.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.tzsw.college.Fixtures;
import cn.tzsw.college.IntegrationTest;
import cn.tzsw.college.WebClient;
import cn.tzsw.college.shared.BusinessRuleException;
import jakarta.validation.ConstraintViolationException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;

/** Changing one's own password and an administrator's reset, signed in over real HTTP afterwards. */
class PasswordTest extends IntegrationTest {

    private static final String VILLAGE = "331002001003";

    @LocalServerPort
    int port;
    @Autowired
    AccountService accounts;
    @Autowired
    Fixtures fixtures;
    @Autowired
    JdbcTemplate jdbc;

    private String traineeWithPassword(String password) {
        String phone = fixtures.trainees(1, VILLAGE, false).get(0);
        jdbc.update("UPDATE user_account SET password_hash = ? WHERE username = ?", "{noop}" + password, phone);
        return phone;
    }

    private long accountId(String username) {
        return jdbc.queryForObject("SELECT id FROM user_account WHERE username = ?", Long.class, username);
    }

    private boolean signsIn(String username, String password) throws Exception {
        return !new WebClient(port).signIn(username, password).headers().firstValue("Location").orElse("error")
                .contains("error");
    }

    private int audited(String action, String username) {
        return fixtures.count("SELECT COUNT(*) FROM audit_event WHERE action = ? AND subject_type = 'account'"
                + " AND subject_id = ?", action, String.valueOf(accountId(username)));
    }

    private static PasswordChange change(String current, String next, String confirmation) {
        PasswordChange change = new PasswordChange();
        change.setCurrentPassword(current);
        change.setNewPassword(next);
        change.setConfirmation(confirmation);
        return change;
    }

    @Test
    void a_user_changes_their_password_only_by_giving_the_current_one() throws Exception {
        String phone = traineeWithPassword("Old@20261");

        assertThatThrownBy(() -> fixtures.as(phone, () -> {
            accounts.changeOwnPassword(change("Wrong@2026", "New@20261", "New@20261"));
            return null;
        })).isInstanceOfSatisfying(BusinessRuleException.class, e -> {
            assertThat(e.field()).isEqualTo("currentPassword");
            assertThat(e.messageKey()).isEqualTo("account.password.wrong");
        });
        assertThatThrownBy(() -> fixtures.as(phone, () -> {
            accounts.changeOwnPassword(change("Old@20261", "New@20261", "New@20262"));
            return null;
        })).isInstanceOf(ConstraintViolationException.class);
        assertThatThrownBy(() -> fixtures.as(phone, () -> {
            accounts.changeOwnPassword(change("Old@20261", "short", "short"));
            return null;
        })).isInstanceOf(ConstraintViolationException.class);
        assertThat(signsIn(phone, "Old@20261")).isTrue();

        fixtures.as(phone, () -> {
            accounts.changeOwnPassword(change("Old@20261", "New@20261", "New@20261"));
            return null;
        });

        assertThat(signsIn(phone, "New@20261")).isTrue();
        assertThat(signsIn(phone, "Old@20261")).isFalse();
        assertThat(audited("CHANGE_PASSWORD", phone)).isEqualTo(1);
    }

    @Test
    void an_administrator_resets_a_forgotten_password_and_the_old_one_stops_working() throws Exception {
        String phone = traineeWithPassword("Forgot@2026");

        String issued = fixtures.as("admin", () -> accounts.resetPassword(accountId(phone)));

        assertThat(issued).hasSize(10).doesNotContainAnyWhitespaces().doesNotContain("0", "O", "1", "l", "I");
        assertThat(signsIn(phone, issued)).isTrue();
        assertThat(signsIn(phone, "Forgot@2026")).isFalse();
        assertThat(fixtures.count("SELECT COUNT(*) FROM user_account WHERE username = ? AND password_hash LIKE ?",
                phone, "%" + issued + "%")).isZero();
        assertThat(audited("RESET_PASSWORD", phone)).isEqualTo(1);
    }

    @Test
    void only_administrators_reset_passwords() {
        String phone = traineeWithPassword("Mine@2026");
        long victim = accountId(traineeWithPassword("Theirs@2026"));

        assertThatThrownBy(() -> fixtures.as("jj-coord", () -> accounts.resetPassword(victim)))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> fixtures.as(phone, () -> accounts.resetPassword(victim)))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void an_imported_account_not_yet_claimed_is_not_reset() {
        String phone = fixtures.trainees(1, VILLAGE, false).get(0);
        jdbc.update("UPDATE user_account SET password_hash = ? WHERE username = ?", AccountService.IMPORTED_PASSWORD_HASH,
                phone);

        assertThatThrownBy(() -> fixtures.as("admin", () -> accounts.resetPassword(accountId(phone))))
                .isInstanceOfSatisfying(BusinessRuleException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("account.password.unclaimed"));
    }
}
