package com.imprimatur;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.imprimatur.support.Api;
import com.imprimatur.support.SessionClient;
import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * One column of the authorization matrix: a demo user's browser session after logging in through
 * the form (or an anonymous one), used for pages and for the JSON API alike. Changes carry the
 * session's CSRF token, as the pages' forms and scripts send it. One login per person instead of
 * HTTP Basic on every call, whose password hash would cost more than the rest of the matrix.
 */
final class Caller {

    static final String ANONYMOUS = "anonymous";
    private static final ObjectMapper JSON = new ObjectMapper();

    final String name;
    private final SessionClient session;
    private final String csrf;

    private Caller(String name, SessionClient session) {
        this.name = name;
        this.session = session;
        this.csrf = session.csrfToken();
    }

    static Caller of(int port, String name) {
        SessionClient session = new SessionClient(port);
        if (!name.equals(ANONYMOUS)) {
            assertThat(session.login(name, "demo").statusCode()).as("login of " + name).isEqualTo(302);
        }
        return new Caller(name, session);
    }

    /** A JSON call (a String body is sent as it is, with its own content type when one is given). */
    Api.Answer api(String method, String path, Object body, Map<String, String> headers) {
        Map<String, String> all = new LinkedHashMap<>();
        all.put("Accept", "application/json");
        String text = null;
        if (!method.equals("GET")) {
            all.put("X-CSRF-TOKEN", csrf);
            all.put("Content-Type", "application/json");
            text = body instanceof String s ? s : write(body);
        }
        all.putAll(headers);
        HttpResponse<String> response = session.send(method, path, all, text);
        String type = response.headers().firstValue("Content-Type").orElse(null);
        return new Api.Answer(response.statusCode(), type, response.body(), json(type, response.body()), response);
    }

    Api.Answer get(String path) {
        return api("GET", path, null, Map.of());
    }

    Api.Answer post(String path, Object body) {
        return api("POST", path, body, Map.of());
    }

    /** A page, as the browser asks for it. */
    HttpResponse<String> page(String path) {
        return session.get(path);
    }

    /** A form post with the session's CSRF token. */
    HttpResponse<String> form(String path, Map<String, String> fields, Map<String, String> headers) {
        Map<String, String> all = new LinkedHashMap<>(headers);
        all.put("Content-Type", "application/x-www-form-urlencoded");
        String body = fields.entrySet().stream().map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
                .collect(Collectors.joining("&", "", (fields.isEmpty() ? "" : "&") + "_csrf=" + enc(csrf)));
        return session.send("POST", path, all, body);
    }

    private static JsonNode json(String type, String body) {
        if (type == null || !type.contains("json") || body.isEmpty()) {
            return null;
        }
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            return null;
        }
    }

    private static String write(Object body) {
        try {
            return body == null ? "" : JSON.writeValueAsString(body);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return name;
    }
}
