package cn.tzsw.college.shared;

import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The site's address for absolute links that people open on another device (QR codes, links shown on a page).
 * While a request is under way it is the address that request came to (scheme, host, port and context path, as
 * {@code server.forward-headers-strategy} lets X-Forwarded-* rewrite them behind a proxy): a phone that scans a code
 * reaches the server whose page showed it. Only without a request (mails, jobs) does the configured public address
 * ({@code app.base-url}, {@code APP_BASE_URL}) stand in.
 */
public final class SiteAddress {

    private SiteAddress() {
    }

    /** The address without a trailing slash, e.g. {@code https://college.example.cn}. */
    public static String current(String configured) {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            return ServletUriComponentsBuilder.fromContextPath(attributes.getRequest()).build().toUriString()
                    .replaceAll("/+$", "");
        }
        return configured.replaceAll("/+$", "");
    }
}
