package cn.tzsw.college.certificates.ui;

import cn.tzsw.college.certificates.CertificateStatus;
import cn.tzsw.college.certificates.Verification;
import cn.tzsw.college.certificates.Verifications;
import cn.tzsw.college.shared.ChineseDates;
import cn.tzsw.college.ui.Languages;
import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.HtmlUtils;

/**
 * Public verification, no sign-in: the page a certificate's QR code opens, and the same facts as JSON for third
 * parties. Both show the server's own record, so an edited PDF gives itself away. Unknown codes get a plain "not
 * found"; a client with too many of those in a short time is refused for a while.
 */
@RestController
class VerificationController {

    private final Verifications verifications;
    private final MissLimiter limiter;
    private final MessageSource messages;

    VerificationController(Verifications verifications, MissLimiter limiter, MessageSource messages) {
        this.verifications = verifications;
        this.limiter = limiter;
        this.messages = messages;
    }

    @GetMapping(value = "/api/certificates/{code}", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Map<String, Object>> api(@PathVariable String code, HttpServletRequest request) {
        String client = request.getRemoteAddr();
        if (limiter.blocked(client)) {
            return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS).body(Map.of("error", "too many requests"));
        }
        Optional<Verification> found = verifications.verify(code);
        if (found.isEmpty()) {
            limiter.recordMiss(client);
            return ResponseEntity.status(HttpStatus.NOT_FOUND).body(Map.of("error", "not found"));
        }
        Verification v = found.get();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("code", v.code());
        body.put("serial", v.serial());
        body.put("kind", v.kind().name());
        body.put("status", v.status().name());
        body.put("holder", v.holderName());
        body.put("title", v.title());
        body.put("hours", v.hours());
        body.put("coversFrom", v.coversFrom().toString());
        body.put("coversTo", v.coversTo().toString());
        body.put("issuedOn", v.issuedOn().toString());
        body.put("validUntil", v.validUntil() == null ? null : v.validUntil().toString());
        body.put("revokedAt", v.revokedAt() == null ? null : v.revokedAt().toString());
        body.put("revokedReason", v.revokedReason());
        body.put("replacedBy", v.replacedBy());
        body.put("issuer", v.issuer());
        return ResponseEntity.ok(body);
    }

    @GetMapping(value = {"/verify", "/verify/", "/verify/{code}"}, produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<String> page(@PathVariable(required = false) String code,
                                @RequestParam(name = "code", required = false) String typed,
                                HttpServletRequest request) {
        Locale locale = locale(request);
        String wanted = code != null ? code : typed;
        if (wanted == null || wanted.isBlank()) {
            return ResponseEntity.ok(html(locale, form(locale, "")));
        }
        String client = request.getRemoteAddr();
        if (limiter.blocked(client)) {
            return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
                    .body(html(locale, "<p class=\"verify-miss\">" + t("verify.tooMany", locale) + "</p>"));
        }
        Optional<Verification> found = verifications.verify(wanted);
        if (found.isEmpty()) {
            limiter.recordMiss(client);
            return ResponseEntity.status(HttpStatus.NOT_FOUND).body(html(locale,
                    "<p id=\"verify-status\" class=\"verify-miss\">" + t("verify.notFound", locale) + "</p>"
                            + form(locale, wanted)));
        }
        return ResponseEntity.ok(html(locale, record(found.get(), locale)));
    }

    /**
     * Chinese, as the certificates are; English when asked for (?lang=en), when chosen with the app's language switch,
     * or when the browser prefers it.
     */
    private static Locale locale(HttpServletRequest request) {
        String lang = request.getParameter("lang");
        if (lang != null) {
            return lang.startsWith("en") ? Locale.ENGLISH : Locale.SIMPLIFIED_CHINESE;
        }
        Optional<Locale> chosen = Languages.chosen(request.getCookies());
        if (chosen.isPresent()) {
            return chosen.get();
        }
        String header = request.getHeader("Accept-Language");
        return header != null && header.strip().toLowerCase(Locale.ROOT).startsWith("en") ? Locale.ENGLISH
                : Locale.SIMPLIFIED_CHINESE;
    }

    private String record(Verification v, Locale locale) {
        String statusClass = v.status() == CertificateStatus.VALID ? "valid" : "invalid";
        StringBuilder rows = new StringBuilder();
        row(rows, "verify.holder", v.holderName(), locale);
        row(rows, "verify.kind", t(v.kind().messageKey(), locale), locale);
        row(rows, "verify.title.label", v.title(), locale);
        String from = ChineseDates.format(v.coversFrom(), locale);
        row(rows, "verify.period", v.coversFrom().equals(v.coversTo()) ? from
                : from + " – " + ChineseDates.format(v.coversTo(), locale), locale);
        row(rows, "verify.hours", v.hours().setScale(1, java.math.RoundingMode.HALF_UP).toPlainString(), locale);
        row(rows, "verify.serial", v.serial(), locale);
        row(rows, "verify.issuedOn", ChineseDates.format(v.issuedOn(), locale), locale);
        if (v.validUntil() != null) {
            row(rows, "verify.validUntil", ChineseDates.format(v.validUntil(), locale), locale);
        }
        row(rows, "verify.issuer", v.issuer(), locale);
        String detail = switch (v.status()) {
            case REVOKED -> "<p id=\"verify-detail\">" + esc(messages.getMessage("verify.revokedDetail",
                    new Object[] {ChineseDates.format(v.revokedAt() == null ? null : v.revokedAt().toLocalDate(),
                            locale), v.revokedReason()}, locale)) + "</p>";
            case REPLACED -> "<p id=\"verify-detail\">" + esc(messages.getMessage("verify.replacedDetail",
                    new Object[] {v.replacedBy()}, locale)) + "</p>";
            case EXPIRED -> "<p id=\"verify-detail\">" + esc(messages.getMessage("verify.expiredDetail",
                    new Object[] {ChineseDates.format(v.validUntil(), locale)}, locale)) + "</p>";
            case VALID -> "";
        };
        return "<div class=\"verify-card " + statusClass + "\"><p id=\"verify-status\" class=\"verify-badge "
                + statusClass + "\" data-status=\"" + v.status().name() + "\">" + esc(t(v.status().messageKey(),
                locale)) + "</p>" + detail + "<table>" + rows + "</table><p class=\"verify-note\">"
                + esc(t("verify.note", locale)) + "</p></div>";
    }

    private void row(StringBuilder rows, String key, String value, Locale locale) {
        rows.append("<tr><th>").append(esc(t(key, locale))).append("</th><td>").append(esc(value))
                .append("</td></tr>");
    }

    private String form(Locale locale, String typed) {
        return "<form method=\"get\" action=\"/verify\" class=\"verify-form\"><label for=\"code\">"
                + esc(t("verify.enterCode", locale)) + "</label><input id=\"code\" name=\"code\" value=\""
                + esc(typed) + "\" autocomplete=\"off\" maxlength=\"40\"><button type=\"submit\">"
                + esc(t("verify.check", locale)) + "</button></form>";
    }

    private String html(Locale locale, String content) {
        String lang = locale == Locale.ENGLISH ? "en" : "zh-CN";
        return """
                <!DOCTYPE html>
                <html lang="%s"><head><meta charset="utf-8">
                <meta name="viewport" content="width=device-width, initial-scale=1">
                <meta name="robots" content="noindex">
                <title>%s</title>
                <style>
                body{margin:0;font-family:system-ui,"PingFang SC","Microsoft YaHei","Noto Sans CJK SC",sans-serif;
                  background:#f6f1e6;color:#222}
                main{max-width:560px;margin:0 auto;padding:24px 16px}
                h1{font-size:1.3rem;color:#9e1b1b;text-align:center;margin:8px 0 20px;letter-spacing:.1em}
                .verify-card{background:#fffcf2;border:2px solid #b88e3c;border-radius:8px;padding:16px 20px}
                .verify-badge{font-size:1.4rem;font-weight:700;text-align:center;margin:4px 0 12px;padding:8px;
                  border-radius:6px}
                .verify-badge.valid{color:#176b2c;background:#e3f4e6}
                .verify-badge.invalid{color:#fff;background:#b3261e}
                #verify-detail{color:#b3261e;font-weight:600;text-align:center}
                table{width:100%%;border-collapse:collapse}
                th{text-align:left;color:#666;font-weight:normal;padding:6px 8px 6px 0;white-space:nowrap;
                  vertical-align:top}
                td{padding:6px 0}
                tr+tr th,tr+tr td{border-top:1px solid #eadfc6}
                .verify-note{font-size:.85rem;color:#666;margin-top:14px}
                .verify-miss{text-align:center;font-size:1.1rem;color:#b3261e}
                .verify-form{display:flex;flex-wrap:wrap;gap:8px;justify-content:center;margin-top:16px}
                .verify-form label{width:100%%;text-align:center}
                .verify-form input{flex:1;min-width:14em;padding:8px;font-size:1rem;text-transform:uppercase}
                .verify-form button{padding:8px 16px;font-size:1rem;background:#9e1b1b;color:#fff;border:0;
                  border-radius:4px}
                </style></head>
                <body><main><h1>%s</h1>%s</main></body></html>
                """.formatted(lang, esc(t("verify.title", locale)), esc(t("verify.heading", locale)), content);
    }

    private String t(String key, Locale locale) {
        return messages.getMessage(key, null, locale);
    }

    private static String esc(String text) {
        return text == null ? "" : HtmlUtils.htmlEscape(text, "UTF-8");
    }
}
