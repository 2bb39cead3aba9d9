package cn.tzsw.college;

import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.InetAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A browser-like HTTP client for tests: keeps cookies, does not follow redirects, asks for HTML. */
public final class WebClient {

    private static final Pattern META = Pattern.compile("<meta name=\"(_csrf(?:_parameter)?)\" content=\"([^\"]*)\"");
    private static final Pattern UI_ID = Pattern.compile("\"v-uiId\":(\\d+)");
    private static final Pattern UI_KEY = Pattern.compile("\"Vaadin-Security-Key\":\"([^\"]+)\"");

    private final String base;
    private final CookieManager cookies = new CookieManager();
    private final HttpClient client;

    public WebClient(int port) {
        this.base = "http://localhost:" + port;
        this.client = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /**
     * A client whose connections come from the given loopback address (e.g. 127.0.0.23), so that what the server
     * counts per client address is this client's own.
     */
    public WebClient(int port, InetAddress from) {
        this.base = "http://127.0.0.1:" + port;
        this.client = HttpClient.newBuilder().cookieHandler(cookies).localAddress(from)
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** A cookie the server set, as "name=value" (e.g. the session, for a load tool to carry). */
    public Optional<String> cookie(String name) {
        return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals(name))
                .map(HttpCookie::toString).findFirst();
    }

    public HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return client.send(request(path).header("Accept", "text/html").build(), HttpResponse.BodyHandlers.ofString());
    }

    /**
     * Posts the login form as the login page does, with the CSRF token the page carries (the login form sends it
     * from the page's meta tags); the answer redirects home, or to /login?error.
     */
    public HttpResponse<String> signIn(String username, String password) throws IOException, InterruptedException {
        String page = get("/login").body();
        String parameter = "_csrf";
        String token = "";
        Matcher meta = META.matcher(page);
        while (meta.find()) {
            if (meta.group(1).equals("_csrf_parameter")) {
                parameter = meta.group(2);
            } else {
                token = meta.group(2);
            }
        }
        return postForm("/login", "username=" + encode(username) + "&password=" + encode(password) + "&"
                + encode(parameter) + "=" + encode(token));
    }

    /**
     * Opens a Vaadin view as the browser does after loading the page (a new UI, then its navigation to the route),
     * and returns what the server sent for it: the view's components with their texts, as Vaadin's JSON.
     */
    public String view(String route, String query) throws IOException, InterruptedException {
        String init = get("/?v-r=init&location=" + encode(route) + "&query=" + encode(query)).body();
        Matcher uiId = UI_ID.matcher(init);
        Matcher key = UI_KEY.matcher(init);
        if (!uiId.find() || !key.find()) {
            throw new IllegalStateException("not a Vaadin UI: " + init);
        }
        String navigate = """
                {"csrfToken":"%s","rpc":[{"type":"event","node":1,"event":"ui-navigate","data":{"route":"%s",\
                "query":"%s","appShellTitle":"","historyState":{"idx":0},"trigger":""}}],"syncId":0,"clientId":0}"""
                .formatted(key.group(1), route, query);
        return postJson("/?v-r=uidl&v-uiId=" + uiId.group(1), navigate).body();
    }

    /** Posts a form as it is, without adding anything (e.g. no CSRF token). */
    public HttpResponse<String> postForm(String path, String form) throws IOException, InterruptedException {
        return client.send(request(path).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A file as it is served (a PDF, a calendar file), without asking for HTML. */
    public HttpResponse<byte[]> getBytes(String path) throws IOException, InterruptedException {
        return client.send(request(path).build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    /** The address this client uses, e.g. http://127.0.0.1:8080, as a browser's address bar would show it. */
    public String base() {
        return base;
    }

    public HttpResponse<byte[]> getRange(String path, String range) throws IOException, InterruptedException {
        return client.send(request(path).header("Range", range).build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    public HttpResponse<String> postJson(String path, String json) throws IOException, InterruptedException {
        return client.send(request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(base + path));
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
