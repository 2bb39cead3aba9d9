package cn.tzsw.college.security;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;
import org.springframework.security.web.header.HeaderWriterFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.stereotype.Component;

/**
 * The security headers of every response (views, static files, the player's API, videos): a Content-Security-Policy
 * ({@code app.security.content-security-policy}), {@code X-Content-Type-Options: nosniff}, a Referrer-Policy that
 * sends no path or query to other sites, and framing by this site only (as Vaadin's own {@code X-Frame-Options}).
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
                .addObjectPostProcessor(new ObjectPostProcessor<HeaderWriterFilter>() {
                    @Override
                    public <O extends HeaderWriterFilter> O postProcess(O filter) {
                        filter.setShouldWriteHeadersEagerly(true);
                        return filter;
                    }
                });
    }
}
