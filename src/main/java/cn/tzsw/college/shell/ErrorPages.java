package cn.tzsw.college.shell;

import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import org.springframework.boot.webmvc.autoconfigure.error.ErrorViewResolver;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.View;
import org.springframework.web.util.HtmlUtils;

/**
 * The error page of requests that never reach a Vaadin view (a direct {@code /error}, a failed download): the
 * same sentences as {@link ErrorViews}, Chinese first and English second since no language choice is at hand
 * there, a way home, never a stack trace.
 */
@Component
class ErrorPages implements ErrorViewResolver {

    private static final Locale[] LANGUAGES = {Locale.SIMPLIFIED_CHINESE, Locale.ENGLISH};

    private final MessageSource messages;

    ErrorPages(MessageSource messages) {
        this.messages = messages;
    }

    @Override
    public ModelAndView resolveErrorView(HttpServletRequest request, HttpStatus status, Map<String, Object> model) {
        String titleKey = switch (status) {
            case NOT_FOUND -> "error.notFound.title";
            case FORBIDDEN -> "error.accessDenied.title";
            default -> "error.title";
        };
        String messageKey = switch (status) {
            case NOT_FOUND -> "error.notFound.message";
            case FORBIDDEN -> "error.accessDenied";
            default -> "error.unexpected";
        };
        StringBuilder body = new StringBuilder("<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"UTF-8\">")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
                .append("<link rel=\"stylesheet\" href=\"/styles.css\"><title>").append(text(titleKey, LANGUAGES[0]))
                .append("</title></head><body><div class=\"error-page\">");
        for (Locale language : LANGUAGES) {
            body.append("<section lang=\"").append(language.toLanguageTag()).append("\"><h2>")
                    .append(text(titleKey, language)).append("</h2><p>").append(text(messageKey, language))
                    .append("</p><p><a href=\"/\">").append(text("error.home", language)).append("</a></p></section>");
        }
        byte[] html = body.append("</div></body></html>").toString().getBytes(StandardCharsets.UTF_8);
        View view = (ignored, req, response) -> {
            response.setContentType("text/html;charset=UTF-8");
            response.setContentLength(html.length);
            response.getOutputStream().write(html);
        };
        ModelAndView page = new ModelAndView(view);
        page.setStatus(status);
        return page;
    }

    private String text(String key, Locale language) {
        return HtmlUtils.htmlEscape(messages.getMessage(key, null, language));
    }
}
