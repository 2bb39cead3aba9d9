package cn.tzsw.college.security;

import com.vaadin.flow.spring.security.RequestUtil;
import com.vaadin.flow.spring.security.VaadinSecurityConfigurer;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Objects;
import org.springframework.http.HttpMethod;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatchers;
import org.springframework.web.servlet.HandlerMapping;

/**
 * GET requests for a path that leads nowhere: no Vaadin route, request or file, no controller, no management
 * endpoint. Signed-in users are let through to Vaadin's "not found" page (404); anonymous visitors are
 * told "not found" too, instead of being sent to sign in for a page that does not exist.
 */
final class UnknownPaths implements RequestMatcher {

    /** Actuator endpoints answer through handlers of their own; those not made public stay refused. */
    private static final String MANAGEMENT = "/actuator";

    private final RequestUtil vaadinRequests;
    private final HandlerMapping controllers;
    /** Vaadin's own files (scripts, styles, icons), which its rules open to everyone later in the chain. */
    private final RequestMatcher vaadinFiles;

    UnknownPaths(RequestUtil vaadinRequests, HandlerMapping controllers) {
        this.vaadinRequests = vaadinRequests;
        this.controllers = controllers;
        String mapping = Objects.requireNonNullElse(vaadinRequests.getUrlMapping(), "/*");
        this.vaadinFiles = RequestMatchers.anyOf(VaadinSecurityConfigurer.getDefaultHttpSecurityPermitMatcher(mapping),
                VaadinSecurityConfigurer.getDefaultWebSecurityIgnoreMatcher(mapping));
    }

    @Override
    public boolean matches(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return HttpMethod.GET.matches(request.getMethod()) && !path.startsWith(MANAGEMENT)
                && !vaadinRequests.isFrameworkInternalRequest(request) && !vaadinFiles.matches(request)
                && !vaadinRequests.isCustomWebIcon(request)
                && !vaadinRequests.isAnonymousRoute(request) && !vaadinRequests.isSecuredFlowRoute(request)
                && !hasController(request);
    }

    private boolean hasController(HttpServletRequest request) {
        try {
            return controllers.getHandler(request) != null;
        } catch (Exception e) {
            return true; // e.g. the path exists for another method: ask to sign in, as before
        }
    }
}
