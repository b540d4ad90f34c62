package ru.rsoko.bench;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static io.gatling.javaapi.core.CoreDsl.css;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.listFeeder;
import static io.gatling.javaapi.core.CoreDsl.pace;
import static io.gatling.javaapi.core.CoreDsl.pause;
import static io.gatling.javaapi.core.CoreDsl.rendezVous;
import static io.gatling.javaapi.core.CoreDsl.rampUsers;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.header;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

/**
 * The load case of the national benchmark (run by {@code NationalBench}, which passes the address, the users and the
 * duration as system properties): 50 regional users on their dashboards, then 200 directors on their home pages. Each
 * virtual user logs in once through the form (its own session), then asks for its page again and again, without pauses,
 * for {@code bench.load.seconds}: the most the machine serves, and how long a page waits when everyone asks at once.
 * Then the same people as people work: each opens their page once every {@code bench.load.pace} seconds (5 by default;
 * a person reads a page before the next click), which shows how fast a page is at that many people online. These
 * users first all sign in (bcrypt on each login, several seconds of CPU for 200) and then start at random moments
 * within one pace, so that the page times are not the sign-in storm's.
 */
public class LoadSimulation extends Simulation {

    static final String BASE = System.getProperty("bench.base", "http://localhost:8191");
    static final String PASSWORD = System.getProperty("bench.password", "bench-password");
    static final Duration LOOP = Duration.ofSeconds(Integer.getInteger("bench.load.seconds", 60));
    static final Duration PACE = Duration.ofSeconds(Integer.getInteger("bench.load.pace", 5));

    HttpProtocolBuilder protocol = http.baseUrl(BASE).acceptHeader("text/html").acceptEncodingHeader("gzip, deflate")
            .userAgentHeader("RSOKO bench (Gatling)");

    ChainBuilder login = exec(
            http("вход: форма").get("/login").check(css("input[name='_csrf']", "value").saveAs("csrf")),
            http("вход").post("/login").formParam("username", "#{username}").formParam("password", PASSWORD)
                    .formParam("_csrf", "#{csrf}").disableFollowRedirect()
                    .check(status().is(302), header("Location").transform(l -> l.contains("error")).is(false)));

    ScenarioBuilder regional = scenario("50 региональных пользователей")
            .feed(listFeeder(users("bench.regionUsers")).circular())
            .exec(login).exitHereIfFailed()
            .during(LOOP).on(exec(http("50 региональных пользователей: панель /dashboard").get("/dashboard").check(status().is(200))));

    ScenarioBuilder directors = scenario("200 директоров")
            .feed(listFeeder(users("bench.directors")).circular())
            .exec(login).exitHereIfFailed()
            .during(LOOP).on(exec(http("200 директоров: главная /").get("/").check(status().is(200))));

    ScenarioBuilder regionalPaced = scenario("50 региональных пользователей, раз в " + PACE.toSeconds() + " с")
            .feed(listFeeder(users("bench.regionUsers")).circular())
            // everyone reaches the rendezvous, signed in or not (one who failed would leave the others waiting forever)
            .exec(login).exec(rendezVous(50)).exitHereIfFailed()
            .exec(pause(Duration.ZERO, PACE))
            .during(LOOP).on(pace(PACE).exec(http("50 региональных пользователей, каждый раз в " + PACE.toSeconds()
                    + " с: панель /dashboard").get("/dashboard").check(status().is(200))));

    ScenarioBuilder directorsPaced = scenario("200 директоров, раз в " + PACE.toSeconds() + " с")
            .feed(listFeeder(users("bench.directors")).circular())
            // everyone reaches the rendezvous, signed in or not (one who failed would leave the others waiting forever)
            .exec(login).exec(rendezVous(200)).exitHereIfFailed()
            .exec(pause(Duration.ZERO, PACE))
            .during(LOOP).on(pace(PACE).exec(http("200 директоров, каждый раз в " + PACE.toSeconds()
                    + " с: главная /").get("/").check(status().is(200))));

    {
        setUp(regional.injectOpen(rampUsers(50).during(10))
                .andThen(directors.injectOpen(rampUsers(200).during(20)))
                .andThen(regionalPaced.injectOpen(rampUsers(50).during(PACE)))
                .andThen(directorsPaced.injectOpen(rampUsers(200).during(PACE))))
                .protocols(protocol);
    }

    private static List<Map<String, Object>> users(String property) {
        try {
            return Files.readAllLines(Path.of(System.getProperty(property))).stream().filter(s -> !s.isBlank())
                    .map(u -> Map.<String, Object>of("username", u.strip())).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
