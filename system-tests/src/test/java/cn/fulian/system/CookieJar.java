package cn.fulian.system;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The cookies a browser keeps for one server, kept by hand: on {@code http://127.0.0.1} a browser is in a secure context
 * and counts the Secure cookies Keycloak sets, which Java's own cookie manager drops over plain HTTP.
 */
public final class CookieJar {

    private final Map<String, String> cookies = new LinkedHashMap<>();

    /** Sends the kept cookies with {@code request}, as a browser does. */
    public HttpRequest.Builder addTo(HttpRequest.Builder request) {
        if (!cookies.isEmpty()) {
            request.header(
                    "Cookie",
                    cookies.entrySet().stream()
                            .map(e -> e.getKey() + "=" + e.getValue())
                            .collect(Collectors.joining("; ")));
        }
        return request;
    }

    /** Keeps the cookies {@code answer} sets and forgets those it expires or empties; returns the answer. */
    public <T> HttpResponse<T> keep(HttpResponse<T> answer) {
        for (String header : answer.headers().allValues("Set-Cookie")) {
            String pair = header.split(";", 2)[0];
            int eq = pair.indexOf('=');
            if (eq <= 0) {
                continue;
            }
            String name = pair.substring(0, eq).trim();
            String value = pair.substring(eq + 1).trim();
            boolean expired = header.toLowerCase(Locale.ROOT).contains("max-age=0") || value.isEmpty();
            if (expired) {
                cookies.remove(name);
            } else {
                cookies.put(name, value);
            }
        }
        return answer;
    }

    /** The value of a kept cookie, or null. */
    public String get(String name) {
        return cookies.get(name);
    }
}
