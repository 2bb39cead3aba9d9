package cn.tzsw.college.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.VaadinRequest;
import jakarta.servlet.http.Cookie;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Simplified Chinese first, English second. The choice lives in a cookie so the login page honours it too. */
public final class Languages {

    public static final List<Locale> SUPPORTED = List.of(Locale.SIMPLIFIED_CHINESE, Locale.ENGLISH);
    static final String COOKIE = "lang";

    private Languages() {
    }

    /** Anything that is not English is shown in Chinese. */
    public static Locale normalise(Locale locale) {
        return locale != null && "en".equals(locale.getLanguage()) ? Locale.ENGLISH : Locale.SIMPLIFIED_CHINESE;
    }

    static Locale fromRequest(VaadinRequest request) {
        return request == null ? Locale.SIMPLIFIED_CHINESE : chosen(request.getCookies()).orElse(Locale.SIMPLIFIED_CHINESE);
    }

    /** The language chosen with the in-app switch, if any; for pages outside Vaadin (the verification page). */
    public static Optional<Locale> chosen(Cookie[] cookies) {
        if (cookies != null) {
            for (Cookie cookie : cookies) {
                if (COOKIE.equals(cookie.getName())) {
                    return Optional.of(normalise(Locale.forLanguageTag(cookie.getValue())));
                }
            }
        }
        return Optional.empty();
    }

    /** Stores the choice in the browser and reloads, so every text is drawn again in the new language. */
    public static void switchTo(UI ui, Locale locale) {
        ui.getPage().executeJs("document.cookie = $0 + '=' + $1 + '; path=/; max-age=31536000; SameSite=Lax';"
                + " location.reload();", COOKIE, locale.toLanguageTag());
    }

    public static Locale other(Locale current) {
        return normalise(current).equals(Locale.ENGLISH) ? Locale.SIMPLIFIED_CHINESE : Locale.ENGLISH;
    }
}
