package cn.tzsw.college.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Where the sign-in may lead: a path on this site, never another site (no database). */
class SignInFirstTest {

    @ParameterizedTest(name = "{0} is followed")
    @ValueSource(strings = {"/lectures/7", "/", "/catalog?q=%E4%BC%A6%E7%90%86", "/my/lectures#next"})
    void a_path_on_this_site_is_followed(String target) {
        assertThat(SignInFirst.localPath(target)).contains(target);
    }

    @ParameterizedTest(name = "{0} is ignored")
    @ValueSource(strings = {"https://evil.example/", "//evil.example/x", "/\\evil.example", "\\\\evil.example",
            "http:evil.example", "javascript:alert(1)", " /lectures/7", "/lectures/7\n", "/lectures/\t7",
            "lectures/7", "", "/a b"})
    void an_address_elsewhere_or_anything_odd_is_ignored(String target) {
        assertThat(SignInFirst.localPath(target)).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"/lectures/7", "/catalog?q=伦理&page=2"})
    void the_login_address_carries_the_path_encoded_and_gives_it_back(String path) {
        String login = SignInFirst.loginThen(path);
        assertThat(login).startsWith("login?continue=").doesNotContain("&page");
        assertThat(SignInFirst.localPath(URLDecoder.decode(login.substring("login?continue=".length()),
                StandardCharsets.UTF_8))).contains(path);
    }
}
