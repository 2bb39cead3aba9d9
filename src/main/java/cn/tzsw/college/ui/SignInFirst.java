package cn.tzsw.college.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.router.QueryParameters;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Sign in first, then back where the person was going (「登录后报名」 leads back to the lecture): the login page's
 * {@code continue} parameter. Only a path on this site is followed; anything else would make the sign-in page a
 * redirector to other sites (phishing with the college's address).
 */
public final class SignInFirst {

    public static final String PARAMETER = "continue";
    private static final String LOGIN = "login";
    private static final int MAX_LENGTH = 500;

    private SignInFirst() {
    }

    /** The login page's address for a link that leads to the local path (e.g. {@code /lectures/7}) once signed in. */
    public static String loginThen(String localPath) {
        return LOGIN + "?" + PARAMETER + "=" + URLEncoder.encode(localPath, StandardCharsets.UTF_8);
    }

    /** Opens the login page in the window, leading to the local path after signing in. */
    public static void navigate(UI ui, String localPath) {
        ui.navigate(LOGIN, QueryParameters.of(PARAMETER, localPath));
    }

    /**
     * The target if it is a path on this site; empty for an absolute address, a scheme-relative {@code //host},
     * {@code /\host} (which browsers read as {@code //host}), control characters or anything unparsable.
     */
    public static Optional<String> localPath(String target) {
        if (target == null || target.length() > MAX_LENGTH || !target.startsWith("/") || target.startsWith("//")
                || target.chars().anyMatch(c -> c == '\\' || c <= ' ' || c == 0x7f)) {
            return Optional.empty();
        }
        try {
            URI uri = new URI(target);
            return uri.getScheme() == null && uri.getRawAuthority() == null ? Optional.of(target) : Optional.empty();
        } catch (URISyntaxException notAPath) {
            return Optional.empty();
        }
    }
}
