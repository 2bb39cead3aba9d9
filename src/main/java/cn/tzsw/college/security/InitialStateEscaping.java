package cn.tzsw.college.security;

import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import org.jsoup.nodes.DataNode;
import org.jsoup.nodes.Element;
import org.springframework.stereotype.Component;

/**
 * Vaadin writes a view's initial state (with eager server load, see application.properties) as JSON into an inline
 * {@code <script initial>} of the first page, without escaping: a {@code </script>} in users' text (a course title,
 * a work unit) ended the script there and the markup after it ran in the visitor's browser. Inside that script
 * {@code </} and {@code <!--} occur only in JSON strings, where {@code <\/} and {@code \u003C!--} mean the same to
 * JavaScript (and JSON) and nothing to the HTML parser.
 */
@Component
class InitialStateEscaping implements VaadinServiceInitListener {

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.addIndexHtmlRequestListener(response -> {
            for (Element script : response.getDocument().select("script[initial]")) {
                String escaped = escape(script.data());
                script.empty().appendChild(new DataNode(escaped));
            }
        });
    }

    static String escape(String script) {
        return script.replace("</", "<\\/").replace("<!--", "\\u003C!--");
    }
}
