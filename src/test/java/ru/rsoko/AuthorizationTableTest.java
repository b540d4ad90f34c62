package ru.rsoko;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import ru.rsoko.access.Role;
import ru.rsoko.account.domain.Account;
import ru.rsoko.directory.OrgUnit;
import ru.rsoko.support.DemoUsers;
import ru.rsoko.support.Fixtures;
import ru.rsoko.support.IntegrationTest;
import ru.rsoko.support.MeetingFixtures;
import ru.rsoko.meeting.domain.MeetingView;
import ru.rsoko.execution.ExecutionRecord;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

/**
 * Every page and API endpoint × every role × an object in the role's scope and one outside it.
 * Outside the scope is 404; another role's function is 403; without login, pages go to the login form and
 * the API answers 401. {@link #everyEndpointIsInTheTable()} fails when a new endpoint is not added here.
 */
@IntegrationTest
@org.junit.jupiter.api.Order(ru.rsoko.support.IntegrationTest.LATE)
class AuthorizationTableTest {

    /** The user each role is tested as: a regional administrator, so that ADMIN too has an "outside". */
    enum Who {
        ADMIN("tver.admin"), REGION("tver.coko"), MUNICIPALITY("sonkovo.mouo"), SCHOOL("sonkovo.school");

        final String username;

        Who(String username) {
            this.username = username;
        }
    }

    /** What the {id} of a row stands for. */
    enum Kind {
        NONE, SCHOOL, MUNICIPALITY, REGION, FRESH_SCHOOL, ACCOUNT, FRESH_ACCOUNT,
        /** a meeting the role keeps (regional staff, municipal officer), or only sees (director, administrator) */
        MEETING,
        /** the same, made afresh for a case that changes it */
        FRESH_MEETING,
        /** an execution record of a signed meeting: the director's own, otherwise a school's in the scope */
        EXECUTION,
        /** the record of {@link #EXECUTION} with its version read at the moment, for a case that sends it */
        EXECUTION_NOW,
        /** the same with a file attached as evidence */
        EXECUTION_WITH_EVIDENCE,
        /** an ongoing record with a period report and its file */
        EXECUTION_WITH_REPORT,
        /** an open ВСОКО campaign of the role's region ({id}; {parent} is its framework); outside: of Tomsk */
        CAMPAIGN,
        /** the same, made afresh for a case that changes it */
        FRESH_CAMPAIGN,
        /**
         * a school's submission in an open campaign ({id} the campaign, {org} the school, {item} an indicator):
         * Берёзовская's for every role; outside: a school of Tomsk, of Калининский, or another school
         */
        SUBMISSION,
        /** the same in a campaign made afresh, for a case that changes it */
        FRESH_SUBMISSION,
        /** an unused framework of the role's region ({item} a direction, {decision} an indicator); outside: of Tomsk */
        FRAMEWORK,
        /** the same, made afresh for a case that changes it */
        FRESH_FRAMEWORK,
        /**
         * published results: the demo 2022 Tver campaign with Берёзовская ({org}) of Сонковский ({item}); outside: a
         * published Tomsk campaign for the region, Калининский's school for the municipality, another school for the
         * director
         */
        RESULTS,
        /** the published campaign of {@link #RESULTS}; outside: a published Tomsk campaign for every role */
        RESULTS_CAMPAIGN,
        /**
         * an entry of a year's school list: Берёзовская's (in every Tver role's scope); outside: a Tomsk school's for the
         * region, Ручьёвская's (Калининский) for the municipality, Заречная's for the director. {parent} is its year
         */
        LIST_ENTRY,
        /** the same, made afresh (in a year of its own) for a case that changes it */
        FRESH_LIST_ENTRY,
        /** a task of the region's year: of Tver (seen by every Tver role); outside: of Tomsk */
        TASK,
        /** the same, made afresh for a case that changes it */
        FRESH_TASK,
        /** the demo plan-schedule of 2021 of Tver (approved, so every Tver role sees it); outside: Tomsk's */
        PLAN,
        /** an approved plan made afresh in a year of its own, for a case that changes it; outside: of Tomsk */
        FRESH_PLAN,
        /** the first procedure of {@link #PLAN} with a result file ({item}); outside: Tomsk's */
        PLAN_PROCEDURE,
        /** a procedure of a {@link #FRESH_PLAN} with a result file ({item}) */
        FRESH_PLAN_PROCEDURE,
        /** a procedure type the region added to the catalogue; outside: one Tomsk added */
        PROCEDURE_TYPE,
        /**
         * ВПР in an approved Tver plan ({id}; {parent} is the plan), which every role of Tver sees; outside: ВПР in an
         * approved Tomsk plan
         */
        PROCEDURE,
        /**
         * a school taking part in {@link #PROCEDURE} ({id} the procedure, {org} the school): Берёзовская for every role;
         * outside: a Tomsk school in the Tomsk procedure for the region, Ручьёвская (Калининский) for the municipality,
         * Заречная for the director
         */
        PARTICIPATION_SCHOOL,
        /** the same in a procedure made afresh, for a case that writes participation */
        FRESH_PARTICIPATION_SCHOOL,
        /** the caller's own calendar feed token ({token}); outside: a well-formed token that is no one's */
        CALENDAR_FEED,
        /** a signed meeting the role keeps (or sees), made afresh to be sent; outside: of Tomsk or of Калининский */
        FRESH_SIGNED_MEETING,
        /** a notification of the caller's own; outside: another person's (Калининский's director's) */
        NOTIFICATION,
        /**
         * a school of {@link #SCHOOL} with its 1st grade's pupils in the school year {@value #PUPILS_YEAR} ({version} is
         * that figure's, entered afresh if missing)
         */
        PUPILS,
        /** a mail of the region's outbox that failed; outside: one of Tomsk */
        FAILED_MAIL,
        /** a personal API token of the caller's own, made afresh; outside: another person's (Калининский's director's) */
        API_TOKEN,
        /**
         * an account the administrator manages ({id}, a fresh one of Заречная) with an API token ({item}); outside: a fresh
         * account of a Tomsk school
         */
        ACCOUNT_TOKEN,
        /** a kept correction of an imported protocol of Tver; outside: of Tomsk */
        PROTOCOL_CORRECTION,
        /** the same, made afresh for a case that deletes it */
        FRESH_PROTOCOL_CORRECTION,
        // issue 17, support programmes:
        /**
         * a support programme of year {@value #SUPPORT_YEAR} with one measure: Берёзовская's (in every Tver role's scope);
         * outside: a Tomsk school's for the region, Ручьёвская's (Калининский) for the municipality, Заречная's for the
         * director. {version} is read at the moment
         */
        SUPPORT_PROGRAMME,
        /** the measure of {@link #SUPPORT_PROGRAMME} ({parent} is its programme), its {version} read at the moment */
        SUPPORT_MEASURE,
        /**
         * a school on the ШНОР list of 2021 without a programme ({parent} is the year): a fresh Сонковский school
         * (Берёзовская for the director); outside: a fresh Tomsk school for the region, a fresh Калининский one for the
         * municipality, Заречная for the director
         */
        SUPPORT_SCHOOL,
        /**
         * issue 17, re-checks: a re-check ({id}) with works of Берёзовская ({item} its first work «0001-01», {version} that
         * work's) and an expert ({decision}); outside: of a Tomsk school for the region, of Ручьёвская (Калининский) for the
         * municipality, of Заречная for the director
         */
        RECHECK,
        /** issue 17, re-checks: the same, made afresh for a case that changes it */
        FRESH_RECHECK
    }

    /** The year of the table's support programmes: no demo data and no other test has programmes of it. */
    static final int SUPPORT_YEAR = 2072;

    record Expect(int in, int out) {
    }

    record Row(HttpMethod method, String mapping, String url, Kind kind, Map<String, String> params, String json,
               String text, boolean multipart, Map<Who, Expect> expect, int anonymous) {

        String name() {
            return method + " " + mapping;
        }
    }

    /** The concrete object behind {id}, {parent}, {version} and {org} of a row. */
    record Target(long id, Long parent, long version, Long org, Long item, Long decision, Long material, Long report) {
        Target(long id, Long parent, long version, Long org) {
            this(id, parent, version, org, null, null, null, null);
        }
    }

    private static final int PAGE_LOGIN = 302;
    /** The school year the table enters pupils in: no demo data and no other test has figures of it. */
    static final String PUPILS_YEAR = "2090-2091";
    private static final int API_LOGIN = 401;

    @Autowired
    MockMvc mvc;
    @Autowired
    DemoUsers users;
    @Autowired
    Fixtures fixtures;
    @Autowired
    MeetingFixtures meetingFixtures;
    @Autowired
    ru.rsoko.plan.domain.PlanFixtures planFixtures;
    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;
    @Autowired
    org.springframework.jdbc.core.JdbcTemplate jdbc;
    @Autowired
    ru.rsoko.vsoko.framework.FrameworkRepository frameworkRepository;
    @Autowired
    ru.rsoko.vsoko.campaign.CampaignService campaignService;
    @Autowired
    org.springframework.security.core.userdetails.UserDetailsService userDetails;
    @Autowired
    org.springframework.transaction.PlatformTransactionManager transactions;

    @Autowired
    ru.rsoko.plan.domain.PlanService planService;

    @Autowired
    ru.rsoko.calendar.domain.FeedTokens calendarTokens;
    @Autowired
    ru.rsoko.account.domain.ApiTokens apiTokens;
    /** The calendar feed tokens behind the targets' ids ({token} in a URL). */
    private static final Map<Long, String> FEED_TOKENS = new java.util.concurrent.ConcurrentHashMap<>();

    ru.rsoko.vsoko.VsokoFixtures vsoko;

    @org.junit.jupiter.api.BeforeEach
    void vsokoFixtures() {
        vsoko = new ru.rsoko.vsoko.VsokoFixtures(frameworkRepository, campaignService, userDetails,
                new org.springframework.transaction.support.TransactionTemplate(transactions));
    }

    static List<Row> table() {
        List<Row> rows = new ArrayList<>();
        // ---- pages for everyone signed in
        rows.add(row("GET", "/", Kind.NONE).all(200, 200).anonymous(PAGE_LOGIN));
        rows.add(row("GET", "/directory", Kind.NONE).all(200, 200).anonymous(PAGE_LOGIN));
        rows.add(row("GET", "/directory.xlsx", Kind.NONE).all(200, 200).anonymous(PAGE_LOGIN));
        rows.add(row("GET", "/directory/picker", Kind.NONE).param("q", "Сон").all(200, 200).anonymous(PAGE_LOGIN));
        rows.add(row("GET", "/directory/{id}", Kind.SCHOOL).all(200, 404).anonymous(PAGE_LOGIN));
        rows.add(row("GET", "/directory/{id}.xlsx", Kind.SCHOOL).all(200, 404).anonymous(PAGE_LOGIN));
        // pupils per grade on a school's card: seen within the scope, entered by the school, its municipality or region
        rows.add(row("GET", "/directory/{id}/pupils.xlsx", Kind.SCHOOL).all(200, 404).anonymous(PAGE_LOGIN));
        rows.add(row("GET", "/directory/{id}/pupils.xlsx", "/directory/{id}/pupils.xlsx", Kind.MUNICIPALITY)
                .all(200, 404).who(Who.SCHOOL, 404, 404).anonymous(PAGE_LOGIN));
        rows.add(row("GET", "/directory/{id}/pupils/history.xlsx", Kind.SCHOOL).all(200, 404).anonymous(PAGE_LOGIN));
        rows.add(row("POST", "/directory/{id}/pupils", Kind.PUPILS).param("schoolYear", PUPILS_YEAR)
                .param("grades[0].grade", "1").param("grades[0].pupils", "25").param("grades[0].version", "{version}")
                .fillers(302, 404).anonymous(PAGE_LOGIN));
        rows.add(row("GET", "/api/v1/schools/{id}/pupils", Kind.SCHOOL).all(200, 404).anonymous(API_LOGIN));
        rows.add(row("PUT", "/api/v1/schools/{id}/pupils", "/api/v1/schools/{id}/pupils?schoolYear=" + PUPILS_YEAR, Kind.PUPILS)
                .json("{\"grades\":[{\"grade\":1,\"pupils\":25,\"version\":{version}}]}")
                .fillers(200, 404).anonymous(API_LOGIN));
        rows.add(row("GET", "/directory/{id}/municipalities.xlsx", Kind.REGION)
                .who(Who.ADMIN, 200, 404).who(Who.REGION, 200, 404).who(Who.MUNICIPALITY, 404, 404).who(Who.SCHOOL, 404, 404)
                .anonymous(PAGE_LOGIN));
        rows.add(row("GET", "/account/password", Kind.NONE).all(200, 200).anonymous(PAGE_LOGIN));
        rows.add(row("POST", "/account/password", Kind.NONE).param("current", "неверный").param("password", "x")
                .all(200, 200).anonymous(PAGE_LOGIN));
        rows.add(row("GET", "/login", Kind.NONE).all(302, 302).anonymous(200));

        // ---- the administrator's directory pages
        rows.add(row("GET", "/directory/{id}/history.xlsx", Kind.SCHOOL).admin(200, 404).anonymous(PAGE_LOGIN));
        rows.add(row("GET", "/directory/new", "/directory/new?parentId={id}&type=SCHOOL", Kind.MUNICIPALITY).admin(200, 404).anonymous(PAGE_LOGIN));
        rows.add(row("POST", "/directory", Kind.MUNICIPALITY).param("type", "SCHOOL").param("name", "{unique}")
                .param("parentId", "{id}").admin(302, 404).anonymous(PAGE_LOGIN));
        rows.add(row("GET", "/directory/{id}/edit", Kind.SCHOOL).admin(200, 404).anonymous(PAGE_LOGIN));
        rows.add(row("POST", "/directory/{id}", Kind.FRESH_SCHOOL).param("name", "{unique}").param("parentId", "{parent}")
                .param("version", "{version}").admin(302, 404).anonymous(PAGE_LOGIN));
        rows.add(row("POST", "/directory/{id}/deactivate", Kind.FRESH_SCHOOL).param("version", "{version}").admin(302, 404).anonymous(PAGE_LOGIN));
        rows.add(row("POST", "/directory/{id}/activate", Kind.FRESH_SCHOOL).param("version", "{version}").admin(302, 404).anonymous(PAGE_LOGIN));
        rows.add(row("POST", "/directory/{id}/delete", Kind.FRESH_SCHOOL).admin(302, 404).anonymous(PAGE_LOGIN));
        rows.add(row("GET", "/directory/import", Kind.NONE).admin(200, 200).anonymous(PAGE_LOGIN));
        rows.add(row("GET", "/directory/import/template.xlsx", "/directory/import/template.xlsx?regionId={id}", Kind.REGION)
                .admin(200, 404).anonymous(PAGE_LOGIN));
        // a file that is not a workbook: the form again with the error, 422
        rows.add(row("POST", "/directory/import", Kind.REGION).param("regionId", "{id}").multipart()
                .admin(422, 404).anonymous(PAGE_LOGIN));
        // without a failed upload in the session it leads back to the import page
        rows.add(row("GET", "/directory/import/errors.xlsx", Kind.NONE).admin(302, 302).anonymous(PAGE_LOGIN));

        // ---- the administrator's account pages
        rows.add(row("GET", "/admin/accounts", Kind.NONE).admin(200, 200).anonymous(PAGE_LOGIN));
        rows.add(row("GET", "/admin/accounts.xlsx", Kind.NONE).admin(200, 200).anonymous(PAGE_LOGIN));
        rows.add(row("GET", "/admin/accounts/new", "/admin/accounts/new?orgUnitId={id}", Kind.SCHOOL).admin(200, 404).anonymous(PAGE_LOGIN));
        rows.add(row("POST", "/admin/accounts", Kind.SCHOOL).param("username", "{login}").param("fullName", "Тестов Тест")
                .param("role", "SCHOOL").param("orgUnitId", "{id}").admin(302, 404).anonymous(PAGE_LOGIN));
        rows.add(row("GET", "/admin/accounts/{id}", Kind.ACCOUNT).admin(200, 404).anonymous(PAGE_LOGIN));
        rows.add(row("GET", "/admin/accounts/{id}/history.xlsx", Kind.ACCOUNT).admin(200, 404).anonymous(PAGE_LOGIN));
        rows.add(row("POST", "/admin/accounts/{id}", Kind.FRESH_ACCOUNT).param("fullName", "Изменённый Тест")
                .param("role", "SCHOOL").param("orgUnitId", "{org}").param("version", "{version}").admin(302, 404).anonymous(PAGE_LOGIN));
        rows.add(row("POST", "/admin/accounts/{id}/disable", Kind.FRESH_ACCOUNT).param("version", "{version}").admin(302, 404).anonymous(PAGE_LOGIN));
        rows.add(row("POST", "/admin/accounts/{id}/enable", Kind.FRESH_ACCOUNT).param("version", "{version}").admin(302, 404).anonymous(PAGE_LOGIN));
        rows.add(row("POST", "/admin/accounts/{id}/reset-password", Kind.FRESH_ACCOUNT).admin(302, 404).anonymous(PAGE_LOGIN));
        rows.add(row("POST", "/admin/accounts/{id}/unlock", Kind.FRESH_ACCOUNT).admin(302, 404).anonymous(PAGE_LOGIN));
        rows.add(row("POST", "/admin/accounts/{id}/tokens/{tokenId}/revoke", "/admin/accounts/{id}/tokens/{item}/revoke",
                Kind.ACCOUNT_TOKEN).admin(302, 404).anonymous(PAGE_LOGIN));

        // the same through the API, for an administrator's integrations
        rows.add(row("GET", "/api/v1/accounts", Kind.NONE).admin(200, 200).anonymous(API_LOGIN));
        rows.add(row("GET", "/api/v1/accounts/{id}", Kind.ACCOUNT).admin(200, 404).anonymous(API_LOGIN));
        rows.add(row("POST", "/api/v1/accounts", Kind.SCHOOL).json("{\"username\":\"{login}\",\"fullName\":\"Тестов Тест\","
                + "\"role\":\"SCHOOL\",\"orgUnitId\":{id}}").admin(201, 404).anonymous(API_LOGIN));
        rows.add(row("PUT", "/api/v1/accounts/{id}", Kind.FRESH_ACCOUNT).json("{\"fullName\":\"Изменённый Тест\","
                + "\"role\":\"SCHOOL\",\"orgUnitId\":{org},\"version\":{version}}").admin(200, 404).anonymous(API_LOGIN));
        rows.add(row("POST", "/api/v1/accounts/{id}/disable", "/api/v1/accounts/{id}/disable?version={version}", Kind.FRESH_ACCOUNT)
                .admin(200, 404).anonymous(API_LOGIN));
        rows.add(row("POST", "/api/v1/accounts/{id}/enable", "/api/v1/accounts/{id}/enable?version={version}", Kind.FRESH_ACCOUNT)
                .admin(200, 404).anonymous(API_LOGIN));
        rows.add(row("POST", "/api/v1/accounts/{id}/unlock", "/api/v1/accounts/{id}/unlock?version={version}", Kind.FRESH_ACCOUNT)
                .admin(200, 404).anonymous(API_LOGIN));
        rows.add(row("POST", "/api/v1/accounts/{id}/reset-password", Kind.FRESH_ACCOUNT).json("{\"version\":{version}}")
                .admin(200, 404).anonymous(API_LOGIN));

        // ---- personal API tokens: everyone's own, on the profile and through the API; another person's is not found
        rows.add(row("GET", "/me/tokens", Kind.NONE).all(200, 200).anonymous(PAGE_LOGIN));
        rows.add(row("GET", "/me/failed-logins.xlsx", Kind.NONE).all(200, 200).anonymous(PAGE_LOGIN));
        // issue 15: throttled sign-ins and the security log (a region's administrator sees their region's rows only:
        // LoginThrottleTest and SecurityLogTest); a key that is not throttled, or not the administrator's, is not found
        rows.add(row("GET", "/admin/login-throttling", Kind.NONE).admin(200, 200).anonymous(PAGE_LOGIN));
        rows.add(row("GET", "/admin/login-throttling.xlsx", Kind.NONE).admin(200, 200).anonymous(PAGE_LOGIN));
        rows.add(row("POST", "/admin/login-throttling/release", Kind.NONE).param("key", "login:10.255.255.255|nobody")
                .admin(404, 404).anonymous(PAGE_LOGIN));
        rows.add(row("GET", "/admin/security-log", Kind.NONE).admin(200, 200).anonymous(PAGE_LOGIN));
        rows.add(row("GET", "/admin/security-log.xlsx", Kind.NONE).admin(200, 200).anonymous(PAGE_LOGIN));

        // issue 16: what people corrected in imported protocols, for the administrators of their region
        // (ProtocolCorrectionTest); the lists and downloads hold the administrator's region only
        rows.add(row("GET", "/admin/protocol-corrections", Kind.NONE).admin(200, 200).anonymous(PAGE_LOGIN));
        rows.add(row("GET", "/admin/protocol-corrections.xlsx", Kind.NONE).admin(200, 200).anonymous(PAGE_LOGIN));
        rows.add(row("GET", "/admin/protocol-corrections.zip", Kind.NONE).admin(200, 200).anonymous(PAGE_LOGIN));
        rows.add(row("GET", "/admin/protocol-corrections/{id}", Kind.PROTOCOL_CORRECTION).admin(200, 404).anonymous(PAGE_LOGIN));
        rows.add(row("POST", "/admin/protocol-corrections/{id}/delete", Kind.FRESH_PROTOCOL_CORRECTION).admin(302, 404)
                .anonymous(PAGE_LOGIN));
        rows.add(row("GET", "/api/v1/admin/protocol-corrections", Kind.NONE).admin(200, 200).anonymous(API_LOGIN));
        rows.add(row("GET", "/api/v1/admin/protocol-corrections/export", Kind.NONE).admin(200, 200).anonymous(API_LOGIN));
        rows.add(row("POST", "/me/tokens", Kind.NONE).param("name", "{unique}").all(200, 200).anonymous(PAGE_LOGIN));
        rows.add(row("POST", "/me/tokens/{id}/revoke", Kind.API_TOKEN).all(302, 404).anonymous(PAGE_LOGIN));
        rows.add(row("GET", "/api/v1/me/tokens", Kind.NONE).all(200, 200).anonymous(API_LOGIN));
        rows.add(row("POST", "/api/v1/me/tokens", Kind.NONE).json("{\"name\":\"{unique}\"}").all(201, 201).anonymous(API_LOGIN));
        rows.add(row("DELETE", "/api/v1/me/tokens/{id}", Kind.API_TOKEN).all(204, 404).anonymous(API_LOGIN));

        // ---- meetings: lists for everyone; a meeting's card for whoever it concerns; keeping it for its keepers
        rows.add(row("GET", "/meetings", Kind.NONE).all(200, 200).anonymous(PAGE_LOGIN));
        rows.add(row("GET", "/meetings.xlsx", Kind.NONE).all(200, 200).anonymous(PAGE_LOGIN));
        rows.add(row("GET", "/meetings/{id}", Kind.MEETING).all(200, 404).anonymous(PAGE_LOGIN));
        rows.add(row("GET", "/meetings/{id}/history.xlsx", Kind.MEETING).all(200, 404).anonymous(PAGE_LOGIN));
        rows.add(row("GET", "/meetings/{id}/decisions.xlsx", Kind.MEETING).all(200, 404).anonymous(PAGE_LOGIN));
        rows.add(row("GET", "/meetings/{id}/matrix.xlsx", Kind.MEETING).all(200, 404).anonymous(PAGE_LOGIN));
        rows.add(row("GET", "/meetings/{id}/protocol.docx", Kind.MEETING).all(200, 404).anonymous(PAGE_LOGIN));
        rows.add(row("GET", "/meetings/{id}/cover-letter.docx", Kind.MEETING).all(200, 404).anonymous(PAGE_LOGIN));
        rows.add(row("GET", "/meetings/{id}/announcement.docx", Kind.MEETING).all(200, 404).anonymous(PAGE_LOGIN));
        rows.add(row("GET", "/meetings/{id}/materials/{materialId}", "/meetings/{id}/materials/{material}", Kind.MEETING)
                .all(200, 404).anonymous(PAGE_LOGIN));
        rows.add(row("GET", "/meetings/new", Kind.NONE).keepers(200, 200).anonymous(PAGE_LOGIN));
        rows.add(row("POST", "/meetings", Kind.NONE).param("kind", "MEETING").param("title", "{unique}").param("date", "2021-04-16")
                .keepers(302, 302).anonymous(PAGE_LOGIN));
        rows.add(row("GET", "/meetings/{id}/edit", Kind.MEETING).keepers(200, 404).anonymous(PAGE_LOGIN));
        rows.add(row("POST", "/meetings/{id}", Kind.FRESH_MEETING).param("kind", "MEETING").param("title", "{unique}")
                .param("date", "{today}").param("version", "{version}").keepers(302, 404).anonymous(PAGE_LOGIN));
        rows.add(row("POST", "/meetings/{id}/held", Kind.FRESH_MEETING).param("version", "{version}").keepers(302, 404).anonymous(PAGE_LOGIN));
        rows.add(row("POST", "/meetings/{id}/sign", Kind.FRESH_MEETING).param("version", "{version}").keepers(302, 404).anonymous(PAGE_LOGIN));
        rows.add(row("POST", "/meetings/{id}/send", Kind.FRESH_MEETING).param("version", "{version}").keepers(302, 404).anonymous(PAGE_LOGIN));
        rows.add(row("POST", "/meetings/{id}/delete", Kind.FRESH_MEETING).keepers(302, 404).anonymous(PAGE_LOGIN));
        rows.add(row("GET", "/meetings/{id}/agenda/new", Kind.MEETING).keepers(200, 404).anonymous(PAGE_LOGIN));
        rows.add(row("POST", "/meetings/{id}/agenda", Kind.FRESH_MEETING).param("number", "2").param("title", "Вопрос")
                .keepers(302, 404).anonymous(PAGE_LOGIN));
        rows.add(row("GET", "/meetings/{id}/agenda/{itemId}/edit", "/meetings/{id}/agenda/{item}/edit", Kind.MEETING)
                .keepers(200, 404).anonymous(PAGE_LOGIN));
        rows.add(row("POST", "/meetings/{id}/agenda/{itemId}", "/meetings/{id}/agenda/{item}", Kind.FRESH_MEETING)
                .param("number", "1").param("title", "Вопрос").param("version", "0").keepers(302, 404).anonymous(PAGE_LOGIN));
        rows.add(row("POST", "/meetings/{id}/agenda/{itemId}/delete", "/meetings/{id}/agenda/{item}/delete", Kind.FRESH_MEETING)
                .keepers(302, 404).anonymous(PAGE_LOGIN));
        rows.add(row("POST", "/meetings/{id}/agenda/{itemId}/materials", "/meetings/{id}/agenda/{item}/materials", Kind.FRESH_MEETING)
                .param("url", "https://example.org/doc").keepers(302, 404).anonymous(PAGE_LOGIN));
        rows.add(row("POST", "/meetings/{id}/materials/{materialId}/delete", "/meetings/{id}/materials/{material}/delete", Kind.FRESH_MEETING)
                .keepers(302, 404).anonymous(PAGE_LOGIN));
        rows.add(row("GET", "/meetings/{id}/decisions/new", Kind.MEETING).keepers(200, 404).anonymous(PAGE_LOGIN));
        rows.add(row("POST", "/meetings/{id}/decisions", Kind.FRESH_MEETING).param("number", "3").param("text", "Решение")
                .param("responsibleText", "руководители ОО").param("deadlineText", "постоянно").keepers(302, 404).anonymous(PAGE_LOGIN));
        rows.add(row("GET", "/meetings/{id}/decisions/{decisionId}/edit", "/meetings/{id}/decisions/{decision}/edit", Kind.MEETING)
                .keepers(200, 404).anonymous(PAGE_LOGIN));
        rows.add(row("POST", "/meetings/{id}/decisions/{decisionId}", "/meetings/{id}/decisions/{decision}", Kind.FRESH_MEETING)
                .param("number", "1").param("text", "Решение").param("responsibleText", "руководители ОО")
                .param("deadlineText", "постоянно").param("version", "0").keepers(302, 404).anonymous(PAGE_LOGIN));
        rows.add(row("POST", "/meetings/{id}/decisions/{decisionId}/delete", "/meetings/{id}/decisions/{decision}/delete", Kind.FRESH_MEETING)
                .keepers(302, 404).anonymous(PAGE_LOGIN));
        rows.add(row("POST", "/meetings/{id}/decisions/recognise", Kind.MEETING).param("responsibleText", "руководители ОО")
                .param("deadlineText", "постоянно").keepers(200, 404).anonymous(PAGE_LOGIN));
        rows.add(row("GET", "/meetings/import", Kind.NONE).keepers(200, 200).anonymous(PAGE_LOGIN));
        rows.add(row("POST", "/meetings/import", Kind.NONE).param("text", "ПРОТОКОЛ\nСовещания\nРЕШИЛИ:\n1. Сделать.")
                .keepers(200, 200).anonymous(PAGE_LOGIN));
        rows.add(row("POST", "/meetings/import/confirm", Kind.NONE).param("meeting.kind", "MEETING").param("meeting.title", "{unique}")
                .param("meeting.date", "2021-04-16").keepers(302, 302).anonymous(PAGE_LOGIN));

        // ---- execution records: seen within the scope, reported on by their own organisation only
        rows.add(row("GET", "/executions", Kind.NONE).all(200, 200).anonymous(PAGE_LOGIN));
        rows.add(row("GET", "/executions.xlsx", Kind.NONE).all(200, 200).anonymous(PAGE_LOGIN));
        rows.add(row("GET", "/executions/{id}", Kind.EXECUTION).all(200, 404).anonymous(PAGE_LOGIN));
        rows.add(row("GET", "/executions/{id}/history.xlsx", Kind.EXECUTION).all(200, 404).anonymous(PAGE_LOGIN));
        rows.add(row("POST", "/executions/{id}", Kind.EXECUTION).param("status", "IN_PROGRESS").param("report", "Начато")
                .reporter(302, 404).anonymous(PAGE_LOGIN));
        rows.add(row("POST", "/executions/{id}/reports", Kind.EXECUTION).param("text", "Отчёт").reporter(302, 404).anonymous(PAGE_LOGIN));
        rows.add(row("POST", "/executions/{id}/comments", Kind.EXECUTION).param("text", "Комментарий").all(302, 404).anonymous(PAGE_LOGIN));
        rows.add(row("GET", "/executions/{id}/evidence", Kind.EXECUTION_WITH_EVIDENCE).all(200, 404).anonymous(PAGE_LOGIN));
        // one status for the records ticked on the list: the director's own is set; a record the others see but do not
        // report on comes back as a refused row of the list (the same redirect); outside the scope the batch is not found
        rows.add(row("POST", "/executions/bulk", Kind.EXECUTION_NOW).param("ids", "{id}").param("versions", "{id}:{version}")
                .param("status", "IN_PROGRESS").param("report", "Начато").all(302, 404).anonymous(PAGE_LOGIN));
        rows.add(row("GET", "/executions/{id}/reports/{reportId}/evidence", "/executions/{id}/reports/{report}/evidence",
                Kind.EXECUTION_WITH_REPORT).all(200, 404).anonymous(PAGE_LOGIN));

        // ---- ВСОКО campaigns: seen within the region, kept by regional staff; a school's submission filled by the
        // school (or for it by its municipality or region), returned by the municipality or region, reviewed by the region
        rows.add(row("GET", "/vsoko/campaigns", Kind.NONE).all(200, 200).anonymous(PAGE_LOGIN));
        rows.add(row("GET", "/vsoko/campaigns.xlsx", Kind.NONE).all(200, 200).anonymous(PAGE_LOGIN));
        rows.add(row("GET", "/vsoko/campaigns/new", Kind.NONE).region(200, 200).anonymous(PAGE_LOGIN));
        rows.add(row("POST", "/vsoko/campaigns", Kind.CAMPAIGN).param("name", "{unique}").param("year", "2026")
                .param("frameworkId", "{parent}").param("opensOn", "2026-10-01").param("closesOn", "2026-10-31")
                .param("allSchools", "true").region(302, 404).anonymous(PAGE_LOGIN));
        rows.add(row("GET", "/vsoko/campaigns/{id}", Kind.CAMPAIGN).all(200, 404).who(Who.SCHOOL, 302, 404).anonymous(PAGE_LOGIN));
        rows.add(row("GET", "/vsoko/campaigns/{id}/edit", Kind.CAMPAIGN).region(200, 404).anonymous(PAGE_LOGIN));
        rows.add(row("POST", "/vsoko/campaigns/{id}", Kind.FRESH_CAMPAIGN).param("name", "{unique}").param("opensOn", "2026-10-01")
                .param("closesOn", "2026-11-30").param("version", "{version}").region(302, 404).anonymous(PAGE_LOGIN));
        rows.add(row("POST", "/vsoko/campaigns/{id}/status", Kind.FRESH_CAMPAIGN).param("to", "CLOSED").param("version", "{version}")
                .region(302, 404).anonymous(PAGE_LOGIN));
        rows.add(row("GET", "/vsoko/campaigns/{id}/progress.xlsx", Kind.CAMPAIGN).all(200, 404).anonymous(PAGE_LOGIN));
        rows.add(row("GET", "/vsoko/campaigns/{id}/submissions", Kind.CAMPAIGN).all(200, 404).anonymous(PAGE_LOGIN));
        rows.add(row("GET", "/vsoko/campaigns/{id}/submissions.xlsx", Kind.CAMPAIGN).all(200, 404).anonymous(PAGE_LOGIN));
        rows.add(row("GET", "/vsoko/campaigns/{id}/submissions/{schoolId}", "/vsoko/campaigns/{id}/submissions/{org}", Kind.SUBMISSION)
                .all(200, 404).anonymous(PAGE_LOGIN));
        rows.add(row("GET", "/vsoko/campaigns/{id}/submissions/{schoolId}.xlsx", "/vsoko/campaigns/{id}/submissions/{org}.xlsx",
                Kind.SUBMISSION).all(200, 404).anonymous(PAGE_LOGIN));
        rows.add(row("GET", "/vsoko/campaigns/{id}/submissions/{schoolId}/history.xlsx",
                "/vsoko/campaigns/{id}/submissions/{org}/history.xlsx", Kind.SUBMISSION).all(200, 404).anonymous(PAGE_LOGIN));
        rows.add(row("POST", "/vsoko/campaigns/{id}/submissions/{schoolId}/values/{indicatorId}",
                "/vsoko/campaigns/{id}/submissions/{org}/values/{item}", Kind.FRESH_SUBMISSION).param("value", "да")
                .fillers(200, 404).anonymous(PAGE_LOGIN));
        // handing in an incomplete form is refused with the missing answers, on the page
        rows.add(row("POST", "/vsoko/campaigns/{id}/submissions/{schoolId}/submit", "/vsoko/campaigns/{id}/submissions/{org}/submit",
                Kind.FRESH_SUBMISSION).param("version", "{version}").fillers(302, 404).anonymous(PAGE_LOGIN));
        rows.add(row("POST", "/vsoko/campaigns/{id}/submissions/{schoolId}/return", "/vsoko/campaigns/{id}/submissions/{org}/return",
                Kind.FRESH_SUBMISSION).param("comment", "Доработать").param("version", "{version}")
                .keepers(302, 404).anonymous(PAGE_LOGIN));
        rows.add(row("POST", "/vsoko/campaigns/{id}/submissions/{schoolId}/accept", "/vsoko/campaigns/{id}/submissions/{org}/accept",
                Kind.FRESH_SUBMISSION).param("version", "{version}").region(302, 404).anonymous(PAGE_LOGIN));
        rows.add(row("POST", "/vsoko/campaigns/{id}/submissions/{schoolId}/values/{indicatorId}/expert",
                "/vsoko/campaigns/{id}/submissions/{org}/values/{item}/expert", Kind.FRESH_SUBMISSION)
                .param("expertValue", "нет").param("expertComment", "Проверено").region(302, 404).anonymous(PAGE_LOGIN));
        // prefilling from earlier answers is the school's and its municipality's; the region reviews
        rows.add(row("POST", "/vsoko/campaigns/{id}/submissions/{schoolId}/prefill", "/vsoko/campaigns/{id}/submissions/{org}/prefill",
                Kind.FRESH_SUBMISSION).param("version", "{version}").who(Who.SCHOOL, 302, 404).who(Who.MUNICIPALITY, 302, 404)
                .who(Who.REGION, 403, 404).who(Who.ADMIN, 403, 404).anonymous(PAGE_LOGIN));
        rows.add(row("POST", "/vsoko/campaigns/{id}/submissions/{schoolId}/values/{indicatorId}/confirm",
                "/vsoko/campaigns/{id}/submissions/{org}/values/{item}/confirm", Kind.FRESH_SUBMISSION)
                .fillers(200, 404).anonymous(PAGE_LOGIN));
        rows.add(row("POST", "/vsoko/campaigns/{id}/submissions/{schoolId}/confirm", "/vsoko/campaigns/{id}/submissions/{org}/confirm",
                Kind.FRESH_SUBMISSION).param("version", "{version}").fillers(302, 404).anonymous(PAGE_LOGIN));
        // the fixture's campaign does not ask for the municipality's approval: refused on the page, for the municipality only
        rows.add(row("POST", "/vsoko/campaigns/{id}/submissions/{schoolId}/approve", "/vsoko/campaigns/{id}/submissions/{org}/approve",
                Kind.FRESH_SUBMISSION).param("version", "{version}").who(Who.MUNICIPALITY, 302, 404)
                .who(Who.SCHOOL, 403, 404).who(Who.REGION, 403, 404).who(Who.ADMIN, 403, 404).anonymous(PAGE_LOGIN));
        rows.add(row("POST", "/vsoko/campaigns/{id}/submissions/review", Kind.CAMPAIGN).param("action", "ACCEPT")
                .keepers(302, 404).anonymous(PAGE_LOGIN));

        // ---- ВСОКО values in Excel: a template of what the caller may fill, uploaded back all or nothing
        rows.add(row("GET", "/vsoko/campaigns/{id}/template.xlsx", Kind.CAMPAIGN).fillers(200, 404).who(Who.ADMIN, 403, 403).anonymous(PAGE_LOGIN));
        rows.add(row("GET", "/vsoko/campaigns/{id}/upload", Kind.CAMPAIGN).fillers(200, 404).who(Who.ADMIN, 403, 403).anonymous(PAGE_LOGIN));
        rows.add(row("POST", "/vsoko/campaigns/{id}/upload", Kind.CAMPAIGN).multipart().fillers(422, 404).who(Who.ADMIN, 403, 403).anonymous(PAGE_LOGIN));
        // without a failed upload in the session it leads back to the upload page
        rows.add(row("GET", "/vsoko/campaigns/{id}/upload/errors.xlsx", Kind.CAMPAIGN).fillers(302, 404).who(Who.ADMIN, 403, 403).anonymous(PAGE_LOGIN));

        // ---- ВСОКО indicator frameworks: read by everyone of the region, kept by regional staff
        rows.add(row("GET", "/vsoko/frameworks", Kind.NONE).all(200, 200).anonymous(PAGE_LOGIN));
        rows.add(row("GET", "/vsoko/frameworks.xlsx", Kind.NONE).all(200, 200).anonymous(PAGE_LOGIN));
        rows.add(row("GET", "/vsoko/frameworks/{id}", Kind.FRAMEWORK).all(200, 404).anonymous(PAGE_LOGIN));
        rows.add(row("GET", "/vsoko/frameworks/{id}.xlsx", Kind.FRAMEWORK).all(200, 404).anonymous(PAGE_LOGIN));
        rows.add(row("GET", "/vsoko/frameworks/new", Kind.NONE).region(200, 200).anonymous(PAGE_LOGIN));
        rows.add(row("POST", "/vsoko/frameworks", Kind.NONE).param("name", "{unique}").param("year", "2026")
                .param("formedFrom", "75").param("partialFrom", "50").region(302, 302).anonymous(PAGE_LOGIN));
        rows.add(row("GET", "/vsoko/frameworks/{id}/copy", Kind.FRAMEWORK).regionFunction(200, 404).anonymous(PAGE_LOGIN));
        rows.add(row("POST", "/vsoko/frameworks/{id}/copy", Kind.FRAMEWORK).param("name", "{unique}").param("year", "2027")
                .regionFunction(302, 404).anonymous(PAGE_LOGIN));
        rows.add(row("GET", "/vsoko/frameworks/{id}/edit", Kind.FRAMEWORK).regionFunction(200, 404).anonymous(PAGE_LOGIN));
        rows.add(row("POST", "/vsoko/frameworks/{id}", Kind.FRESH_FRAMEWORK).param("name", "{unique}").param("year", "2026")
                .param("formedFrom", "80").param("partialFrom", "50").param("version", "{version}").regionFunction(302, 404).anonymous(PAGE_LOGIN));
        rows.add(row("GET", "/vsoko/frameworks/{id}/directions/new", Kind.FRAMEWORK).regionFunction(200, 404).anonymous(PAGE_LOGIN));
        rows.add(row("POST", "/vsoko/frameworks/{id}/directions", Kind.FRESH_FRAMEWORK).param("code", "3").param("name", "Направление")
                .regionFunction(302, 404).anonymous(PAGE_LOGIN));
        rows.add(row("GET", "/vsoko/frameworks/{id}/directions/{directionId}/edit", "/vsoko/frameworks/{id}/directions/{item}/edit",
                Kind.FRAMEWORK).regionFunction(200, 404).anonymous(PAGE_LOGIN));
        rows.add(row("POST", "/vsoko/frameworks/{id}/directions/{directionId}", "/vsoko/frameworks/{id}/directions/{item}",
                Kind.FRESH_FRAMEWORK).param("code", "2").param("name", "Направление").param("version", "0")
                .regionFunction(302, 404).anonymous(PAGE_LOGIN));
        rows.add(row("POST", "/vsoko/frameworks/{id}/directions/{directionId}/delete", "/vsoko/frameworks/{id}/directions/{item}/delete",
                Kind.FRESH_FRAMEWORK).param("version", "0").regionFunction(302, 404).anonymous(PAGE_LOGIN));
        rows.add(row("GET", "/vsoko/frameworks/{id}/directions/{directionId}/indicators/new",
                "/vsoko/frameworks/{id}/directions/{item}/indicators/new", Kind.FRAMEWORK).regionFunction(200, 404).anonymous(PAGE_LOGIN));
        rows.add(row("POST", "/vsoko/frameworks/{id}/directions/{directionId}/indicators",
                "/vsoko/frameworks/{id}/directions/{item}/indicators", Kind.FRESH_FRAMEWORK).param("code", "1.99")
                .param("wording", "Показатель").param("valueType", "YES_NO").param("points", "1").regionFunction(302, 404).anonymous(PAGE_LOGIN));
        rows.add(row("GET", "/vsoko/frameworks/{id}/indicators/{indicatorId}/edit", "/vsoko/frameworks/{id}/indicators/{decision}/edit",
                Kind.FRAMEWORK).regionFunction(200, 404).anonymous(PAGE_LOGIN));
        rows.add(row("POST", "/vsoko/frameworks/{id}/indicators/{indicatorId}", "/vsoko/frameworks/{id}/indicators/{decision}",
                Kind.FRESH_FRAMEWORK).param("code", "2.02").param("wording", "Показатель").param("valueType", "YES_NO")
                .param("points", "2").param("version", "0").regionFunction(302, 404).anonymous(PAGE_LOGIN));
        rows.add(row("POST", "/vsoko/frameworks/{id}/indicators/{indicatorId}/delete", "/vsoko/frameworks/{id}/indicators/{decision}/delete",
                Kind.FRESH_FRAMEWORK).param("version", "0").regionFunction(302, 404).anonymous(PAGE_LOGIN));
        rows.add(row("GET", "/vsoko/frameworks/import", Kind.NONE).region(200, 200).anonymous(PAGE_LOGIN));
        rows.add(row("POST", "/vsoko/frameworks/import", Kind.NONE).param("name", "{unique}").param("year", "2026").multipart()
                .region(422, 422).anonymous(PAGE_LOGIN));
        rows.add(row("GET", "/vsoko/frameworks/import/errors.xlsx", Kind.NONE).region(302, 302).anonymous(PAGE_LOGIN));

        // ---- ВСОКО results: regional staff any time, municipalities and schools once published, each their part
        rows.add(row("GET", "/vsoko/campaigns/{id}/results", Kind.RESULTS_CAMPAIGN).all(200, 404).who(Who.SCHOOL, 302, 404).anonymous(PAGE_LOGIN));
        rows.add(row("GET", "/vsoko/campaigns/{id}/results.xlsx", Kind.RESULTS_CAMPAIGN).all(200, 404).anonymous(PAGE_LOGIN));
        rows.add(row("GET", "/vsoko/campaigns/{id}/results/municipalities/{municipalityId}",
                "/vsoko/campaigns/{id}/results/municipalities/{item}", Kind.RESULTS).all(200, 404).who(Who.SCHOOL, 404, 404)
                .anonymous(PAGE_LOGIN));
        rows.add(row("GET", "/vsoko/campaigns/{id}/results/municipalities/{municipalityId}.xlsx",
                "/vsoko/campaigns/{id}/results/municipalities/{item}.xlsx", Kind.RESULTS).all(200, 404).who(Who.SCHOOL, 404, 404)
                .anonymous(PAGE_LOGIN));
        rows.add(row("GET", "/vsoko/campaigns/{id}/results/schools.xlsx", Kind.RESULTS_CAMPAIGN).all(200, 404).anonymous(PAGE_LOGIN));
        rows.add(row("GET", "/vsoko/campaigns/{id}/results/schools/{schoolId}", "/vsoko/campaigns/{id}/results/schools/{org}",
                Kind.RESULTS).all(200, 404).anonymous(PAGE_LOGIN));
        rows.add(row("GET", "/vsoko/campaigns/{id}/results/schools/{schoolId}.xlsx", "/vsoko/campaigns/{id}/results/schools/{org}.xlsx",
                Kind.RESULTS).all(200, 404).anonymous(PAGE_LOGIN));

        // ---- the year's lists of schools: seen within the scope, kept by regional staff
        rows.add(row("GET", "/school-lists", Kind.NONE).all(200, 200).anonymous(PAGE_LOGIN));
        rows.add(row("GET", "/school-lists.xlsx", Kind.NONE).all(200, 200).anonymous(PAGE_LOGIN));
        rows.add(row("GET", "/school-lists/new", Kind.NONE).region(200, 200).anonymous(PAGE_LOGIN));
        rows.add(row("POST", "/school-lists", Kind.FRESH_SCHOOL).param("schoolId", "{id}").param("year", "2021")
                .param("kind", "LOW_RESULTS").param("basis", "ВПР-2021").regionFunction(302, 404).anonymous(PAGE_LOGIN));
        rows.add(row("GET", "/school-lists/{id}/edit", Kind.LIST_ENTRY).region(200, 404).anonymous(PAGE_LOGIN));
        rows.add(row("POST", "/school-lists/{id}", Kind.FRESH_LIST_ENTRY).param("year", "{parent}").param("kind", "LOW_RESULTS")
                .param("basis", "Изменено").param("version", "{version}").region(302, 404).anonymous(PAGE_LOGIN));
        rows.add(row("POST", "/school-lists/{id}/delete", Kind.FRESH_LIST_ENTRY).param("version", "{version}")
                .region(302, 404).anonymous(PAGE_LOGIN));
        rows.add(row("GET", "/school-lists/history.xlsx", "/school-lists/history.xlsx?year=2021&kind=LOW_RESULTS", Kind.NONE)
                .region(200, 200).anonymous(PAGE_LOGIN));
        rows.add(row("GET", "/school-lists/upload", Kind.NONE).region(200, 200).anonymous(PAGE_LOGIN));
        rows.add(row("GET", "/school-lists/template.xlsx", Kind.NONE).region(200, 200).anonymous(PAGE_LOGIN));
        rows.add(row("POST", "/school-lists/upload", Kind.NONE).param("year", "2021").param("kind", "LOW_RESULTS").multipart()
                .region(422, 422).anonymous(PAGE_LOGIN));
        // without a failed upload in the session it leads back to the upload page
        rows.add(row("GET", "/school-lists/upload/errors.xlsx", Kind.NONE).region(302, 302).anonymous(PAGE_LOGIN));

        // ---- the region's tasks of a year: read by everyone of the region, kept by regional staff
        // ---- dashboards (a municipality's for those above it; a school's director has none) and school profiles
        for (String mapping : List.of("/dashboard", "/dashboard.xlsx", "/dashboard/charts", "/dashboard/risk",
                "/dashboard/risk.xlsx")) {
            rows.add(row("GET", mapping, mapping + "?municipalityId={id}", Kind.MUNICIPALITY).all(200, 404)
                    .who(Who.SCHOOL, 403, 403).anonymous(PAGE_LOGIN));
        }
        rows.add(row("GET", "/dashboard/charts/{chart}.xlsx", "/dashboard/charts/levels.xlsx?municipalityId={id}",
                Kind.MUNICIPALITY).all(200, 404).who(Who.SCHOOL, 403, 403).anonymous(PAGE_LOGIN));
        rows.add(row("GET", "/api/v1/dashboard", "/api/v1/dashboard?municipalityId={id}", Kind.MUNICIPALITY)
                .all(200, 404).who(Who.SCHOOL, 403, 403).anonymous(API_LOGIN));
        rows.add(row("GET", "/api/v1/dashboard/charts", "/api/v1/dashboard/charts?municipalityId={id}", Kind.MUNICIPALITY)
                .all(200, 404).who(Who.SCHOOL, 403, 403).anonymous(API_LOGIN));
        rows.add(row("GET", "/schools/{id}/profile", Kind.SCHOOL).all(200, 404).anonymous(PAGE_LOGIN));
        rows.add(row("GET", "/schools/{id}/profile.xlsx", Kind.SCHOOL).all(200, 404).anonymous(PAGE_LOGIN));
        rows.add(row("GET", "/api/v1/schools/{id}/profile", Kind.SCHOOL).all(200, 404).anonymous(API_LOGIN));
        rows.add(row("GET", "/dashboard/settings", Kind.NONE).region(200, 200).who(Who.ADMIN, 200, 200).anonymous(PAGE_LOGIN));
        // a value that is not a number: the form again with the error, nothing saved
        rows.add(row("POST", "/dashboard/settings", Kind.NONE).param("formedGreen", "много").param("version", "-1")
                .region(200, 200).who(Who.ADMIN, 200, 200).anonymous(PAGE_LOGIN));
        rows.add(row("GET", "/dashboard/settings/history.xlsx", Kind.NONE).region(200, 200).who(Who.ADMIN, 200, 200)
                .anonymous(PAGE_LOGIN));
        // the rebuild of the kept figures reads every region: a deployment administrator's alone (SummariesTest)
        rows.add(row("POST", "/api/v1/admin/summaries/rebuild", Kind.NONE).all(403, 403).anonymous(API_LOGIN));

        rows.add(row("GET", "/tasks", Kind.NONE).all(200, 200).anonymous(PAGE_LOGIN));
        rows.add(row("GET", "/tasks.xlsx", Kind.NONE).all(200, 200).anonymous(PAGE_LOGIN));
        rows.add(row("GET", "/tasks/{id}", Kind.TASK).all(200, 404).anonymous(PAGE_LOGIN));
        rows.add(row("GET", "/tasks/{id}/history.xlsx", Kind.TASK).all(200, 404).anonymous(PAGE_LOGIN));
        rows.add(row("GET", "/tasks/new", Kind.NONE).region(200, 200).anonymous(PAGE_LOGIN));
        rows.add(row("POST", "/tasks", Kind.NONE).param("text", "{unique}").param("year", "2098").region(302, 302)
                .anonymous(PAGE_LOGIN));
        rows.add(row("GET", "/tasks/{id}/edit", Kind.TASK).region(200, 404).anonymous(PAGE_LOGIN));
        rows.add(row("POST", "/tasks/{id}", Kind.FRESH_TASK).param("text", "{unique}").param("metric", "VPR_COVERAGE")
                .param("target", "100").param("version", "{version}").region(302, 404).anonymous(PAGE_LOGIN));
        rows.add(row("POST", "/tasks/{id}/move", Kind.FRESH_TASK).param("direction", "down").param("version", "{version}")
                .region(302, 404).anonymous(PAGE_LOGIN));
        rows.add(row("POST", "/tasks/{id}/delete", Kind.FRESH_TASK).param("version", "{version}").region(302, 404)
                .anonymous(PAGE_LOGIN));

        // ---- the plan-schedule: approved plans are seen by every role of the region, kept by regional staff
        rows.add(row("GET", "/plans", Kind.NONE).all(200, 200).anonymous(PAGE_LOGIN));
        rows.add(row("GET", "/plans.xlsx", Kind.NONE).all(200, 200).anonymous(PAGE_LOGIN));
        rows.add(row("GET", "/plans/new", Kind.NONE).regionFunction(200, 200).anonymous(PAGE_LOGIN));
        // without a year the form comes back with its message
        rows.add(row("POST", "/plans", Kind.NONE).regionFunction(200, 200).anonymous(PAGE_LOGIN));
        rows.add(row("GET", "/plans/{id}", Kind.PLAN).all(200, 404).anonymous(PAGE_LOGIN));
        rows.add(row("GET", "/plans/{id}/history.xlsx", Kind.PLAN).all(200, 404).anonymous(PAGE_LOGIN));
        rows.add(row("GET", "/plans/{id}/execution", Kind.PLAN).all(200, 404).anonymous(PAGE_LOGIN));
        rows.add(row("GET", "/plans/{id}/execution.xlsx", Kind.PLAN).all(200, 404).anonymous(PAGE_LOGIN));
        rows.add(row("GET", "/plans/{id}/edit", Kind.PLAN).region(200, 404).anonymous(PAGE_LOGIN));
        rows.add(row("POST", "/plans/{id}", Kind.FRESH_PLAN).param("version", "{version}").region(200, 404).anonymous(PAGE_LOGIN));
        // an approved plan is neither approved again nor deleted: back to it with the message
        rows.add(row("POST", "/plans/{id}/approve", Kind.FRESH_PLAN).param("version", "{version}").region(302, 404).anonymous(PAGE_LOGIN));
        rows.add(row("POST", "/plans/{id}/delete", Kind.FRESH_PLAN).param("version", "{version}").region(302, 404).anonymous(PAGE_LOGIN));
        rows.add(row("GET", "/plans/{id}/procedures/new", Kind.PLAN).region(200, 404).anonymous(PAGE_LOGIN));
        rows.add(row("POST", "/plans/{id}/procedures", Kind.FRESH_PLAN).region(200, 404).anonymous(PAGE_LOGIN));
        rows.add(row("GET", "/procedures/{id}", Kind.PLAN_PROCEDURE).all(200, 404).anonymous(PAGE_LOGIN));
        rows.add(row("GET", "/procedures/{id}/history.xlsx", Kind.PLAN_PROCEDURE).all(200, 404).anonymous(PAGE_LOGIN));
        rows.add(row("GET", "/procedures/{id}/files/{fileId}", "/procedures/{id}/files/{item}", Kind.PLAN_PROCEDURE)
                .all(200, 404).anonymous(PAGE_LOGIN));
        rows.add(row("GET", "/procedures/{id}/edit", Kind.PLAN_PROCEDURE).region(200, 404).anonymous(PAGE_LOGIN));
        rows.add(row("POST", "/procedures/{id}", Kind.FRESH_PLAN_PROCEDURE).param("version", "{version}").region(200, 404)
                .anonymous(PAGE_LOGIN));
        rows.add(row("POST", "/procedures/{id}/delete", Kind.FRESH_PLAN_PROCEDURE).param("version", "{version}").region(302, 404)
                .anonymous(PAGE_LOGIN));
        rows.add(row("POST", "/procedures/{id}/status", Kind.FRESH_PLAN_PROCEDURE).param("to", "IN_PROGRESS")
                .param("version", "{version}").region(302, 404).anonymous(PAGE_LOGIN));
        rows.add(row("POST", "/procedures/{id}/files", Kind.FRESH_PLAN_PROCEDURE).multipart().region(302, 404).anonymous(PAGE_LOGIN));
        rows.add(row("POST", "/procedures/{id}/files/{fileId}/delete", "/procedures/{id}/files/{item}/delete",
                Kind.FRESH_PLAN_PROCEDURE).region(302, 404).anonymous(PAGE_LOGIN));
        rows.add(row("GET", "/plans/procedure-types", Kind.NONE).regionFunction(200, 200).anonymous(PAGE_LOGIN));
        rows.add(row("GET", "/plans/procedure-types.xlsx", Kind.NONE).regionFunction(200, 200).anonymous(PAGE_LOGIN));
        rows.add(row("POST", "/plans/procedure-types", Kind.NONE).regionFunction(302, 302).anonymous(PAGE_LOGIN));
        rows.add(row("POST", "/plans/procedure-types/{id}", Kind.PROCEDURE_TYPE).param("version", "{version}")
                .regionFunction(302, 404).anonymous(PAGE_LOGIN));
        rows.add(row("GET", "/api/v1/plans", "/api/v1/plans?year=2021", Kind.NONE).all(200, 200).anonymous(API_LOGIN));
        rows.add(row("GET", "/api/v1/plans/{id}", Kind.PLAN).all(200, 404).anonymous(API_LOGIN));
        // the write API keeps plans as the pages do: regional staff alone; a plan without a year is refused with its
        // field, an approved plan is neither approved again nor deleted (409), nor is its procedure deleted
        rows.add(row("POST", "/api/v1/plans", Kind.NONE).json("{\"title\":\"{unique}\"}").regionFunction(400, 400)
                .anonymous(API_LOGIN));
        rows.add(row("PUT", "/api/v1/plans/{id}", Kind.FRESH_PLAN).json("{\"version\":{version}}").region(400, 404)
                .anonymous(API_LOGIN));
        rows.add(row("POST", "/api/v1/plans/{id}/approve", "/api/v1/plans/{id}/approve?version={version}", Kind.FRESH_PLAN)
                .region(409, 404).anonymous(API_LOGIN));
        rows.add(row("DELETE", "/api/v1/plans/{id}", "/api/v1/plans/{id}?version={version}", Kind.FRESH_PLAN)
                .region(409, 404).anonymous(API_LOGIN));
        rows.add(row("POST", "/api/v1/plans/{id}/procedures", Kind.FRESH_PLAN).json("{}").region(400, 404).anonymous(API_LOGIN));
        rows.add(row("GET", "/api/v1/procedures/{id}", Kind.PLAN_PROCEDURE).all(200, 404).anonymous(API_LOGIN));
        rows.add(row("PUT", "/api/v1/procedures/{id}", Kind.FRESH_PLAN_PROCEDURE).json("{\"version\":{version}}")
                .region(400, 404).anonymous(API_LOGIN));
        rows.add(row("POST", "/api/v1/procedures/{id}/status", Kind.FRESH_PLAN_PROCEDURE)
                .json("{\"to\":\"IN_PROGRESS\",\"version\":{version}}").region(200, 404).anonymous(API_LOGIN));
        rows.add(row("DELETE", "/api/v1/procedures/{id}", "/api/v1/procedures/{id}?version={version}", Kind.FRESH_PLAN_PROCEDURE)
                .region(409, 404).anonymous(API_LOGIN));
        // ---- plan-schedule files: downloads for everyone who sees the plan, the import for regional staff alone
        rows.add(row("GET", "/plans/{id}.xlsx", Kind.PLAN).all(200, 404).anonymous(PAGE_LOGIN));
        rows.add(row("GET", "/plans/{id}.docx", Kind.PLAN).all(200, 404).anonymous(PAGE_LOGIN));
        rows.add(row("GET", "/plans/{id}/import", Kind.PLAN).region(200, 404).anonymous(PAGE_LOGIN));
        // a file that is not a workbook is refused on the page, and the demo plan stays as it is
        rows.add(row("POST", "/plans/{id}/import", Kind.PLAN).multipart().region(422, 404).anonymous(PAGE_LOGIN));
        // without a failed upload in the session it leads back to the import page
        rows.add(row("GET", "/plans/{id}/import/errors.xlsx", Kind.PLAN).region(302, 404).anonymous(PAGE_LOGIN));
        // ---- end of plan-schedule files

        // ---- API
        rows.add(row("GET", "/api/v1/school-lists", "/api/v1/school-lists?year=2021", Kind.NONE).all(200, 200).anonymous(API_LOGIN));
        rows.add(row("GET", "/api/v1/school-lists/{id}", Kind.LIST_ENTRY).all(200, 404).anonymous(API_LOGIN));
        rows.add(row("POST", "/api/v1/school-lists", Kind.FRESH_SCHOOL)
                .json("{\"schoolId\":{id},\"year\":2021,\"kind\":\"LOW_RESULTS\",\"basis\":\"ВПР-2021\"}")
                .regionFunction(201, 404).anonymous(API_LOGIN));
        rows.add(row("PUT", "/api/v1/school-lists/{id}", Kind.FRESH_LIST_ENTRY)
                .json("{\"year\":{parent},\"kind\":\"LOW_RESULTS\",\"basis\":\"Изменено\",\"version\":{version}}")
                .region(200, 404).anonymous(API_LOGIN));
        rows.add(row("DELETE", "/api/v1/school-lists/{id}", "/api/v1/school-lists/{id}?version={version}", Kind.FRESH_LIST_ENTRY)
                .region(204, 404).anonymous(API_LOGIN));
        rows.add(row("GET", "/api/v1/tasks", "/api/v1/tasks?year=2021", Kind.NONE).all(200, 200).anonymous(API_LOGIN));
        rows.add(row("GET", "/api/v1/tasks/{id}", Kind.TASK).all(200, 404).anonymous(API_LOGIN));
        rows.add(row("POST", "/api/v1/tasks", Kind.NONE).json("{\"text\":\"{unique}\",\"year\":2098}").region(201, 201)
                .anonymous(API_LOGIN));
        rows.add(row("PUT", "/api/v1/tasks/{id}", Kind.FRESH_TASK)
                .json("{\"text\":\"{unique}\",\"metric\":\"VPR_COVERAGE\",\"target\":100,\"version\":{version}}")
                .region(200, 404).anonymous(API_LOGIN));
        rows.add(row("POST", "/api/v1/tasks/{id}/move", "/api/v1/tasks/{id}/move?direction=DOWN&version={version}", Kind.FRESH_TASK)
                .region(200, 404).anonymous(API_LOGIN));
        rows.add(row("DELETE", "/api/v1/tasks/{id}", "/api/v1/tasks/{id}?version={version}", Kind.FRESH_TASK)
                .region(204, 404).anonymous(API_LOGIN));
        rows.add(row("GET", "/api/v1/me", Kind.NONE).all(200, 200).anonymous(API_LOGIN));
        rows.add(row("GET", "/api/v1/org-units", "/api/v1/org-units?type=SCHOOL", Kind.NONE).all(200, 200).anonymous(API_LOGIN));
        rows.add(row("GET", "/api/v1/org-units/{id}", Kind.SCHOOL).all(200, 404).anonymous(API_LOGIN));
        rows.add(row("POST", "/api/v1/org-units", Kind.MUNICIPALITY)
                .json("{\"type\":\"SCHOOL\",\"name\":\"{unique}\",\"parentId\":{id}}").admin(201, 404).anonymous(API_LOGIN));
        rows.add(row("PUT", "/api/v1/org-units/{id}", Kind.FRESH_SCHOOL)
                .json("{\"type\":\"SCHOOL\",\"name\":\"{unique}\",\"parentId\":{parent},\"version\":{version}}")
                .admin(200, 404).anonymous(API_LOGIN));
        rows.add(row("DELETE", "/api/v1/org-units/{id}", "/api/v1/org-units/{id}?version={version}", Kind.FRESH_SCHOOL)
                .admin(204, 404).anonymous(API_LOGIN));
        rows.add(row("GET", "/api/v1/meetings", Kind.NONE).all(200, 200).anonymous(API_LOGIN));
        rows.add(row("POST", "/api/v1/meetings", Kind.NONE).json("{\"title\":\"{unique}\",\"date\":\"2021-04-16\"}")
                .keepers(201, 201).anonymous(API_LOGIN));
        rows.add(row("GET", "/api/v1/meetings/{id}", Kind.MEETING).all(200, 404).anonymous(API_LOGIN));
        rows.add(row("PUT", "/api/v1/meetings/{id}", Kind.FRESH_MEETING)
                .json("{\"title\":\"{unique}\",\"date\":\"{today}\",\"version\":{version}}").keepers(200, 404).anonymous(API_LOGIN));
        rows.add(row("POST", "/api/v1/meetings/{id}/sign", "/api/v1/meetings/{id}/sign?version={version}", Kind.FRESH_MEETING)
                .keepers(200, 404).anonymous(API_LOGIN));
        rows.add(row("POST", "/api/v1/meetings/{id}/send", "/api/v1/meetings/{id}/send?version={version}", Kind.FRESH_SIGNED_MEETING)
                .keepers(200, 404).anonymous(API_LOGIN));
        rows.add(row("POST", "/api/v1/protocols/parse", Kind.NONE).text("ПРОТОКОЛ\nСовещания\n16 апреля 2021 года")
                .all(200, 200).anonymous(API_LOGIN));
        rows.add(row("GET", "/api/v1/executions", Kind.NONE).all(200, 200).anonymous(API_LOGIN));
        rows.add(row("GET", "/api/v1/executions/{id}", Kind.EXECUTION).all(200, 404).anonymous(API_LOGIN));
        rows.add(row("PATCH", "/api/v1/executions/{id}", Kind.EXECUTION_NOW)
                .json("{\"status\":\"IN_PROGRESS\",\"report\":\"Начато\",\"version\":{version}}")
                .reporter(200, 404).anonymous(API_LOGIN));
        // period reports are for ongoing records: the director reaches their one-off record and is told it has no periods
        rows.add(row("POST", "/api/v1/executions/{id}/reports", Kind.EXECUTION_NOW).json("{\"text\":\"Отчёт\",\"version\":{version}}")
                .reporter(409, 404).anonymous(API_LOGIN));
        // the director sets their own record's status; a record the others see but do not report on is a refused item
        // (422); outside the scope the batch is not found
        rows.add(row("POST", "/api/v1/executions/bulk", Kind.EXECUTION_NOW)
                .json("{\"items\":[{\"id\":{id},\"version\":{version}}],\"status\":\"IN_PROGRESS\",\"report\":\"Начато\"}")
                .all(422, 404).who(Who.SCHOOL, 200, 404).anonymous(API_LOGIN));

        rows.add(row("GET", "/api/v1/vsoko/campaigns", Kind.NONE).all(200, 200).anonymous(API_LOGIN));
        rows.add(row("GET", "/api/v1/vsoko/campaigns/{id}", Kind.CAMPAIGN).all(200, 404).anonymous(API_LOGIN));
        // campaigns kept through the API as on the pages: an open campaign is opened no more nor published unclosed (409)
        rows.add(row("POST", "/api/v1/vsoko/campaigns", Kind.CAMPAIGN).json("{\"name\":\"{unique}\",\"year\":2026,"
                + "\"frameworkId\":{parent},\"opensOn\":\"2026-10-01\",\"closesOn\":\"2026-10-31\",\"allSchools\":true}")
                .region(201, 404).anonymous(API_LOGIN));
        rows.add(row("PUT", "/api/v1/vsoko/campaigns/{id}", Kind.FRESH_CAMPAIGN).json("{\"name\":\"{unique}\","
                + "\"opensOn\":\"2026-10-01\",\"closesOn\":\"2026-11-30\",\"version\":{version}}")
                .region(200, 404).anonymous(API_LOGIN));
        rows.add(row("POST", "/api/v1/vsoko/campaigns/{id}/open", "/api/v1/vsoko/campaigns/{id}/open?version={version}",
                Kind.FRESH_CAMPAIGN).region(409, 404).anonymous(API_LOGIN));
        rows.add(row("POST", "/api/v1/vsoko/campaigns/{id}/close", "/api/v1/vsoko/campaigns/{id}/close?version={version}",
                Kind.FRESH_CAMPAIGN).region(200, 404).anonymous(API_LOGIN));
        rows.add(row("POST", "/api/v1/vsoko/campaigns/{id}/publish", "/api/v1/vsoko/campaigns/{id}/publish?version={version}",
                Kind.FRESH_CAMPAIGN).region(409, 404).anonymous(API_LOGIN));
        rows.add(row("GET", "/api/v1/vsoko/campaigns/{id}/submissions/{schoolId}", "/api/v1/vsoko/campaigns/{id}/submissions/{org}",
                Kind.SUBMISSION).all(200, 404).anonymous(API_LOGIN));
        rows.add(row("PUT", "/api/v1/vsoko/campaigns/{id}/submissions/{schoolId}", "/api/v1/vsoko/campaigns/{id}/submissions/{org}",
                Kind.FRESH_SUBMISSION).json("{\"version\":{version},\"values\":[{\"code\":\"2.02\",\"value\":\"да\"}]}")
                .fillers(200, 404).anonymous(API_LOGIN));
        // an incomplete submission is refused with its missing answers
        rows.add(row("POST", "/api/v1/vsoko/campaigns/{id}/submissions/{schoolId}/submit",
                "/api/v1/vsoko/campaigns/{id}/submissions/{org}/submit", Kind.FRESH_SUBMISSION).json("{\"version\":{version}}")
                .fillers(400, 404).anonymous(API_LOGIN));
        rows.add(row("POST", "/api/v1/vsoko/campaigns/{id}/submissions/{schoolId}/prefill",
                "/api/v1/vsoko/campaigns/{id}/submissions/{org}/prefill", Kind.FRESH_SUBMISSION).json("{\"version\":{version}}")
                .who(Who.SCHOOL, 200, 404).who(Who.MUNICIPALITY, 200, 404).who(Who.REGION, 403, 404).who(Who.ADMIN, 403, 404)
                .anonymous(API_LOGIN));
        rows.add(row("POST", "/api/v1/vsoko/campaigns/{id}/submissions/{schoolId}/confirm",
                "/api/v1/vsoko/campaigns/{id}/submissions/{org}/confirm", Kind.FRESH_SUBMISSION).json("{\"version\":{version}}")
                .fillers(200, 404).anonymous(API_LOGIN));
        // a fresh self-assessment is not handed in: the roles that may act are refused the move itself
        rows.add(row("POST", "/api/v1/vsoko/campaigns/{id}/submissions/{schoolId}/approve",
                "/api/v1/vsoko/campaigns/{id}/submissions/{org}/approve", Kind.FRESH_SUBMISSION).json("{\"version\":{version}}")
                .who(Who.MUNICIPALITY, 409, 404).who(Who.SCHOOL, 403, 404).who(Who.REGION, 403, 404).who(Who.ADMIN, 403, 404)
                .anonymous(API_LOGIN));
        rows.add(row("POST", "/api/v1/vsoko/campaigns/{id}/submissions/{schoolId}/accept",
                "/api/v1/vsoko/campaigns/{id}/submissions/{org}/accept", Kind.FRESH_SUBMISSION).json("{\"version\":{version}}")
                .region(409, 404).anonymous(API_LOGIN));
        rows.add(row("POST", "/api/v1/vsoko/campaigns/{id}/submissions/{schoolId}/return",
                "/api/v1/vsoko/campaigns/{id}/submissions/{org}/return", Kind.FRESH_SUBMISSION)
                .json("{\"comment\":\"Доработать\",\"version\":{version}}").keepers(409, 404).anonymous(API_LOGIN));
        rows.add(row("POST", "/api/v1/vsoko/campaigns/{id}/submissions/review", Kind.CAMPAIGN)
                .json("{\"action\":\"ACCEPT\",\"items\":[]}").keepers(400, 404).anonymous(API_LOGIN));

        rows.add(row("GET", "/api/v1/vsoko/frameworks", Kind.NONE).all(200, 200).anonymous(API_LOGIN));
        rows.add(row("GET", "/api/v1/vsoko/frameworks/{id}", Kind.FRAMEWORK).all(200, 404).anonymous(API_LOGIN));
        rows.add(row("GET", "/api/v1/vsoko/frameworks/{id}/directions/{directionId}", "/api/v1/vsoko/frameworks/{id}/directions/{item}",
                Kind.FRAMEWORK).all(200, 404).anonymous(API_LOGIN));
        rows.add(row("GET", "/api/v1/vsoko/frameworks/{id}/indicators/{indicatorId}", "/api/v1/vsoko/frameworks/{id}/indicators/{decision}",
                Kind.FRAMEWORK).all(200, 404).anonymous(API_LOGIN));
        rows.add(row("POST", "/api/v1/vsoko/frameworks", Kind.NONE).json("{\"name\":\"{unique}\",\"year\":2026}")
                .region(201, 201).anonymous(API_LOGIN));
        rows.add(row("POST", "/api/v1/vsoko/frameworks/{id}/copy", Kind.FRAMEWORK).json("{\"name\":\"{unique}\",\"year\":2027}")
                .regionFunction(201, 404).anonymous(API_LOGIN));
        rows.add(row("PUT", "/api/v1/vsoko/frameworks/{id}", Kind.FRESH_FRAMEWORK).json("{\"name\":\"{unique}\",\"year\":2026,"
                + "\"thresholds\":{\"formed\":80,\"partial\":50},\"version\":{version}}").regionFunction(200, 404).anonymous(API_LOGIN));
        rows.add(row("POST", "/api/v1/vsoko/frameworks/{id}/directions", Kind.FRESH_FRAMEWORK)
                .json("{\"code\":\"3\",\"name\":\"Направление\"}").regionFunction(201, 404).anonymous(API_LOGIN));
        rows.add(row("PUT", "/api/v1/vsoko/frameworks/{id}/directions/{directionId}", "/api/v1/vsoko/frameworks/{id}/directions/{item}",
                Kind.FRESH_FRAMEWORK).json("{\"code\":\"2\",\"name\":\"Направление\",\"version\":0}")
                .regionFunction(200, 404).anonymous(API_LOGIN));
        rows.add(row("DELETE", "/api/v1/vsoko/frameworks/{id}/directions/{directionId}",
                "/api/v1/vsoko/frameworks/{id}/directions/{item}?version=0", Kind.FRESH_FRAMEWORK)
                .regionFunction(204, 404).anonymous(API_LOGIN));
        rows.add(row("POST", "/api/v1/vsoko/frameworks/{id}/directions/{directionId}/indicators",
                "/api/v1/vsoko/frameworks/{id}/directions/{item}/indicators", Kind.FRESH_FRAMEWORK)
                .json("{\"code\":\"1.99\",\"wording\":\"Показатель\",\"valueType\":\"YES_NO\",\"points\":1}")
                .regionFunction(201, 404).anonymous(API_LOGIN));
        rows.add(row("PUT", "/api/v1/vsoko/frameworks/{id}/indicators/{indicatorId}", "/api/v1/vsoko/frameworks/{id}/indicators/{decision}",
                Kind.FRESH_FRAMEWORK).json("{\"code\":\"2.02\",\"wording\":\"Показатель\",\"valueType\":\"YES_NO\","
                + "\"points\":2,\"version\":0}").regionFunction(200, 404).anonymous(API_LOGIN));
        rows.add(row("DELETE", "/api/v1/vsoko/frameworks/{id}/indicators/{indicatorId}",
                "/api/v1/vsoko/frameworks/{id}/indicators/{decision}?version=0", Kind.FRESH_FRAMEWORK)
                .regionFunction(204, 404).anonymous(API_LOGIN));
        rows.add(row("GET", "/api/v1/vsoko/campaigns/{id}/results", "/api/v1/vsoko/campaigns/{id}/results?by=school", Kind.RESULTS_CAMPAIGN)
                .all(200, 404).anonymous(API_LOGIN));

        // ---- participation in procedures: figures seen within the scope; entered by the school, its municipality or region
        rows.add(row("GET", "/procedures/{id}/participation", Kind.PROCEDURE).all(200, 404).anonymous(PAGE_LOGIN));
        rows.add(row("GET", "/procedures/{id}/participation.xlsx", Kind.PROCEDURE).all(200, 404).anonymous(PAGE_LOGIN));
        rows.add(row("GET", "/procedures/{id}/participation/schools/{schoolId}", "/procedures/{id}/participation/schools/{org}",
                Kind.PARTICIPATION_SCHOOL).all(200, 404).anonymous(PAGE_LOGIN));
        rows.add(row("GET", "/procedures/{id}/participation/schools/{schoolId}/history.xlsx",
                "/procedures/{id}/participation/schools/{org}/history.xlsx", Kind.PARTICIPATION_SCHOOL).all(200, 404).anonymous(PAGE_LOGIN));
        rows.add(row("POST", "/procedures/{id}/participation/schools/{schoolId}", "/procedures/{id}/participation/schools/{org}",
                Kind.FRESH_PARTICIPATION_SCHOOL).param("rows[0].grade", "4").param("rows[0].pupils", "20")
                .param("rows[0].participants", "20").param("rows[0].observers", "true").fillers(302, 404).anonymous(PAGE_LOGIN));
        rows.add(row("GET", "/procedures/{id}/participation/template.xlsx", Kind.PROCEDURE).fillers(200, 404)
                .who(Who.ADMIN, 403, 403).anonymous(PAGE_LOGIN));
        rows.add(row("GET", "/procedures/{id}/participation/upload", Kind.PROCEDURE).fillers(200, 404)
                .who(Who.ADMIN, 403, 403).anonymous(PAGE_LOGIN));
        // a file that is not a workbook: the page with the error
        rows.add(row("POST", "/procedures/{id}/participation/upload", Kind.PROCEDURE).multipart().fillers(422, 404)
                .who(Who.ADMIN, 403, 403).anonymous(PAGE_LOGIN));
        // without a refused upload in the session it leads back to the upload page
        rows.add(row("GET", "/procedures/{id}/participation/upload/errors.xlsx", Kind.PROCEDURE).fillers(302, 404)
                .who(Who.ADMIN, 403, 403).anonymous(PAGE_LOGIN));
        rows.add(row("GET", "/api/v1/plans/{id}/coverage", "/api/v1/plans/{parent}/coverage", Kind.PROCEDURE)
                .all(200, 404).anonymous(API_LOGIN));
        rows.add(row("GET", "/api/v1/procedures/{id}/participation", Kind.PROCEDURE).all(200, 404).anonymous(API_LOGIN));
        // a school of the procedure's region outside the caller's scope is a row error, like any other bad row
        rows.add(row("PUT", "/api/v1/procedures/{id}/participation", Kind.FRESH_PARTICIPATION_SCHOOL)
                .json("{\"rows\":[{\"schoolId\":{org},\"grade\":4,\"pupils\":20,\"participants\":20,\"observers\":true}]}")
                .who(Who.ADMIN, 403, 404).who(Who.REGION, 200, 404).who(Who.MUNICIPALITY, 200, 400).who(Who.SCHOOL, 200, 400)
                .anonymous(API_LOGIN));

        // calendar feed: the page and the API are the caller's own; the feed's address is its own key, asked without a
        // sign-in (calendar apps cannot sign in), so "outside" is a token that is no one's
        rows.add(row("GET", "/me/calendar", Kind.NONE).all(200, 200).anonymous(PAGE_LOGIN));
        rows.add(row("POST", "/me/calendar/renew", Kind.NONE).all(302, 302).anonymous(PAGE_LOGIN));
        rows.add(row("GET", "/calendar/{token}.ics", Kind.CALENDAR_FEED).all(200, 404).anonymous(200));
        rows.add(row("GET", "/api/v1/me/calendar.ics", Kind.NONE).all(200, 200).anonymous(API_LOGIN));

        // notifications: each person's own; nobody reaches another person's (404), not even an administrator
        rows.add(row("GET", "/notifications", Kind.NONE).all(200, 200).anonymous(PAGE_LOGIN));
        rows.add(row("GET", "/notifications/bell", Kind.NONE).all(200, 200).anonymous(PAGE_LOGIN));
        rows.add(row("GET", "/notifications.xlsx", Kind.NONE).all(200, 200).anonymous(PAGE_LOGIN));
        rows.add(row("POST", "/notifications/{id}/open", Kind.NOTIFICATION).all(302, 404).anonymous(PAGE_LOGIN));
        rows.add(row("POST", "/notifications/{id}/read", Kind.NOTIFICATION).all(302, 404).anonymous(PAGE_LOGIN));
        rows.add(row("POST", "/notifications/read-all", Kind.NONE).all(302, 302).anonymous(PAGE_LOGIN));
        rows.add(row("GET", "/notifications/settings", Kind.NONE).all(200, 200).anonymous(PAGE_LOGIN));
        // a day that is no day of the week: the form comes back with its message, nothing saved
        rows.add(row("POST", "/notifications/settings", Kind.NONE).param("digestDay", "9").all(200, 200).anonymous(PAGE_LOGIN));
        rows.add(row("GET", "/notifications/settings/history.xlsx", Kind.NONE).all(200, 200).anonymous(PAGE_LOGIN));
        rows.add(row("POST", "/notifications/settings/reminder-days", Kind.NONE).param("daysBefore", "семь")
                .region(200, 200).who(Who.ADMIN, 200, 200).anonymous(PAGE_LOGIN));
        rows.add(row("GET", "/notifications/settings/reminder-days/history.xlsx", Kind.NONE)
                .region(200, 200).who(Who.ADMIN, 200, 200).anonymous(PAGE_LOGIN));
        rows.add(row("GET", "/admin/notifications", Kind.NONE).admin(200, 200).anonymous(PAGE_LOGIN));
        rows.add(row("POST", "/admin/notifications/dispatch", Kind.NONE).admin(302, 302).anonymous(PAGE_LOGIN));
        rows.add(row("POST", "/admin/notifications/outbox/{id}/retry", Kind.FAILED_MAIL).admin(302, 404).anonymous(PAGE_LOGIN));
        rows.add(row("GET", "/admin/notifications/without-email.xlsx", Kind.NONE).admin(200, 200).anonymous(PAGE_LOGIN));
        rows.add(row("GET", "/admin/notifications/failed.xlsx", Kind.NONE).admin(200, 200).anonymous(PAGE_LOGIN));
        rows.add(row("GET", "/api/v1/notifications", Kind.NONE).all(200, 200).anonymous(API_LOGIN));
        rows.add(row("POST", "/api/v1/notifications/{id}/read", Kind.NOTIFICATION).all(200, 404).anonymous(API_LOGIN));
        rows.add(row("GET", "/api/v1/me/notification-settings", Kind.NONE).all(200, 200).anonymous(API_LOGIN));
        rows.add(row("PUT", "/api/v1/me/notification-settings", Kind.NONE).json("{\"digestDay\": \"NOPE\"}")
                .all(400, 400).anonymous(API_LOGIN));

        // ---- issue 17: procedure results (pages and API)
        // the report and its .xlsx of a procedure every Tver role sees (outside: Tomsk's); a school's results year over year
        rows.add(row("GET", "/results", "/results?procedureId={id}", Kind.PROCEDURE).all(200, 404).anonymous(PAGE_LOGIN));
        rows.add(row("GET", "/results.xlsx", "/results.xlsx?procedureId={id}&by=school", Kind.PROCEDURE).all(200, 404)
                .anonymous(PAGE_LOGIN));
        rows.add(row("GET", "/results/schools/{id}", Kind.SCHOOL).all(200, 404).anonymous(PAGE_LOGIN));
        rows.add(row("GET", "/results/schools/{id}.xlsx", Kind.SCHOOL).all(200, 404).anonymous(PAGE_LOGIN));
        rows.add(row("GET", "/results/schools/{id}/history.xlsx", Kind.SCHOOL).all(200, 404).anonymous(PAGE_LOGIN));
        // entering results is the regional staff's function alone
        rows.add(row("GET", "/procedures/{id}/results/template.xlsx", Kind.PROCEDURE).regionFunction(200, 404)
                .anonymous(PAGE_LOGIN));
        rows.add(row("GET", "/procedures/{id}/results/upload", Kind.PROCEDURE).regionFunction(200, 404).anonymous(PAGE_LOGIN));
        // a file that is not a workbook: the page with the error
        rows.add(row("POST", "/procedures/{id}/results/upload", Kind.PROCEDURE).multipart().regionFunction(422, 404)
                .anonymous(PAGE_LOGIN));
        // without a refused upload in the session it leads back to the upload page
        rows.add(row("GET", "/procedures/{id}/results/upload/errors.xlsx", Kind.PROCEDURE).regionFunction(302, 404)
                .anonymous(PAGE_LOGIN));
        rows.add(row("GET", "/api/v1/results", "/api/v1/results?procedureId={id}&by=school", Kind.PROCEDURE).all(200, 404)
                .anonymous(API_LOGIN));
        // a procedure made afresh: Берёзовская's row is new in it; outside, a Tomsk procedure the Tver staff do not see
        rows.add(row("PUT", "/api/v1/procedures/{id}/results", Kind.FRESH_PARTICIPATION_SCHOOL)
                .json("{\"rows\":[{\"schoolId\":{org},\"grade\":4,\"subject\":\"RUSSIAN\",\"participants\":20,"
                        + "\"marks\":{\"2\":2,\"3\":8,\"4\":6,\"5\":4},\"version\":null}]}")
                .regionFunction(200, 404).who(Who.ADMIN, 403, 404).anonymous(API_LOGIN));
        // ---- end of procedure results

        // ---- issue 17: signs of non-objectivity and ШНОР candidates (pages and API)
        // the rules: read by everyone of the region, changed by regional staff (a wrong value: the form back with its message)
        rows.add(row("GET", "/results/rules", Kind.NONE).all(200, 200).anonymous(PAGE_LOGIN));
        rows.add(row("POST", "/results/rules", Kind.NONE).param("minParticipants", "ноль").region(200, 200).anonymous(PAGE_LOGIN));
        rows.add(row("GET", "/results/rules/history.xlsx", Kind.NONE).all(200, 200).anonymous(PAGE_LOGIN));
        // the flags and candidates of a year: each role its scope's; the verdicts' history is regional staff's
        rows.add(row("GET", "/objectivity/signs", "/objectivity/signs?year=2021", Kind.NONE).all(200, 200).anonymous(PAGE_LOGIN));
        rows.add(row("GET", "/objectivity/signs.xlsx", "/objectivity/signs.xlsx?year=2021", Kind.NONE).all(200, 200).anonymous(PAGE_LOGIN));
        rows.add(row("GET", "/low-results/candidates", "/low-results/candidates?year=2021", Kind.NONE).all(200, 200).anonymous(PAGE_LOGIN));
        rows.add(row("GET", "/low-results/candidates.xlsx", "/low-results/candidates.xlsx?year=2021", Kind.NONE).all(200, 200)
                .anonymous(PAGE_LOGIN));
        // a verdict on a school the rules do not put forward: back to the page with the message; outside the scope 404
        rows.add(row("POST", "/list-reviews/{year}/{kind}/{schoolId}", "/list-reviews/2021/NON_OBJECTIVE/{id}", Kind.FRESH_SCHOOL)
                .param("verdict", "ACCEPTED").param("comment", "Проверка").regionFunction(302, 404).anonymous(PAGE_LOGIN));
        rows.add(row("GET", "/list-reviews/history.xlsx", "/list-reviews/history.xlsx?year=2021&kind=NON_OBJECTIVE", Kind.NONE)
                .region(200, 200).anonymous(PAGE_LOGIN));
        rows.add(row("GET", "/api/v1/results/rules", Kind.NONE).all(200, 200).anonymous(API_LOGIN));
        // incomplete thresholds: 400, nothing changed
        rows.add(row("PUT", "/api/v1/results/rules", Kind.NONE).json("{\"minParticipants\": 0}").region(400, 400).anonymous(API_LOGIN));
        rows.add(row("GET", "/api/v1/objectivity/signs", "/api/v1/objectivity/signs?year=2021", Kind.NONE).all(200, 200)
                .anonymous(API_LOGIN));
        rows.add(row("GET", "/api/v1/low-results/candidates", "/api/v1/low-results/candidates?year=2021", Kind.NONE).all(200, 200)
                .anonymous(API_LOGIN));
        rows.add(row("GET", "/api/v1/list-reviews", "/api/v1/list-reviews?year=2021&kind=NON_OBJECTIVE", Kind.NONE).all(200, 200)
                .anonymous(API_LOGIN));
        rows.add(row("PUT", "/api/v1/list-reviews/{year}/{kind}/{schoolId}", "/api/v1/list-reviews/2021/NON_OBJECTIVE/{id}",
                Kind.FRESH_SCHOOL).json("{\"verdict\":\"ACCEPTED\",\"comment\":\"Проверка\"}").regionFunction(400, 404)
                .anonymous(API_LOGIN));
        // ---- end of signs and candidates

        // ---- issue 17: regional re-checks (pages and API)
        // regional staff keep them; an administrator reads the works; municipalities and directors read only the
        // discrepancy of their schools (works, codes and experts are refused them)
        rows.add(row("GET", "/results/rechecks", "/results/rechecks?year=2021", Kind.NONE).all(200, 200).anonymous(PAGE_LOGIN));
        rows.add(row("GET", "/results/rechecks.xlsx", "/results/rechecks.xlsx?year=2021", Kind.NONE).all(200, 200).anonymous(PAGE_LOGIN));
        rows.add(row("GET", "/results/rechecks/new", Kind.NONE).region(200, 200).anonymous(PAGE_LOGIN));
        rows.add(row("POST", "/results/rechecks", Kind.PROCEDURE).param("procedureId", "{id}").param("subject", "MATHEMATICS")
                .param("grade", "5").param("rule", "RANDOM").param("schools", "1").param("worksPerSchool", "1")
                .regionFunction(302, 404).anonymous(PAGE_LOGIN));
        rows.add(row("GET", "/results/rechecks/{id}", Kind.RECHECK).all(200, 404).anonymous(PAGE_LOGIN));
        rows.add(row("GET", "/results/rechecks/{id}/discrepancies.xlsx", Kind.RECHECK).all(200, 404).anonymous(PAGE_LOGIN));
        rows.add(row("GET", "/results/rechecks/{id}/protocol.xlsx", Kind.RECHECK).region(200, 404).who(Who.ADMIN, 200, 404)
                .anonymous(PAGE_LOGIN));
        rows.add(row("GET", "/results/rechecks/{id}/works/{workId}/history", "/results/rechecks/{id}/works/{item}/history",
                Kind.RECHECK).region(200, 404).who(Who.ADMIN, 200, 404).anonymous(PAGE_LOGIN));
        rows.add(row("GET", "/results/rechecks/{id}/works/{workId}/history.xlsx", "/results/rechecks/{id}/works/{item}/history.xlsx",
                Kind.RECHECK).region(200, 404).who(Who.ADMIN, 200, 404).anonymous(PAGE_LOGIN));
        rows.add(row("POST", "/results/rechecks/{id}/experts", Kind.FRESH_RECHECK).param("name", "Эксперт Проверочный")
                .region(302, 404).anonymous(PAGE_LOGIN));
        rows.add(row("POST", "/results/rechecks/{id}/experts/{expertId}/delete", "/results/rechecks/{id}/experts/{decision}/delete",
                Kind.FRESH_RECHECK).region(302, 404).anonymous(PAGE_LOGIN));
        rows.add(row("POST", "/results/rechecks/{id}/assign", Kind.FRESH_RECHECK).region(302, 404).anonymous(PAGE_LOGIN));
        rows.add(row("POST", "/results/rechecks/{id}/works/{workId}", "/results/rechecks/{id}/works/{item}", Kind.FRESH_RECHECK)
                .param("schoolMark", "4").param("expertMark", "3").param("version", "{version}").region(302, 404).anonymous(PAGE_LOGIN));
        rows.add(row("POST", "/results/rechecks/{id}/protocol", Kind.FRESH_RECHECK).multipart().region(422, 404).anonymous(PAGE_LOGIN));
        // without a refused upload in the session it leads back to the re-check
        rows.add(row("GET", "/results/rechecks/{id}/protocol/errors.xlsx", Kind.RECHECK).region(302, 404).anonymous(PAGE_LOGIN));
        rows.add(row("GET", "/api/v1/rechecks", "/api/v1/rechecks?year=2021", Kind.NONE).all(200, 200).anonymous(API_LOGIN));
        rows.add(row("GET", "/api/v1/rechecks/{id}", Kind.RECHECK).all(200, 404).anonymous(API_LOGIN));
        rows.add(row("GET", "/api/v1/rechecks/{id}/discrepancies", Kind.RECHECK).all(200, 404).anonymous(API_LOGIN));
        rows.add(row("POST", "/api/v1/rechecks", Kind.PROCEDURE)
                .json("{\"procedureId\":{id},\"subject\":\"MATHEMATICS\",\"grade\":5,\"rule\":\"RANDOM\",\"schools\":1,\"worksPerSchool\":1}")
                .regionFunction(201, 404).anonymous(API_LOGIN));
        rows.add(row("PUT", "/api/v1/rechecks/{id}/works", Kind.FRESH_RECHECK)
                .json("[{\"code\":\"0001-01\",\"schoolMark\":4,\"expertMark\":3,\"version\":{version}}]")
                .region(200, 404).anonymous(API_LOGIN));
        // ---- end of re-checks

        // ---- issue 17: support programmes of ШНОР schools (pages and API)
        rows.add(row("GET", "/support-programmes", "/support-programmes?year=2021", Kind.NONE).all(200, 200).anonymous(PAGE_LOGIN));
        rows.add(row("GET", "/support-programmes.xlsx", "/support-programmes.xlsx?year=2021", Kind.NONE).all(200, 200)
                .anonymous(PAGE_LOGIN));
        rows.add(row("GET", "/support-programmes/{id}", Kind.SUPPORT_PROGRAMME).all(200, 404).anonymous(PAGE_LOGIN));
        rows.add(row("GET", "/support-programmes/{id}/measures.xlsx", Kind.SUPPORT_PROGRAMME).all(200, 404).anonymous(PAGE_LOGIN));
        rows.add(row("GET", "/support-programmes/{id}/effect.xlsx", Kind.SUPPORT_PROGRAMME).all(200, 404).anonymous(PAGE_LOGIN));
        rows.add(row("GET", "/support-programmes/{id}/history.xlsx", Kind.SUPPORT_PROGRAMME).all(200, 404).anonymous(PAGE_LOGIN));
        // the section of a school's profile, loaded by htmx
        rows.add(row("GET", "/schools/{id}/support-programme", Kind.SCHOOL).all(200, 404).anonymous(PAGE_LOGIN));
        // regional staff and the school's municipal officer keep programmes; the director reports on the measures
        rows.add(row("GET", "/schools/{id}/support-programmes/new", Kind.SCHOOL).keepers(200, 404).anonymous(PAGE_LOGIN));
        rows.add(row("POST", "/schools/{id}/support-programmes", Kind.SUPPORT_SCHOOL).param("year", "{parent}")
                .param("title", "Программа поддержки").keepers(302, 404).anonymous(PAGE_LOGIN));
        rows.add(row("POST", "/support-programmes/{id}", Kind.SUPPORT_PROGRAMME).param("title", "Программа поддержки")
                .param("status", "ACTIVE").param("approvedOn", "2072-09-15").param("version", "{version}")
                .keepers(302, 404).anonymous(PAGE_LOGIN));
        rows.add(row("POST", "/support-programmes/{id}/risks", Kind.SUPPORT_PROGRAMME).param("factor", "STAFF_SHORTAGE")
                .param("levelBefore", "HIGH").keepers(302, 404).anonymous(PAGE_LOGIN));
        rows.add(row("POST", "/support-programmes/{id}/measures", Kind.SUPPORT_PROGRAMME).param("text", "Мера")
                .param("responsible", "Директор").param("dueOn", "2072-12-01").keepers(302, 404).anonymous(PAGE_LOGIN));
        rows.add(row("POST", "/support-measures/{id}", Kind.SUPPORT_MEASURE).param("programmeId", "{parent}")
                .param("text", "Мера").param("responsible", "Директор").param("dueOn", "2072-12-01")
                .param("version", "{version}").keepers(302, 404).anonymous(PAGE_LOGIN));
        rows.add(row("POST", "/support-measures/{id}/report", Kind.SUPPORT_MEASURE).param("programmeId", "{parent}")
                .param("status", "IN_PROGRESS").param("report", "Начали").param("version", "{version}")
                .reporter(302, 404).anonymous(PAGE_LOGIN));
        rows.add(row("GET", "/api/v1/schools/{id}/support-programmes", Kind.SCHOOL).all(200, 404).anonymous(API_LOGIN));
        rows.add(row("POST", "/api/v1/schools/{id}/support-programmes", Kind.SUPPORT_SCHOOL)
                .json("{\"year\":{parent},\"title\":\"Программа поддержки\"}").keepers(201, 404).anonymous(API_LOGIN));
        rows.add(row("PUT", "/api/v1/support-programmes/{id}", Kind.SUPPORT_PROGRAMME)
                .json("{\"title\":\"Программа поддержки\",\"status\":\"ACTIVE\",\"approvedOn\":\"2072-09-15\",\"version\":{version}}")
                .keepers(200, 404).anonymous(API_LOGIN));
        rows.add(row("PUT", "/api/v1/support-measures/{id}/report", Kind.SUPPORT_MEASURE)
                .json("{\"status\":\"IN_PROGRESS\",\"report\":\"Начали\",\"version\":{version}}")
                .reporter(200, 404).anonymous(API_LOGIN));
        // ---- end of support programmes

        // ---- platform endpoints outside the controllers
        rows.add(row("GET", "/actuator/health", Kind.NONE).all(200, 200).anonymous(200));
        // actuator details describe the whole deployment: a regional administrator is refused them like everyone else
        // (the deployment administrator's 200: SecurityHeadersAndSessionsTest)
        rows.add(row("GET", "/actuator/metrics", Kind.NONE).all(403, 403).anonymous(PAGE_LOGIN));
        rows.add(row("GET", "/actuator/flyway", Kind.NONE).all(403, 403).anonymous(PAGE_LOGIN));
        // backups of the whole database: the deployment administrator's only (BackupRestoreTest takes one as them)
        rows.add(row("GET", "/admin/backup", Kind.NONE).all(403, 403).anonymous(PAGE_LOGIN));
        rows.add(row("POST", "/admin/backup", Kind.NONE).all(403, 403).anonymous(PAGE_LOGIN));
        rows.add(row("GET", "/admin/backup.xlsx", Kind.NONE).all(403, 403).anonymous(PAGE_LOGIN));
        rows.add(row("POST", "/api/v1/admin/backups", Kind.NONE).all(403, 403).anonymous(API_LOGIN));
        rows.add(row("GET", "/v3/api-docs", Kind.NONE).all(200, 200).anonymous(200));
        return rows;
    }

    @TestFactory
    Stream<DynamicTest> everyRoleOnEveryEndpoint() {
        return table().stream().flatMap(row -> {
            List<DynamicTest> tests = new ArrayList<>();
            for (Who who : Who.values()) {
                Expect expect = row.expect().get(who);
                tests.add(DynamicTest.dynamicTest(row.name() + " · " + who + " · в своей области → " + expect.in(),
                        () -> check(row, who, true, expect.in())));
                if (row.kind() != Kind.NONE) {
                    tests.add(DynamicTest.dynamicTest(row.name() + " · " + who + " · вне своей области → " + expect.out(),
                            () -> check(row, who, false, expect.out())));
                }
            }
            tests.add(DynamicTest.dynamicTest(row.name() + " · без входа → " + row.anonymous(),
                    () -> check(row, null, true, row.anonymous())));
            return tests.stream();
        });
    }

    /** The deployment administrator sees every region: whatever is outside a regional admin is inside for them. */
    @TestFactory
    Stream<DynamicTest> theDeploymentAdministratorReachesEveryRegion() {
        // a feed's token is the same key whoever holds it: nothing of a region to reach (calendar feed)
        // nor another person's notifications or API tokens: those are no region's to reach
        return table().stream().filter(row -> row.kind() != Kind.NONE && row.kind() != Kind.CALENDAR_FEED
                && row.kind() != Kind.NOTIFICATION && row.kind() != Kind.API_TOKEN).map(row ->
                DynamicTest.dynamicTest(row.name() + " · admin · Томская область → " + row.expect().get(Who.ADMIN).in(),
                        () -> {
                            Target target = target(row.kind(), Who.ADMIN, false);
                            assertThat(perform(row, "admin", target)).as(row.name()).isEqualTo(row.expect().get(Who.ADMIN).in());
                        }));
    }

    @Test
    void everyEndpointIsInTheTable() {
        Set<String> inTable = table().stream().map(Row::name).collect(Collectors.toSet());
        Set<String> missing = new TreeSet<>();
        for (Map.Entry<RequestMappingInfo, ?> entry : mappings.getHandlerMethods().entrySet()) {
            String type = ((org.springframework.web.method.HandlerMethod) entry.getValue()).getBeanType().getName();
            if (!type.startsWith("ru.rsoko.")) {
                continue;
            }
            RequestMappingInfo info = entry.getKey();
            List<String> methods = info.getMethodsCondition().getMethods().stream().map(Enum::name).toList();
            for (String pattern : info.getPatternValues()) {
                for (String method : methods.isEmpty() ? List.of("ANY") : methods) {
                    String key = method + " " + pattern;
                    if (!inTable.contains(key)) {
                        missing.add(key);
                    }
                }
            }
        }
        assertThat(missing).as("endpoints missing from the authorization table").isEmpty();
    }

    private void check(Row row, Who who, boolean inScope, int expected) throws Exception {
        Target target = row.kind() == Kind.NONE ? null : target(row.kind(), who == null ? Who.ADMIN : who, inScope);
        int status = perform(row, who == null ? null : who.username, target);
        assertThat(status).as("%s as %s (%s)", row.name(), who == null ? "anonymous" : who.username,
                inScope ? "in scope" : "out of scope").isEqualTo(expected);
    }

    private int perform(Row row, String username, Target target) throws Exception {
        String url = fill(row.url(), target);
        AbstractMockHttpServletRequestBuilder<?> request;
        if (row.multipart()) {
            request = MockMvcRequestBuilders.multipart(url).file(new MockMultipartFile("file", "не-excel.txt",
                    "text/plain", "это не книга Excel".getBytes(StandardCharsets.UTF_8)));
        } else {
            request = MockMvcRequestBuilders.request(row.method(), url);
        }
        row.params().forEach((name, value) -> request.param(name, fill(value, target)));
        if (row.json() != null) {
            request.contentType(MediaType.APPLICATION_JSON).content(fill(row.json(), target));
        }
        if (row.text() != null) {
            request.contentType(new MediaType("text", "plain", StandardCharsets.UTF_8)).content(row.text());
        }
        boolean api = url.startsWith("/api/");
        if (username != null) {
            request.with(api ? DemoUsers.api(username) : users.page(username));
        }
        if (!api && row.method() != HttpMethod.GET) {
            request.with(csrf());
        }
        boolean json = api || url.startsWith("/actuator") || url.startsWith("/v3/") || url.startsWith("/dashboard/charts?");
        request.accept(json ? MediaType.APPLICATION_JSON : MediaType.TEXT_HTML);
        return mvc.perform(request).andReturn().getResponse().getStatus();
    }

    private static String fill(String text, Target target) {
        String filled = text.replace("{unique}", Fixtures.unique("МОУ «Проверочная СОШ»"))
                .replace("{login}", "authz." + System.nanoTime())
                .replace("{today}", java.time.LocalDate.now(java.time.ZoneId.of("Europe/Moscow")).toString());
        if (target != null) {
            filled = filled.replace("{id}", String.valueOf(target.id()))
                    .replace("{parent}", String.valueOf(target.parent()))
                    .replace("{version}", String.valueOf(target.version()))
                    .replace("{org}", String.valueOf(target.org()))
                    .replace("{item}", String.valueOf(target.item()))
                    .replace("{decision}", String.valueOf(target.decision()))
                    .replace("{material}", String.valueOf(target.material()))
                    .replace("{report}", String.valueOf(target.report()))
                    .replace("{token}", FEED_TOKENS.getOrDefault(target.id(), ""));
        }
        return filled;
    }

    /** The demo objects inside and outside each tested user's scope. */
    private Target target(Kind kind, Who who, boolean inScope) {
        String sonkovo = "Сонковский муниципальный округ";
        String seversk = "ЗАТО Северск";
        String kalinin = "Калининский муниципальный округ";
        return switch (kind) {
            case NONE -> null;
            case SCHOOL -> org(switch (who) {
                case ADMIN, REGION -> inScope ? "МОУ «Заречная СОШ»" : "МБОУ «Средняя школа № 201»";
                case MUNICIPALITY -> inScope ? "МОУ «Заречная СОШ»" : "МОУ «Кленовская СОШ»";
                case SCHOOL -> inScope ? "МОУ «Берёзовская СОШ»" : "МОУ «Заречная СОШ»";
            });
            case MUNICIPALITY -> org(switch (who) {
                case ADMIN, REGION -> inScope ? sonkovo : seversk;
                case MUNICIPALITY, SCHOOL -> inScope ? sonkovo : kalinin;
            });
            case REGION -> org(inScope ? "Тверская область" : "Томская область");
            case PUPILS -> {
                OrgUnit unit = fixtures.org(target(Kind.SCHOOL, who, inScope).id());
                jdbc.update("insert into directory_grade_pupils (school_id, region_id, municipality_id, school_year, grade, "
                        + "pupils, updated_by) values (?, ?, ?, ?, 1, 25, 'test') "
                        + "on conflict (school_id, school_year, grade) do nothing",
                        unit.id(), unit.regionId(), unit.municipalityId(), PUPILS_YEAR);
                long version = jdbc.queryForObject("select version from directory_grade_pupils where school_id = ? "
                        + "and school_year = ? and grade = 1", Long.class, unit.id(), PUPILS_YEAR);
                yield new Target(unit.id(), null, version, null);
            }
            case FRESH_SCHOOL -> {
                OrgUnit school = fixtures.newSchool(fixtures.org(switch (who) {
                    case ADMIN, REGION -> inScope ? sonkovo : seversk;
                    case MUNICIPALITY, SCHOOL -> inScope ? sonkovo : kalinin;
                }));
                yield new Target(school.id(), school.parentId(), school.version(), null);
            }
            case ACCOUNT -> account(fixtures.account(inScope ? "sonkovo.school" : "seversk.mouo"));
            case FRESH_ACCOUNT -> {
                OrgUnit unit = fixtures.org(inScope ? "МОУ «Заречная СОШ»" : "МБОУ «Средняя школа № 201»");
                yield account(fixtures.newAccount(Role.SCHOOL, unit));
            }
            case MEETING -> cached("meeting " + who + " " + inScope, () -> meeting(who, inScope));
            case FRESH_MEETING -> meeting(who, inScope);
            case EXECUTION -> cached("execution " + who + " " + inScope, () -> execution(who, inScope, "1"));
            case EXECUTION_NOW -> {
                Target record = target(Kind.EXECUTION, who, inScope);
                long version = jdbc.queryForObject("select version from execution where id = ?", Long.class, record.id());
                yield new Target(record.id(), null, version, record.org());
            }
            case EXECUTION_WITH_EVIDENCE -> cached("evidence " + who + " " + inScope, () -> {
                ExecutionRecord record = meetingFixtures.withEvidence(record(who, inScope, "1"));
                return new Target(record.id(), null, record.version(), record.orgUnit().id());
            });
            case CAMPAIGN -> cached("campaign " + inScope, () -> campaign(inScope));
            case FRESH_CAMPAIGN -> campaign(inScope);
            case SUBMISSION -> cached("submission " + who + " " + inScope, () -> submission(who, inScope));
            case FRESH_SUBMISSION -> submission(who, inScope);
            case FRAMEWORK -> cached("framework " + inScope, () -> framework(inScope));
            case FRESH_FRAMEWORK -> framework(inScope);
            case RESULTS -> cached("results " + who + " " + inScope, () -> results(who, inScope));
            case RESULTS_CAMPAIGN -> cached("results campaign " + inScope, () -> results(Who.REGION, inScope));
            case LIST_ENTRY -> cached("list entry " + who + " " + inScope, () -> listEntry(who, inScope, 2021));
            case FRESH_LIST_ENTRY -> listEntry(who, inScope, FRESH_YEAR.incrementAndGet());
            case TASK -> cached("task " + inScope, () -> task(inScope));
            case PLAN -> cached("plan " + inScope, () -> demoPlan(inScope));
            case FRESH_PLAN -> cached("fresh plan " + inScope, () -> freshPlan(inScope));
            case PLAN_PROCEDURE -> cached("plan procedure " + inScope, () -> withFile(demoProcedure(inScope), inScope));
            case FRESH_PLAN_PROCEDURE -> withFile(freshProcedure(inScope), inScope);
            case PROCEDURE_TYPE -> cached("procedure type " + inScope, () -> procedureType(inScope));
            case FRESH_TASK -> task(inScope);
            case PROCEDURE -> cached("procedure " + inScope, () -> {
                ru.rsoko.plan.Procedure procedure = vpr(inScope);
                return new Target(procedure.id(), procedure.planId(), 0, null);
            });
            case PARTICIPATION_SCHOOL -> cached("participation " + who + " " + inScope, () -> participationSchool(who, inScope,
                    target(Kind.PROCEDURE, who, inScope(who, inScope))));
            case FRESH_PARTICIPATION_SCHOOL -> {
                ru.rsoko.plan.Procedure procedure = freshVpr(inScope(who, inScope));
                yield participationSchool(who, inScope, new Target(procedure.id(), procedure.planId(), 0, null));
            }
            case CALENDAR_FEED -> {
                // not cached: the table renews tokens (POST /me/calendar/renew), so the current one is read each time
                long account = fixtures.account(who.username).id();
                String token = inScope ? calendarTokens.of(account).token() : "Nn0-0nes-t0ken-" + "x".repeat(28);
                FEED_TOKENS.put(inScope ? account : -account, token);
                yield new Target(inScope ? account : -account, null, 0, null);
            }
            case FRESH_SIGNED_MEETING -> {
                String creator = inScope
                        ? (who == Who.ADMIN || who == Who.REGION || who == Who.SCHOOL ? "tver.coko" : "sonkovo.mouo")
                        : (who == Who.ADMIN || who == Who.REGION ? "tomsk.coko" : "kalinin.mouo");
                MeetingView meeting = meetingFixtures.meeting(creator, true);
                yield new Target(meeting.id(), null, meeting.version(), null);
            }
            case NOTIFICATION -> {
                String owner = inScope ? who.username : "kalinin.school";
                Long id = jdbc.queryForObject("""
                        insert into notification (account_id, region_id, kind, title, body, link, dedup_key, created_at)
                        select a.id, o.region_id, 'DIGEST', 'Проверка доступа', 'Текст', '/notifications', 'authz:' || gen_random_uuid(), now()
                        from user_account a join org_unit o on o.id = a.org_unit_id where a.username = ?
                        returning id""", Long.class, owner);
                yield new Target(id, null, 0, null);
            }
            case API_TOKEN -> {
                ru.rsoko.access.CurrentUser owner = (ru.rsoko.access.CurrentUser) userDetails.loadUserByUsername(
                        inScope ? who.username : "kalinin.school");
                yield new Target(apiTokens.create(owner, "Проверка доступа", null).id(), null, 0, null);
            }
            case ACCOUNT_TOKEN -> {
                Account account = fixtures.newAccount(Role.SCHOOL,
                        fixtures.org(inScope ? "МОУ «Заречная СОШ»" : "МБОУ «Средняя школа № 201»"));
                ru.rsoko.access.CurrentUser owner = (ru.rsoko.access.CurrentUser) userDetails.loadUserByUsername(account.username());
                long token = apiTokens.create(owner, "Проверка доступа", null).id();
                yield new Target(account.id(), null, account.version(), account.orgUnitId(), token, null, null, null);
            }
            case PROTOCOL_CORRECTION -> cached("protocol correction " + inScope, () -> protocolCorrection(inScope));
            case RECHECK -> cached("recheck " + who + " " + inScope, () -> recheck(who, inScope));
            case FRESH_RECHECK -> recheck(who, inScope);
            case FRESH_PROTOCOL_CORRECTION -> protocolCorrection(inScope);
            case SUPPORT_PROGRAMME -> supportProgramme(who, inScope);
            case SUPPORT_MEASURE -> {
                Target programme = supportProgramme(who, inScope);
                yield jdbc.queryForObject("select id, version from support_measure where programme_id = ? order by id limit 1",
                        (rs, i) -> new Target(rs.getLong(1), programme.id(), rs.getLong(2), null), programme.id());
            }
            case SUPPORT_SCHOOL -> {
                OrgUnit school = inScope && who == Who.SCHOOL ? fixtures.org("МОУ «Берёзовская СОШ»")
                        : !inScope && who == Who.SCHOOL ? fixtures.org("МОУ «Заречная СОШ»")
                        : fixtures.newSchool(fixtures.org(inScope ? sonkovo
                        : who == Who.MUNICIPALITY ? kalinin : seversk));
                jdbc.update("""
                        insert into school_list_entry (region_id, municipality_id, school_id, year, kind, basis, created_by)
                        values (?, ?, ?, 2021, 'LOW_RESULTS', 'ВПР', 'test') on conflict (year, kind, school_id) do nothing""",
                        school.regionId(), school.municipalityId(), school.id());
                yield new Target(school.id(), 2021L, 0, null);
            }
            case FAILED_MAIL -> {
                String region = inScope ? "Тверская область" : "Томская область";
                Long id = jdbc.queryForObject("""
                        insert into mail_outbox (dedup_key, region_id, recipient, subject, html, plain, status, attempts,
                                                 next_attempt_at, last_error, created_at)
                        select 'authz:' || gen_random_uuid(), r.id, 'nobody@rsoko.example', 'Проверка доступа', '<p>x</p>', 'x',
                               'FAILED', 8, now() + interval '1 day', 'Connection refused', now()
                        from org_unit r where r.name = ? and r.type = 'REGION'
                        returning id""", Long.class, region);
                yield new Target(id, null, 0, null);
            }
            case EXECUTION_WITH_REPORT -> cached("report " + who + " " + inScope, () -> {
                ExecutionRecord record = record(who, inScope, "2");
                if (meetingFixtures.latestReportId(record) == null) {
                    record = meetingFixtures.withPeriodReport(record);
                }
                return new Target(record.id(), null, record.version(), record.orgUnit().id(), null, null, null,
                        meetingFixtures.latestReportId(record));
            });
        };
    }

    /**
     * The support programme of {@link #SUPPORT_YEAR} of Берёзовская (outside: of a Tomsk school, Ручьёвская or Заречная),
     * made with one measure when missing; its version as it is now.
     */
    private Target supportProgramme(Who who, boolean inScope) {
        String school = inScope ? "МОУ «Берёзовская СОШ»" : switch (who) {
            case ADMIN, REGION -> "МБОУ «Средняя школа № 201»";
            case MUNICIPALITY -> "МОУ «Ручьёвская СОШ»";
            case SCHOOL -> "МОУ «Заречная СОШ»";
        };
        OrgUnit unit = fixtures.org(school);
        Long id = jdbc.query("select id from support_programme where school_id = ? and year = ?",
                rs -> rs.next() ? rs.getLong(1) : null, unit.id(), SUPPORT_YEAR);
        if (id == null) {
            id = jdbc.queryForObject("""
                    insert into support_programme (region_id, municipality_id, school_id, year, title, status, created_by)
                    values (?, ?, ?, ?, 'Программа поддержки', 'DRAFT', 'test') returning id""", Long.class,
                    unit.regionId(), unit.municipalityId(), unit.id(), SUPPORT_YEAR);
            jdbc.update("""
                    insert into support_measure (programme_id, region_id, school_id, position, text, responsible, due_on, status)
                    values (?, ?, ?, 1, 'Мера', 'Директор', date '2072-12-01', 'PLANNED')""", id, unit.regionId(), unit.id());
        }
        long version = jdbc.queryForObject("select version from support_programme where id = ?", Long.class, id);
        return new Target(id, null, version, null);
    }

    /** A correction kept of an imported protocol of Tver (outside: of Tomsk), as the import writes it. */
    private Target protocolCorrection(boolean inScope) {
        Long id = jdbc.queryForObject("""
                insert into protocol_correction (region_id, author, created_at, source_text, parsed, confirmed, differences)
                select r.id, 'Проверка доступа', now(), 'ПРОТОКОЛ', '{"date":null,"number":null,"speakers":[],"decisions":[]}',
                       '{"date":"2022-11-24","number":null,"speakers":[],"decisions":[]}', '[{"fact":"DATE","where":null}]'
                from org_unit r where r.name = ? and r.type = 'REGION'
                returning id""", Long.class, inScope ? "Тверская область" : "Томская область");
        return new Target(id, null, 0, null);
    }

    private final Map<String, Target> targets = new java.util.HashMap<>();
    private final Map<String, MeetingView> signedMeetings = new java.util.HashMap<>();

    private Target cached(String key, java.util.function.Supplier<Target> make) {
        return targets.computeIfAbsent(key, k -> make.get());
    }

    /**
     * A meeting the role keeps (regional staff: of Tver; a municipal officer: of Сонковский), or only sees (the
     * director: a Сонковский meeting that assigned their school something; the administrator: one of Tver).
     * Outside: a meeting of Tomsk, or of Калининский for the municipal level.
     */
    private Target meeting(Who who, boolean inScope) {
        String creator = inScope
                ? (who == Who.ADMIN || who == Who.REGION ? "tver.coko" : "sonkovo.mouo")
                : (who == Who.ADMIN || who == Who.REGION ? "tomsk.coko" : "kalinin.mouo");
        MeetingView meeting = meetingFixtures.meeting(creator, inScope && who == Who.SCHOOL);
        return new Target(meeting.id(), null, meeting.version(), null, meeting.agenda().getFirst().id(),
                meeting.decisions().getFirst().id(), meeting.agenda().getFirst().materials().getFirst().id(), null);
    }

    private Target execution(Who who, boolean inScope, String decision) {
        ExecutionRecord record = record(who, inScope, decision);
        return new Target(record.id(), null, record.version(), record.orgUnit().id());
    }

    /**
     * A record of a signed Tver meeting: Берёзовская's (the director's own, in everyone's scope of Tver); outside:
     * a Tomsk school's for the region, Калининский's for the municipality, another school's for the director.
     */
    private ExecutionRecord record(Who who, boolean inScope, String decision) {
        MeetingView tver = signedMeetings.computeIfAbsent("tver", k -> meetingFixtures.meeting("tver.coko", true));
        MeetingView tomsk = signedMeetings.computeIfAbsent("tomsk", k -> meetingFixtures.meeting("tomsk.coko", true));
        if (inScope) {
            return meetingFixtures.execution(tver, decision, fixtures.org("МОУ «Берёзовская СОШ»"));
        }
        return switch (who) {
            case ADMIN, REGION -> meetingFixtures.execution(tomsk, decision, fixtures.org("МБОУ «Средняя школа № 201»"));
            case MUNICIPALITY -> meetingFixtures.execution(tver, decision, fixtures.org("МОУ «Ручьёвская СОШ»"));
            case SCHOOL -> meetingFixtures.execution(tver, decision, fixtures.org("МОУ «Заречная СОШ»"));
        };
    }

    /** An open campaign of Tver (inside for every role of Tver) or of Tomsk (outside). */
    private Target campaign(boolean inScope) {
        ru.rsoko.vsoko.campaign.CampaignView campaign = vsoko.openCampaign(inScope ? "tver.coko" : "tomsk.coko");
        return new Target(campaign.id(), campaign.framework().id(), campaign.version(), null);
    }

    /**
     * Берёзовская's submission in an open Tver campaign; outside: a Tomsk school's for the region, Ручьёвская's
     * (Калининский) for the municipality, Заречная's for the director.
     */
    private Target submission(Who who, boolean inScope) {
        boolean tomsk = !inScope && (who == Who.ADMIN || who == Who.REGION);
        ru.rsoko.vsoko.campaign.CampaignView campaign = vsoko.openCampaign(tomsk ? "tomsk.coko" : "tver.coko");
        String school = inScope ? "МОУ «Берёзовская СОШ»" : switch (who) {
            case ADMIN, REGION -> "МБОУ «Средняя школа № 201»";
            case MUNICIPALITY -> "МОУ «Ручьёвская СОШ»";
            case SCHOOL -> "МОУ «Заречная СОШ»";
        };
        long schoolId = fixtures.org(school).id();
        long version = jdbc.queryForObject("select version from vsoko_submission where campaign_id = ? and school_id = ?",
                Long.class, campaign.id(), schoolId);
        long indicator = jdbc.queryForObject("select id from vsoko_indicator where framework_id = ? and code = '2.02'",
                Long.class, campaign.framework().id());
        return new Target(campaign.id(), null, version, schoolId, indicator, null, null, null);
    }

    private Target framework(boolean inScope) {
        ru.rsoko.vsoko.framework.Framework framework = vsoko.framework(inScope ? "tver.coko" : "tomsk.coko");
        long direction = jdbc.queryForObject("select id from vsoko_direction where framework_id = ? and code = '2'",
                Long.class, framework.getId());
        long indicator = jdbc.queryForObject("select id from vsoko_indicator where framework_id = ? and code = '2.02'",
                Long.class, framework.getId());
        return new Target(framework.getId(), null, framework.getVersion(), null, direction, indicator, null, null);
    }

    private Target results(Who who, boolean inScope) {
        long campaign;
        String school;
        if (!inScope && (who == Who.ADMIN || who == Who.REGION)) {
            ru.rsoko.vsoko.campaign.CampaignView tomsk = publishedTomskCampaign();
            campaign = tomsk.id();
            school = "МБОУ «Средняя школа № 201»";
        } else {
            campaign = jdbc.queryForObject("select c.id from vsoko_campaign c join org_unit r on r.id = c.region_id "
                    + "where r.name = 'Тверская область' and c.year = 2022 and c.status = 'PUBLISHED' order by c.id limit 1",
                    Long.class); // the demo's: other tests publish campaigns of 2022 too
            school = inScope ? "МОУ «Берёзовская СОШ»" : who == Who.MUNICIPALITY ? "МОУ «Ручьёвская СОШ»" : "МОУ «Заречная СОШ»";
        }
        OrgUnit unit = fixtures.org(school);
        return new Target(campaign, null, 0, unit.id(), unit.municipalityId(), null, null, null);
    }

    private ru.rsoko.vsoko.campaign.CampaignView tomskPublished;

    private ru.rsoko.vsoko.campaign.CampaignView publishedTomskCampaign() {
        if (tomskPublished == null) {
            ru.rsoko.access.CurrentUser tomsk = vsoko.user("tomsk.coko");
            ru.rsoko.vsoko.campaign.CampaignView open = vsoko.openCampaign("tomsk.coko");
            ru.rsoko.vsoko.campaign.CampaignView closed = campaignService.changeStatus(tomsk, open.id(),
                    ru.rsoko.vsoko.campaign.CampaignStatus.CLOSED, open.version());
            tomskPublished = campaignService.changeStatus(tomsk, closed.id(), ru.rsoko.vsoko.campaign.CampaignStatus.PUBLISHED,
                    closed.version());
        }
        return tomskPublished;
    }

    private static final java.util.concurrent.atomic.AtomicInteger FRESH_YEAR = new java.util.concurrent.atomic.AtomicInteger(2040);

    /**
     * An entry of a school list of the year: Берёзовская's for every role; outside: a Tomsk school's for the region,
     * Ручьёвская's for the municipality, Заречная's for the director.
     */
    private Target listEntry(Who who, boolean inScope, int year) {
        String school = inScope ? "МОУ «Берёзовская СОШ»" : switch (who) {
            case ADMIN, REGION -> "МБОУ «Средняя школа № 201»";
            case MUNICIPALITY -> "МОУ «Ручьёвская СОШ»";
            case SCHOOL -> "МОУ «Заречная СОШ»";
        };
        OrgUnit unit = fixtures.org(school);
        jdbc.update("""
                insert into school_list_entry (region_id, municipality_id, school_id, year, kind, basis, created_by)
                values (?, ?, ?, ?, 'LOW_RESULTS', 'ВПР', 'test') on conflict (year, kind, school_id) do nothing""",
                unit.regionId(), unit.municipalityId(), unit.id(), year);
        Map<String, Object> entry = jdbc.queryForMap("select id, version from school_list_entry where school_id = ? "
                + "and year = ? and kind = 'LOW_RESULTS'", unit.id(), year);
        return new Target(((Number) entry.get("id")).longValue(), (long) year, ((Number) entry.get("version")).longValue(), null);
    }

    /** A task of Tver's year (everyone of Tver reads it) or of Tomsk's (outside). */
    private String planKeeper(boolean inScope) {
        return inScope ? "tver.coko" : "tomsk.coko";
    }

    private Target demoPlan(boolean inScope) {
        return jdbc.queryForObject("""
                select p.id, p.version from plan p join org_unit r on r.id = p.region_id where r.name = ? and p.year = 2021""",
                (rs, i) -> new Target(rs.getLong(1), null, rs.getLong(2), null), inScope ? "Тверская область" : "Томская область");
    }

    private Target freshPlan(boolean inScope) {
        long region = fixtures.org(inScope ? "Тверская область" : "Томская область").id();
        ru.rsoko.plan.Plan plan = planFixtures.plan(region, ru.rsoko.plan.domain.PlanFixtures.freshYear(), true);
        return new Target(plan.id(), null, plan.version(), null);
    }

    private long demoProcedure(boolean inScope) {
        return jdbc.queryForObject("select id from plan_procedure where plan_id = ? order by position limit 1", Long.class,
                demoPlan(inScope).id());
    }

    /** A new procedure of the approved plan of {@link Kind#FRESH_PLAN}, which no row changes. */
    private long freshProcedure(boolean inScope) {
        long planId = cached("fresh plan " + inScope, () -> freshPlan(inScope)).id();
        ru.rsoko.plan.Plan plan = planFixtures.plan(planId);
        int year = plan.year();
        return planFixtures.vpr(plan, java.time.LocalDate.of(year, 3, 15), java.time.LocalDate.of(year, 5, 21)).id();
    }

    /** The procedure with a result file attached by its region's staff; {item} is the file. */
    private Target withFile(long procedureId, boolean inScope) {
        ru.rsoko.plan.domain.FileLine file = planService.addFile(planFixtures.user(planKeeper(inScope)), procedureId,
                new MockMultipartFile("file", "итоги.pdf", "application/pdf", "%PDF-1.4 итоги".getBytes(StandardCharsets.UTF_8)));
        long version = jdbc.queryForObject("select version from plan_procedure where id = ?", Long.class, procedureId);
        return new Target(procedureId, null, version, null, file.id(), null, null, null);
    }

    private Target procedureType(boolean inScope) {
        ru.rsoko.plan.domain.ProcedureKind type = planService.addType(planFixtures.user(planKeeper(inScope)),
                new ru.rsoko.plan.domain.TypeForm(Fixtures.unique("Мониторинг адаптации"), "1", null, false, null, null));
        return new Target(type.id(), null, type.version(), null);
    }

    private Target task(boolean inScope) {
        long region = fixtures.org(inScope ? "Тверская область" : "Томская область").id();
        long id = jdbc.queryForObject("""
                insert into annual_task (region_id, year, position, text) values (?, 2097, 1, 'Проверочная задача')
                returning id""", Long.class, region);
        return new Target(id, null, 0, null);
    }

    private final Map<Boolean, ru.rsoko.plan.Plan> plans = new java.util.HashMap<>();

    /** An approved plan of Tver (inside) or Tomsk (outside) of a year no other test uses. */
    private ru.rsoko.plan.Plan plan(boolean tver) {
        return plans.computeIfAbsent(tver, k -> planFixtures.plan(org(tver ? "Тверская область" : "Томская область").id(),
                ru.rsoko.plan.domain.PlanFixtures.freshYear(), true));
    }

    private ru.rsoko.plan.Procedure vpr(boolean tver) {
        return cachedProcedures.computeIfAbsent(tver, k -> freshVpr(tver));
    }

    private final Map<Boolean, ru.rsoko.plan.Procedure> cachedProcedures = new java.util.HashMap<>();

    private ru.rsoko.plan.Procedure freshVpr(boolean tver) {
        ru.rsoko.plan.Plan plan = plan(tver);
        return planFixtures.vpr(plan, java.time.LocalDate.of(plan.year(), 3, 15), java.time.LocalDate.of(plan.year(), 5, 21));
    }

    /** Whether the procedure of the case is of Tver: outside the region only for those who see the whole region. */
    private static boolean inScope(Who who, boolean inScope) {
        return inScope || who == Who.MUNICIPALITY || who == Who.SCHOOL;
    }

    private Target participationSchool(Who who, boolean inScope, Target procedure) {
        String school = inScope ? "МОУ «Берёзовская СОШ»" : switch (who) {
            case ADMIN, REGION -> "МБОУ «Средняя школа № 201»";
            case MUNICIPALITY -> "МОУ «Ручьёвская СОШ»";
            case SCHOOL -> "МОУ «Заречная СОШ»";
        };
        return new Target(procedure.id(), procedure.parent(), 0, fixtures.org(school).id());
    }

    /** Issue 17, re-checks: a re-check of one school's two works with an expert (see {@link Kind#RECHECK}). */
    private Target recheck(Who who, boolean inScope) {
        String school = inScope ? "МОУ «Берёзовская СОШ»" : switch (who) {
            case ADMIN, REGION -> "МБОУ «Средняя школа № 201»";
            case MUNICIPALITY -> ru.rsoko.directory.DemoOrganisations.KALININ_SCHOOL;
            case SCHOOL -> "МОУ «Заречная СОШ»";
        };
        ru.rsoko.plan.Procedure procedure = vpr(inScope || who == Who.MUNICIPALITY || who == Who.SCHOOL);
        Long id = jdbc.queryForObject("""
                insert into recheck (region_id, procedure_id, year, subject, grade, sample_rule, schools_wanted,
                                     works_per_school, seed, status, created_by)
                values (?, ?, 2021, 'MATHEMATICS', 5, 'RANDOM', 1, 2, 1, 'OPEN', 'tver.coko') returning id""",
                Long.class, procedure.regionId(), procedure.id());
        Long work = null;
        for (String code : List.of("0001-01", "0001-02")) {
            Long made = jdbc.queryForObject("""
                    insert into recheck_work (recheck_id, school_id, municipality_id, code, reason)
                    select ?, id, municipality_id, ?, 'проверка доступа' from directory_org_unit
                    where name = ? and type = 'SCHOOL' returning id""", Long.class, id, code, school);
            work = work == null ? made : work;
        }
        Long expert = jdbc.queryForObject("insert into recheck_expert (recheck_id, name) values (?, 'Эксперт проверки доступа')"
                + " returning id", Long.class, id);
        return new Target(id, null, 0, null, work, expert, null, null);
    }

    private Target org(String name) {
        OrgUnit unit = fixtures.org(name);
        return new Target(unit.id(), unit.parentId(), unit.version(), null);
    }

    private static Target account(Account account) {
        return new Target(account.id(), null, account.version(), account.orgUnitId());
    }

    // ---- building rows

    private static RowBuilder row(String method, String mappingAndUrl, Kind kind) {
        return new RowBuilder(method, mappingAndUrl, mappingAndUrl, kind);
    }

    private static RowBuilder row(String method, String mapping, String url, Kind kind) {
        return new RowBuilder(method, mapping, url, kind);
    }

    private static final class RowBuilder {
        private final HttpMethod method;
        private final String mapping;
        private final String url;
        private final Kind kind;
        private final Map<String, String> params = new LinkedHashMap<>();
        private final Map<Who, Expect> expect = new EnumMap<>(Who.class);
        private String json;
        private String text;
        private boolean multipart;

        RowBuilder(String method, String mapping, String url, Kind kind) {
            this.method = HttpMethod.valueOf(method);
            this.mapping = mapping;
            this.url = url;
            this.kind = kind;
        }

        RowBuilder param(String name, String value) {
            params.put(name, value);
            return this;
        }

        RowBuilder json(String body) {
            this.json = body;
            return this;
        }

        RowBuilder multipart() {
            this.multipart = true;
            return this;
        }

        RowBuilder all(int in, int out) {
            for (Who who : Who.values()) {
                expect.put(who, new Expect(in, out));
            }
            return this;
        }

        /** Only administrators may; every other role is refused the function, in scope or not. */
        RowBuilder admin(int in, int out) {
            for (Who who : Who.values()) {
                expect.put(who, who == Who.ADMIN ? new Expect(in, out) : new Expect(403, 403));
            }
            return this;
        }

        /** Only those who keep meetings: regional staff and municipal officers; the others are refused the function. */
        RowBuilder keepers(int in, int out) {
            for (Who who : Who.values()) {
                boolean keeper = who == Who.REGION || who == Who.MUNICIPALITY;
                expect.put(who, keeper ? new Expect(in, out) : new Expect(403, out == 404 ? 404 : 403));
            }
            return this;
        }

        /** Only regional staff; the others are refused the function, or do not see what is outside. */
        RowBuilder region(int in, int out) {
            for (Who who : Who.values()) {
                expect.put(who, who == Who.REGION ? new Expect(in, out) : new Expect(403, out == 404 ? 404 : 403));
            }
            return this;
        }

        /** A function of regional staff alone: every other role is refused it whatever the object. */
        RowBuilder regionFunction(int in, int out) {
            for (Who who : Who.values()) {
                expect.put(who, who == Who.REGION ? new Expect(in, out) : new Expect(403, 403));
            }
            return this;
        }

        /** Those who fill a school's self-assessment: the school, its municipality, its region; not administrators. */
        RowBuilder fillers(int in, int out) {
            for (Who who : Who.values()) {
                expect.put(who, who == Who.ADMIN ? new Expect(403, out) : new Expect(in, out));
            }
            return this;
        }

        /** Only the record's own organisation reports on it: the director on their school's record. */
        RowBuilder reporter(int in, int out) {
            for (Who who : Who.values()) {
                expect.put(who, who == Who.SCHOOL ? new Expect(in, out) : new Expect(403, out));
            }
            return this;
        }

        RowBuilder text(String body) {
            this.text = body;
            return this;
        }

        RowBuilder who(Who who, int in, int out) {
            expect.put(who, new Expect(in, out));
            return this;
        }

        Row anonymous(int status) {
            if (expect.size() != Who.values().length) {
                throw new IllegalStateException("every role needs an expectation: " + method + " " + mapping);
            }
            return new Row(method, mapping, url, kind, params, json, text, multipart, expect, status);
        }
    }
}
