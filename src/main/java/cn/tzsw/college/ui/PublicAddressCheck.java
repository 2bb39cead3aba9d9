package cn.tzsw.college.ui;

import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import java.net.URI;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * A production build whose public address was never set would send mails with links to localhost: say so at
 * start-up, once, where the operator looks.
 */
@Component
class PublicAddressCheck implements VaadinServiceInitListener {

    private static final Logger log = LoggerFactory.getLogger(PublicAddressCheck.class);
    private static final Set<String> THIS_MACHINE = Set.of("localhost", "127.0.0.1", "[::1]", "0.0.0.0");

    private final String baseUrl;

    PublicAddressCheck(@Value("${app.base-url:}") String baseUrl) {
        this.baseUrl = baseUrl;
    }

    @Override
    public void serviceInit(ServiceInitEvent event) {
        if (event.getSource().getDeploymentConfiguration().isProductionMode() && unset(baseUrl)) {
            log.warn("APP_BASE_URL (app.base-url) is not set: links in mails will point to '{}'. Set it to the site's"
                    + " public address, e.g. https://college.example.cn", baseUrl);
        }
    }

    /** Blank, or an address of this machine (the default), which nobody else can open. */
    static boolean unset(String url) {
        if (url == null || url.isBlank()) {
            return true;
        }
        try {
            String host = URI.create(url.strip()).getHost();
            return host == null || THIS_MACHINE.contains(host.toLowerCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return true;
        }
    }
}
