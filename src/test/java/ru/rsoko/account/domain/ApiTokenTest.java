package ru.rsoko.account.domain;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import ru.rsoko.access.CurrentUser;
import ru.rsoko.access.Role;
import ru.rsoko.access.Scope;
import ru.rsoko.support.DemoUsers;
import ru.rsoko.support.Fixtures;
import ru.rsoko.support.IntegrationTest;
import ru.rsoko.support.TestClock;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static ru.rsoko.support.DemoUsers.api;

/**
 * Personal access tokens: made by their owner, they open the API as that person exactly as the password does, cost no
 * bcrypt and write nothing; revoked, expired, wrong — 401 like a wrong password; another person's is not found.
 */
@IntegrationTest
class ApiTokenTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    DemoUsers users;
    @Autowired
    Fixtures fixtures;
    @Autowired
    UserAccountService accounts;
    @Autowired
    AccountUserDetailsService details;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TestClock clock;
    @Autowired
    ObjectMapper json;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void aTokenOpensTheApiAsItsOwnerWithTheSameScopeAsTheirPassword() throws Exception {
        JsonNode created = create(api("sonkovo.mouo"), "{\"name\": \"Выгрузка в 1С\"}");
        String token = created.get("token").asString();
        assertThat(token).startsWith("rsoko_").hasSize(49);
        assertThat(created.get("name").asString()).isEqualTo("Выгрузка в 1С");
        assertThat(created.get("expiresAt").isNull()).isTrue();
        assertThat(created.get("id").asLong()).isPositive();

        MockHttpServletResponse withToken = call("/api/v1/me", bearer(token));
        assertThat(withToken.getStatus()).isEqualTo(200);
        assertThat(withToken.getContentAsString(StandardCharsets.UTF_8))
                .isEqualTo(call("/api/v1/me", api("sonkovo.mouo")).getContentAsString(StandardCharsets.UTF_8));
        assertThat(json.readTree(withToken.getContentAsString(StandardCharsets.UTF_8)).get("role").asString())
                .isEqualTo("MUNICIPALITY");

        // the municipality's school is seen, another municipality's is not: as with the password
        long own = fixtures.org("МОУ «Берёзовская СОШ»").id();
        long other = fixtures.org("МОУ «Ручьёвская СОШ»").id();
        for (RequestPostProcessor as : new RequestPostProcessor[]{bearer(token), api("sonkovo.mouo")}) {
            assertThat(call("/api/v1/org-units/" + own, as).getStatus()).isEqualTo(200);
            assertThat(call("/api/v1/org-units/" + other, as).getStatus()).isEqualTo(404);
        }
        // nor does a token lend another role's functions: creating organisations is the administrators'
        for (RequestPostProcessor as : new RequestPostProcessor[]{bearer(token), api("sonkovo.mouo")}) {
            assertThat(mvc.perform(post("/api/v1/org-units").with(as).contentType(MediaType.APPLICATION_JSON)
                    .content("{\"type\": \"SCHOOL\", \"name\": \"Не создастся\", \"parentId\": " + own + "}"))
                    .andReturn().getResponse().getStatus()).isEqualTo(403);
        }
        // a director's page is not opened by a token: it is for the API only
        assertThat(mvc.perform(get("/").with(bearer(token)).accept(MediaType.TEXT_HTML)).andReturn().getResponse().getStatus())
                .isEqualTo(302);
    }

    @Test
    void theApiDescriptionRecommendsTokens() throws Exception {
        JsonNode docs = json.readTree(mvc.perform(get("/v3/api-docs")).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8));
        assertThat(docs.at("/components/securitySchemes/bearer/scheme").asString()).isEqualTo("bearer");
        assertThat(docs.at("/components/securitySchemes/basic/scheme").asString()).isEqualTo("basic");
        assertThat(docs.at("/security/0").has("bearer")).isTrue();
        assertThat(docs.at("/info/description").asString()).contains("Authorization: Bearer").contains("для совместимости");
        assertThat(docs.at("/paths/~1api~1v1~1me~1tokens/post").isMissingNode()).isFalse();
    }

    @Test
    void theListShowsNeitherTheTokenNorItsHash() throws Exception {
        JsonNode created = create(api("sonkovo.school"), "{\"name\": \"Электронный журнал\", \"expiresAt\": \"2099-12-31\"}");
        String token = created.get("token").asString();
        // a date: through that day in the person's time zone (Tver: Moscow time)
        assertThat(created.get("expiresAt").asString()).isEqualTo("2099-12-31T21:00:00Z");

        String list = call("/api/v1/me/tokens", api("sonkovo.school")).getContentAsString(StandardCharsets.UTF_8);
        assertThat(list).contains("Электронный журнал").contains(token.substring(0, 10))
                .doesNotContain(token).doesNotContain(ApiTokens.hash(token)).doesNotContain("\"token\"");
        JsonNode mine = find(json.readTree(list), created.get("id").asLong());
        assertThat(mine.get("state").asString()).isEqualTo("ACTIVE");
        assertThat(mine.get("active").asBoolean()).isTrue();
        assertThat(mine.get("hint").asString()).isEqualTo(token.substring(0, 10));
        // nor is the secret in the database: only its SHA-256
        assertThat(jdbc.queryForObject("select count(*) from api_token where token_hash = ?", Long.class, token)).isZero();
        assertThat(jdbc.queryForObject("select count(*) from api_token where token_hash = ?", Long.class, ApiTokens.hash(token)))
                .isOne();
    }

    @Test
    void aRevokedTokenIsRefusedAtOnceLikeAWrongPassword() throws Exception {
        JsonNode created = create(api("kalinin.mouo"), "{\"name\": \"Отчёты\"}");
        String token = created.get("token").asString();
        assertThat(call("/api/v1/me", bearer(token)).getStatus()).isEqualTo(200);

        // a token may revoke itself
        assertThat(mvc.perform(delete("/api/v1/me/tokens/" + created.get("id").asLong()).with(bearer(token)))
                .andReturn().getResponse().getStatus()).isEqualTo(204);
        MockHttpServletResponse refused = call("/api/v1/me", bearer(token));
        assertThat(refused.getStatus()).isEqualTo(401);
        assertThat(problem(refused)).isEqualTo(problem(call("/api/v1/me", httpBasic("kalinin.mouo", "неверный"))));
        assertThat(refused.getContentType()).startsWith("application/problem+json");
        assertThat(refused.getHeaders("WWW-Authenticate")).anySatisfy(h -> assertThat(h).startsWith("Bearer"));

        JsonNode listed = find(json.readTree(call("/api/v1/me/tokens", api("kalinin.mouo")).getContentAsString(StandardCharsets.UTF_8)),
                created.get("id").asLong());
        assertThat(listed.get("state").asString()).isEqualTo("REVOKED");
        assertThat(listed.get("revokedBy").asString()).isEqualTo("kalinin.mouo");
        // revoking again changes nothing
        assertThat(mvc.perform(delete("/api/v1/me/tokens/" + created.get("id").asLong()).with(api("kalinin.mouo")))
                .andReturn().getResponse().getStatus()).isEqualTo(204);

        // the history tells who made it and who revoked it
        assertThat(jdbc.queryForList("""
                select a.revtype, r.username from api_token_aud a join revinfo r on r.rev = a.rev where a.id = ? order by a.rev""",
                created.get("id").asLong()))
                .extracting(row -> ((Number) row.get("revtype")).intValue() + " " + row.get("username"))
                .containsExactly("0 kalinin.mouo", "1 kalinin.mouo");
    }

    @Test
    void anExpiredTokenIsRefused() throws Exception {
        LocalDate tomorrow = LocalDate.now(java.time.ZoneId.of("Europe/Moscow")).plusDays(1);
        String token = create(api("sonkovo.school"), "{\"name\": \"До завтра\", \"expiresAt\": \"" + tomorrow + "\"}")
                .get("token").asString();
        assertThat(call("/api/v1/me", bearer(token)).getStatus()).isEqualTo(200);
        clock.advance(Duration.ofDays(3));
        assertThat(call("/api/v1/me", bearer(token)).getStatus()).isEqualTo(401);
        clock.reset();

        // a moment already past makes a token that never works
        JsonNode past = create(api("sonkovo.school"), "{\"name\": \"Прошлое\", \"expiresAt\": \"2020-01-01T10:00:00+03:00\"}");
        assertThat(past.get("expiresAt").asString()).isEqualTo("2020-01-01T07:00:00Z");
        assertThat(call("/api/v1/me", bearer(past.get("token").asString())).getStatus()).isEqualTo(401);
        JsonNode listed = find(json.readTree(call("/api/v1/me/tokens", api("sonkovo.school")).getContentAsString(StandardCharsets.UTF_8)),
                past.get("id").asLong());
        assertThat(listed.get("state").asString()).isEqualTo("EXPIRED");

        MockHttpServletResponse wrongDate = mvc.perform(post("/api/v1/me/tokens").with(api("sonkovo.school"))
                .contentType(MediaType.APPLICATION_JSON).content("{\"name\": \"x\", \"expiresAt\": \"31.12.2099\"}")).andReturn().getResponse();
        assertThat(wrongDate.getStatus()).isEqualTo(400);
        assertThat(wrongDate.getContentAsString(StandardCharsets.UTF_8)).contains("не распознан");
        MockHttpServletResponse noName = mvc.perform(post("/api/v1/me/tokens").with(api("sonkovo.school"))
                .contentType(MediaType.APPLICATION_JSON).content("{\"name\": \"  \"}")).andReturn().getResponse();
        assertThat(noName.getStatus()).isEqualTo(400);
        assertThat(noName.getContentAsString(StandardCharsets.UTF_8)).contains("Укажите название токена");
    }

    @Test
    void aWrongTokenIsRefusedAndCountsAsNoFailedLogin() throws Exception {
        String lookalike = "rsoko_" + "A".repeat(43);
        for (String wrong : new String[]{lookalike, "rsoko_", "не токен", "tver.coko"}) {
            MockHttpServletResponse refused = call("/api/v1/me", bearer(wrong));
            assertThat(refused.getStatus()).as(wrong).isEqualTo(401);
            assertThat(refused.getContentType()).startsWith("application/problem+json");
        }
        assertThat(jdbc.queryForObject("select failed_attempts from user_account where username = 'tver.coko'", Integer.class))
                .isZero();
    }

    @Test
    void anotherPersonsTokenIsNotFound() throws Exception {
        JsonNode created = create(api("kalinin.school"), "{\"name\": \"Чужой\"}");
        long id = created.get("id").asLong();
        assertThat(mvc.perform(delete("/api/v1/me/tokens/" + id).with(api("sonkovo.school"))).andReturn().getResponse().getStatus())
                .isEqualTo(404);
        assertThat(mvc.perform(post("/me/tokens/" + id + "/revoke").with(users.page("sonkovo.school")).with(csrf()))
                .andReturn().getResponse().getStatus()).isEqualTo(404);
        // not even the deployment administrator revokes it as their own
        assertThat(mvc.perform(delete("/api/v1/me/tokens/" + id).with(api("admin"))).andReturn().getResponse().getStatus())
                .isEqualTo(404);
        assertThat(call("/api/v1/me", bearer(created.get("token").asString())).getStatus()).isEqualTo(200);
        assertThat(call("/api/v1/me/tokens", api("sonkovo.school")).getContentAsString(StandardCharsets.UTF_8)).doesNotContain("Чужой");
    }

    @Test
    void administratorsSeeAndRevokeTheTokensOfTheAccountsTheyAdminister() throws Exception {
        Account tver = fixtures.newAccount(Role.SCHOOL, fixtures.org("МОУ «Заречная СОШ»"));
        Account tomsk = fixtures.newAccount(Role.SCHOOL, fixtures.org("МБОУ «Средняя школа № 201»"));
        CurrentUser tverUser = details.loadUserByUsername(tver.username());
        CurrentUser tomskUser = details.loadUserByUsername(tomsk.username());
        IssuedToken tverToken = asOwner(tverUser, () -> tokens().create(tverUser, "Журнал Заречной", null));
        IssuedToken tomskToken = asOwner(tomskUser, () -> tokens().create(tomskUser, "Журнал Томска", null));

        // a regional administrator: only their region's accounts
        assertThat(mvc.perform(get("/admin/accounts/" + tver.id()).with(users.page("tver.admin"))).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8)).contains("Журнал Заречной").contains("Отозвать");
        assertThat(mvc.perform(post("/admin/accounts/" + tomsk.id() + "/tokens/" + tomskToken.id() + "/revoke")
                .with(users.page("tver.admin")).with(csrf())).andReturn().getResponse().getStatus()).isEqualTo(404);
        // nor through an account of their own region
        assertThat(mvc.perform(post("/admin/accounts/" + tver.id() + "/tokens/" + tomskToken.id() + "/revoke")
                .with(users.page("tver.admin")).with(csrf())).andReturn().getResponse().getStatus()).isEqualTo(404);
        assertThat(call("/api/v1/me", bearer(tomskToken.token())).getStatus()).isEqualTo(200);

        assertThat(mvc.perform(post("/admin/accounts/" + tver.id() + "/tokens/" + tverToken.id() + "/revoke")
                .with(users.page("tver.admin")).with(csrf())).andReturn().getResponse().getStatus()).isEqualTo(302);
        assertThat(call("/api/v1/me", bearer(tverToken.token())).getStatus()).isEqualTo(401);
        ApiTokenView revoked = tokens().mine(tverUser).getFirst();
        assertThat(revoked.state()).isEqualTo(TokenState.REVOKED);
        assertThat(revoked.revokedBy()).isEqualTo("tver.admin");

        // the deployment administrator reaches every region
        assertThat(mvc.perform(post("/admin/accounts/" + tomsk.id() + "/tokens/" + tomskToken.id() + "/revoke")
                .with(users.page("admin")).with(csrf())).andReturn().getResponse().getStatus()).isEqualTo(302);
        assertThat(call("/api/v1/me", bearer(tomskToken.token())).getStatus()).isEqualTo(401);
    }

    @Test
    void aDisabledOrLockedAccountsTokenIsRefusedAtOnce() throws Exception {
        Account account = fixtures.newAccount(Role.SCHOOL, fixtures.org("МОУ «Полевая ООШ»"));
        CurrentUser owner = details.loadUserByUsername(account.username());
        String token = asOwner(owner, () -> tokens().create(owner, "Отключаемый", null)).token();
        assertThat(call("/api/v1/me", bearer(token)).getStatus()).isEqualTo(200);

        CurrentUser admin = details.loadUserByUsername("admin");
        Account current = fixtures.account(account.username());
        accounts.setEnabled(Scope.all(), current.id(), false, current.version(), admin);
        MockHttpServletResponse disabled = call("/api/v1/me", bearer(token));
        assertThat(disabled.getStatus()).isEqualTo(401);
        assertThat(disabled.getContentAsString(StandardCharsets.UTF_8)).contains("Учётная запись отключена");

        current = fixtures.account(account.username());
        accounts.setEnabled(Scope.all(), current.id(), true, current.version(), admin);
        assertThat(call("/api/v1/me", bearer(token)).getStatus()).isEqualTo(200);

        // a run of wrong passwords (issue 15) no longer locks the account: its tokens keep working
        for (int i = 0; i < 6; i++) {
            call("/api/v1/me", httpBasic(account.username(), "wrong-password"));
        }
        assertThat(call("/api/v1/me", bearer(token)).getStatus()).isEqualTo(200);
        accounts.unlock(Scope.all(), current.id());
        assertThat(call("/api/v1/me", bearer(token)).getStatus()).isEqualTo(200);
    }

    @Test
    void aSuccessfulCallWithAPasswordOrATokenWritesNothingToTheAccount() throws Exception {
        Account account = fixtures.newAccount(Role.SCHOOL, fixtures.org("МОУ «Сосновская СОШ»"));
        String password = "Verno-12345";
        accounts.resetPassword(Scope.all(), account.id(), password);
        CurrentUser owner = details.loadUserByUsername(account.username());
        IssuedToken token = asOwner(owner, () -> tokens().create(owner, "Без записи", null));

        Map<String, Object> before = row(account.id());
        long revisions = jdbc.queryForObject("select count(*) from user_account_aud where id = ?", Long.class, account.id());
        for (int i = 0; i < 3; i++) {
            assertThat(call("/api/v1/me", httpBasic(account.username(), password)).getStatus()).isEqualTo(200);
            assertThat(call("/api/v1/me", bearer(token.token())).getStatus()).isEqualTo(200);
        }
        // xmin changes with every UPDATE of the row, even one that sets the same values
        assertThat(row(account.id())).isEqualTo(before);

        // a failed attempt is counted by the login throttle (issue 15), not on the account: the row stays as it was,
        // and the next successful login forgets the failures of its address
        assertThat(call("/api/v1/me", httpBasic(account.username(), "wrong-password")).getStatus()).isEqualTo(401);
        assertThat(row(account.id())).isEqualTo(before);
        assertThat(jdbc.queryForObject("select count(*) from login_bucket where id like ?", Integer.class,
                "login:%|" + account.username())).isEqualTo(1);
        assertThat(call("/api/v1/me", httpBasic(account.username(), password)).getStatus()).isEqualTo(200);
        assertThat(jdbc.queryForObject("select count(*) from login_bucket where id like ?", Integer.class,
                "login:%|" + account.username())).isZero();
        assertThat(row(account.id())).isEqualTo(before);
        // no history revision of the account either
        assertThat(jdbc.queryForObject("select count(*) from user_account_aud where id = ?", Long.class, account.id()))
                .isEqualTo(revisions);

        // the token's last use is written once, not on every call
        Map<String, Object> used = jdbc.queryForMap("select xmin::text as xmin, last_used_at, version from api_token where id = ?",
                token.id());
        assertThat(used.get("last_used_at")).isNotNull();
        assertThat(used.get("version")).isEqualTo(0L);
        assertThat(call("/api/v1/me", bearer(token.token())).getStatus()).isEqualTo(200);
        assertThat(jdbc.queryForMap("select xmin::text as xmin, last_used_at, version from api_token where id = ?", token.id()))
                .isEqualTo(used);
        // ...and again after an hour
        clock.advance(Duration.ofMinutes(61));
        assertThat(call("/api/v1/me", bearer(token.token())).getStatus()).isEqualTo(200);
        assertThat(jdbc.queryForObject("select last_used_at > now() + interval '1 hour' from api_token where id = ?",
                Boolean.class, token.id())).isTrue();
    }

    @Test
    void theProfilePageMakesATokenShownOnceAndRevokesIt() throws Exception {
        String page = mvc.perform(get("/me/tokens").with(users.page("tver.coko"))).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("Токены доступа к API").contains("Новый токен");

        MockHttpServletResponse made = mvc.perform(post("/me/tokens").with(users.page("tver.coko")).with(csrf())
                .param("name", "Сводная выгрузка").param("expiresOn", "31.12.2099")).andReturn().getResponse();
        assertThat(made.getStatus()).isEqualTo(200);
        String body = made.getContentAsString(StandardCharsets.UTF_8);
        assertThat(body).contains("Скопируйте сейчас, больше он показан не будет").contains("по 31.12.2099");
        String token = body.replaceAll("(?s).*value=\"(rsoko_[A-Za-z0-9_-]{43})\".*", "$1");
        assertThat(token).startsWith("rsoko_").hasSize(49);
        assertThat(call("/api/v1/me", bearer(token)).getStatus()).isEqualTo(200);
        // shown once: the list never carries it
        assertThat(mvc.perform(get("/me/tokens").with(users.page("tver.coko"))).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8)).contains("Сводная выгрузка").doesNotContain(token);

        MockHttpServletResponse past = mvc.perform(post("/me/tokens").with(users.page("tver.coko")).with(csrf())
                .param("name", "Вчерашний").param("expiresOn", "01.01.2020")).andReturn().getResponse();
        assertThat(past.getContentAsString(StandardCharsets.UTF_8)).contains("Последний день действия уже прошёл")
                .doesNotContain("issued-token");
        MockHttpServletResponse notADate = mvc.perform(post("/me/tokens").with(users.page("tver.coko")).with(csrf())
                .param("name", "Кривой").param("expiresOn", "31.02.2099")).andReturn().getResponse();
        assertThat(notADate.getContentAsString(StandardCharsets.UTF_8)).contains("дд.мм.гггг").doesNotContain("issued-token");

        long id = jdbc.queryForObject("select id from api_token where token_hash = ?", Long.class, ApiTokens.hash(token));
        assertThat(mvc.perform(post("/me/tokens/" + id + "/revoke").with(users.page("tver.coko")).with(csrf()))
                .andReturn().getResponse().getStatus()).isEqualTo(302);
        assertThat(call("/api/v1/me", bearer(token)).getStatus()).isEqualTo(401);
    }

    // ----

    @Autowired
    ApiTokens apiTokens;

    private ApiTokens tokens() {
        return apiTokens;
    }

    /** Makes the token as its owner would, so that the history names them. */
    private <T> T asOwner(CurrentUser owner, java.util.function.Supplier<T> action) {
        var context = org.springframework.security.core.context.SecurityContextHolder.createEmptyContext();
        context.setAuthentication(org.springframework.security.authentication.UsernamePasswordAuthenticationToken
                .authenticated(owner, null, owner.getAuthorities()));
        org.springframework.security.core.context.SecurityContextHolder.setContext(context);
        try {
            return action.get();
        } finally {
            org.springframework.security.core.context.SecurityContextHolder.clearContext();
        }
    }

    private Map<String, Object> row(long accountId) {
        return jdbc.queryForMap("select xmin::text as xmin, version, failed_attempts, locked_until from user_account where id = ?",
                accountId);
    }

    private JsonNode create(RequestPostProcessor as, String body) throws Exception {
        MockHttpServletResponse response = mvc.perform(post("/api/v1/me/tokens").with(as)
                .contentType(MediaType.APPLICATION_JSON).content(body)).andReturn().getResponse();
        assertThat(response.getStatus()).as(response.getContentAsString(StandardCharsets.UTF_8)).isEqualTo(201);
        return json.readTree(response.getContentAsString(StandardCharsets.UTF_8));
    }

    private MockHttpServletResponse call(String url, RequestPostProcessor as) throws Exception {
        return mvc.perform(get(url).with(as).accept(MediaType.APPLICATION_JSON)).andReturn().getResponse();
    }

    private Map<String, Object> problem(MockHttpServletResponse response) throws Exception {
        JsonNode body = json.readTree(response.getContentAsString(StandardCharsets.UTF_8));
        return Map.of("status", body.get("status").asInt(), "title", body.get("title").asString(),
                "detail", body.get("detail").asString());
    }

    private static JsonNode find(JsonNode list, long id) {
        for (JsonNode token : list) {
            if (token.get("id").asLong() == id) {
                return token;
            }
        }
        throw new AssertionError("no token " + id + " in " + list);
    }

    private static RequestPostProcessor bearer(String token) {
        return request -> {
            request.addHeader("Authorization", "Bearer " + token);
            return request;
        };
    }
}
