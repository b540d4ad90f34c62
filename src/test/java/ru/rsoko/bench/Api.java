package ru.rsoko.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An API client of one person. The one place where the Authorization header is built: a personal access token
 * ({@code POST /api/v1/me/tokens} → 201 {@code {token}}, then {@code Bearer}) where the application has them, HTTP Basic
 * otherwise.
 */
final class Api {

    private static final Pattern TOKEN = Pattern.compile("\"token\"\\s*:\\s*\"([^\"]+)\"");

    private final String base;
    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private final String authorization;

    Api(String base, String username) throws Exception {
        this.base = base;
        String basic = "Basic " + Base64.getEncoder().encodeToString((username + ":" + BenchData.PASSWORD).getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/me/tokens"))
                .header("Authorization", basic).header("Content-Type", "application/json").header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"Бенчмарк\"}")).build(), HttpResponse.BodyHandlers.ofString());
        Matcher m = TOKEN.matcher(r.body());
        this.authorization = r.statusCode() == 201 && m.find() ? "Bearer " + m.group(1) : basic;
    }

    String scheme() {
        return authorization.substring(0, authorization.indexOf(' '));
    }

    HttpResponse<byte[]> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", authorization)
                .header("Accept", "application/json").build(), HttpResponse.BodyHandlers.ofByteArray());
    }
}
