package cn.tzsw.college.security;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpHeaders;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;
import org.springframework.security.web.header.HeaderWriterFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.header.writers.StaticHeadersWriter;
import org.springframework.stereotype.Component;

/**
 * The security headers of every response (views, static files, the player's API, videos): a Content-Security-Policy
 * ({@code app.security.content-security-policy}), {@code X-Content-Type-Options: nosniff}, a Referrer-Policy that
 * sends no path or query to other sites, framing by this site only (as Vaadin's own {@code X-Frame-Options}), and
 * "store nowhere" for every response that does not say how it may be cached (Vaadin's static files do).
 * Spring Security applies this bean to every filter chain ({@code http.headers(...)} of each {@code HttpSecurity}).
 *
 * <p>The headers are written when a request starts, not when its response is committed: Vaadin's views are
 * forwarded from Spring MVC to the Vaadin servlet, and since Tomcat 11 a forwarded response is committed past
 * Spring Security's response wrapper (Tomcat's {@code suspendWrappedResponseAfterForward}), so headers written on
 * commit never reached a Vaadin page.
 */
@Component
class SecurityHeaders implements Customizer<HeadersConfigurer<HttpSecurity>> {

    /**
     * What Vaadin's pre-compiled bundle needs (inline bootstrap script and styles; {@code executeJs} runs through
     * {@code new Function}, hence 'unsafe-eval'); videos and live streams (hls.js) from other hosts over HTTPS;
     * data: images for the QR codes. No plugins, no foreign forms, no framing by other sites.
     */
    static final String DEFAULT_POLICY = "default-src 'self'; script-src 'self' 'unsafe-inline' 'unsafe-eval'; "
            + "style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; "
            + "media-src 'self' blob: https:; connect-src 'self' https:; worker-src 'self' blob:; "
            + "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'self'";

    /**
     * Pages and API answers are never stored. Only this header, not Spring Security's {@code Pragma: no-cache} and
     * {@code Expires: 0} beside it: written when the request starts, those stayed beside the Cache-Control that
     * Vaadin sets on its scripts and styles, and Chromium reads {@code Pragma: no-cache} as "ask again every time",
     * so every page load revalidated its twenty static files, one round trip each.
     */
    static final String NOT_STORED = "no-cache, no-store, max-age=0, must-revalidate";

    private final String policy;

    SecurityHeaders(@Value("${app.security.content-security-policy:}") String policy) {
        this.policy = policy.isBlank() ? DEFAULT_POLICY : policy.strip();
    }

    @Override
    public void customize(HeadersConfigurer<HttpSecurity> headers) {
        headers.contentSecurityPolicy(csp -> csp.policyDirectives(policy))
                .contentTypeOptions(Customizer.withDefaults())
                .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN))
                .frameOptions(frames -> frames.sameOrigin())
                .cacheControl(cache -> cache.disable())
                .addHeaderWriter(new StaticHeadersWriter(HttpHeaders.CACHE_CONTROL, NOT_STORED))
                .addObjectPostProcessor(new ObjectPostProcessor<HeaderWriterFilter>() {
                    @Override
                    public <O extends HeaderWriterFilter> O postProcess(O filter) {
                        filter.setShouldWriteHeadersEagerly(true);
                        return filter;
                    }
                });
    }
}
