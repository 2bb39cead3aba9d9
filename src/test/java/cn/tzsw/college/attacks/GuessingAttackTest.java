package cn.tzsw.college.attacks;

import static cn.tzsw.college.TryAgainTimes.TRY_AGAIN_AT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.tzsw.college.Fixtures;
import cn.tzsw.college.IntegrationTest;
import cn.tzsw.college.WebClient;
import cn.tzsw.college.attendance.LecturesUnderway;
import cn.tzsw.college.security.AccountService;
import cn.tzsw.college.security.AttemptLock;
import cn.tzsw.college.security.AttemptRule;
import java.net.InetAddress;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.access.AccessDeniedException;

/**
 * Issue 13, findings 6 and 8 (login CSRF): passwords cannot be guessed without limit. Wrong passwords lock the
 * account for a while (unknown names answer the same), one address trying many names is refused for a while, an
 * administrator lifts a lock, and the login form is not accepted without its CSRF token. Each test talks from a
 * loopback address of its own (127.0.0.x), so what is counted per address is its own.
 */
class GuessingAttackTest extends IntegrationTest {

    private static final AtomicInteger ADDRESS = new AtomicInteger(40);
    private static final String LOCKED = "登录失败次数过多";
    /** A page only a signed-in user opens (the home page at / is the public portal). */
    private static final String SIGNED_IN_PAGE = "/account/password";

    @LocalServerPort
    int port;
    @Autowired
    Fixtures fixtures;
    @Autowired
    LecturesUnderway lectures;
    @Autowired
    AccountService accounts;

    /** A client talking from a loopback address no other test uses. */
    private WebClient client() throws Exception {
        return new WebClient(port, InetAddress.getByName("127.0.0." + ADDRESS.incrementAndGet()));
    }

    private String freshAccount(String password) {
        List<String> phones = fixtures.trainees(1, LecturesUnderway.JIAOJIANG_VILLAGE, false);
        lectures.givePassword(phones, password);
        return phones.get(0);
    }

    /** Where the sign-in sent the browser, and what the login page then says (its form's error texts). */
    private String answer(WebClient web, HttpResponse<String> response) throws Exception {
        String location = response.headers().firstValue("Location").orElse("");
        assertThat(location).as("a refused sign-in goes back to the login page").contains("/login?error");
        return web.view("login", "error");
    }

    @Test
    void after_five_wrong_passwords_even_the_right_one_is_refused_with_the_time_to_try_again() throws Exception {
        String phone = freshAccount("Right@2026");
        WebClient web = client();
        for (int i = 0; i < 5; i++) {
            assertThat(web.signIn(phone, "wrong-" + i).headers().firstValue("Location").orElse("")).contains("error");
        }

        HttpResponse<String> right = web.signIn(phone, "Right@2026");

        assertThat(answer(web, right)).contains(LOCKED).containsPattern(TRY_AGAIN_AT);
        assertThat(web.get(SIGNED_IN_PAGE).statusCode()).as("not signed in").isEqualTo(302);
        // The lock is the account's, not the client's: another address is refused too.
        WebClient other = client();
        assertThat(answer(other, other.signIn(phone, "Right@2026"))).contains(LOCKED);
    }

    @Test
    void an_unknown_account_gets_the_same_answer_as_an_existing_one() throws Exception {
        String phone = freshAccount("Right@2026");
        String unknown = "139" + (10_000_000 + ADDRESS.get() * 1000 + 7);
        WebClient web = client();
        for (int i = 0; i < 5; i++) {
            web.signIn(phone, "wrong-" + i);
            web.signIn(unknown, "wrong-" + i);
        }

        String existing = answer(web, web.signIn(phone, "wrong-6"));
        String missing = answer(web, web.signIn(unknown, "wrong-6"));

        assertThat(existing).contains(LOCKED);
        assertThat(missing).contains(LOCKED);
        assertThat(message(missing)).isEqualTo(message(existing));
    }

    private static String message(String page) {
        int at = page.indexOf(LOCKED);
        return page.substring(at, page.indexOf('。', at) + 1);
    }

    @Test
    void one_address_trying_many_user_names_is_refused_for_a_while() throws Exception {
        String phone = freshAccount("Right@2026");
        WebClient guesser = client();
        for (int i = 0; i < 30; i++) {
            guesser.signIn("guess-" + UUID.randomUUID(), "Password" + i);
        }

        assertThat(answer(guesser, guesser.signIn(phone, "Right@2026"))).contains(LOCKED);
        HttpResponse<String> elsewhere = client().signIn(phone, "Right@2026");
        assertThat(elsewhere.headers().firstValue("Location").orElse("")).as("other addresses still sign in")
                .doesNotContain("error");
    }

    @Test
    void a_login_post_without_the_csrf_token_signs_nobody_in() throws Exception {
        WebClient web = client();
        web.get("/login");

        HttpResponse<String> response = web.postForm("/login", "username=admin&password=Demo%402026");

        assertThat(response.statusCode() == 403
                || response.headers().firstValue("Location").orElse("").contains("/login")).isTrue();
        HttpResponse<String> home = web.get(SIGNED_IN_PAGE);
        assertThat(home.statusCode()).isEqualTo(302);
        assertThat(home.headers().firstValue("Location").orElse("")).endsWith("/login");
    }

    @Test
    void an_administrator_lifts_the_lock_the_person_signs_in_and_the_audit_trail_keeps_lock_and_lift() throws Exception {
        String phone = freshAccount("Right@2026");
        WebClient web = client();
        for (int i = 0; i < 5; i++) {
            web.signIn(phone, "wrong-" + i);
        }
        assertThat(answer(web, web.signIn(phone, "Right@2026"))).contains(LOCKED);

        AttemptLock lock = fixtures.as("admin", accounts::signInLocks).stream()
                .filter(l -> l.subject().equals(phone)).findFirst().orElseThrow();
        assertThatThrownBy(() -> fixtures.as("jj-coord", () -> {
            accounts.liftSignInLock(lock.rule(), lock.subject());
            return null;
        })).isInstanceOf(AccessDeniedException.class);
        fixtures.as("admin", () -> {
            accounts.liftSignInLock(lock.rule(), lock.subject());
            return null;
        });

        assertThat(lock.rule()).isEqualTo(AttemptRule.SIGN_IN_ACCOUNT);
        assertThat(web.signIn(phone, "Right@2026").headers().firstValue("Location").orElse("")).doesNotContain("error");
        assertThat(web.get(SIGNED_IN_PAGE).statusCode()).isEqualTo(200);
        assertThat(fixtures.count("SELECT COUNT(*) FROM audit_event WHERE action = 'LOCK'"
                + " AND subject_type = 'sign-in-account' AND subject_id = ?", phone)).isEqualTo(1);
        assertThat(fixtures.count("SELECT COUNT(*) FROM audit_event WHERE action = 'UNLOCK'"
                + " AND subject_type = 'sign-in-account' AND subject_id = ? AND actor = 'admin'", phone)).isEqualTo(1);
    }
}
