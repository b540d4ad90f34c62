package ru.rsoko;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import ru.rsoko.access.CurrentUser;
import ru.rsoko.execution.ExecutionService;
import ru.rsoko.participation.ParticipationFigures;
import ru.rsoko.plan.PlanExecution;
import ru.rsoko.plan.PlanExecutionService;
import ru.rsoko.platform.web.Share;
import ru.rsoko.support.DemoUsers;
import ru.rsoko.support.IntegrationTest;
import ru.rsoko.task.domain.TaskMetric;
import ru.rsoko.task.domain.TaskMetrics;
import ru.rsoko.vsoko.Level;
import ru.rsoko.vsoko.VsokoResults;

import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A figure with the same name has the same value on every page (issue 11, item 6): each figure an annual task checks
 * is read from the page of the module that owns it and from the tasks page, on the demo data, and the value and its
 * denominator on hover must be the same — and the same as the face's method computes.
 */
@IntegrationTest
class ConsistentFiguresTest {

    private static final int YEAR = 2021;

    @Autowired
    MockMvc mvc;
    @Autowired
    DemoUsers users;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TaskMetrics metrics;
    @Autowired
    PlanExecutionService planExecution;
    @Autowired
    ExecutionService executions;
    @Autowired
    ParticipationFigures participation;
    @Autowired
    VsokoResults vsokoResults;
    @Autowired
    org.springframework.security.core.userdetails.UserDetailsService userDetails;

    /**
     * «В срок» was 80,0 % on the plan's page (on time of all ten procedures, the cancelled one included) and 88,9 % on
     * the tasks page (on time of the nine due): now both, the plan list and the home page show the share of due ones.
     */
    @Test
    void planOnTimeIsTheSameOnThePlanPagesTheHomePageAndTheTasks() throws Exception {
        long tver = region("Тверская область");
        long plan = jdbc.queryForObject("select id from plan where region_id = ? and year = ?", Long.class, tver, YEAR);
        Share share = planExecution.onTimeShare(tver, YEAR).orElseThrow();
        assertThat(share.whole()).as("cancelled procedures are not due").isLessThan(
                jdbc.queryForObject("select count(*) from plan_procedure where plan_id = ?", Integer.class, plan));
        assertThat(share.of()).isEqualTo(PlanExecution.DUE);
        String[] expected = {share.text(), share.title()};

        String execution = page("tver.coko", "/plans/" + plan + "/execution");
        assertThat(shareAfter(execution, "data-share=\"on-time\"")).containsExactly(expected);
        assertThat(shareAfter(page("tver.coko", "/plans/" + plan), "data-share=\"on-time\"")).containsExactly(expected);
        assertThat(shareAfter(page("tver.coko", "/plans"), "href=\"/plans/" + plan + "\"")).containsExactly(expected);
        assertThat(shareAfter(page("tver.coko", "/tasks?year=" + YEAR), ">" + TaskMetric.PLAN_ON_TIME_SHARE.label() + "<"))
                .containsExactly(expected);
        // the home page speaks of this year's plan (the demo's live year): the same definition, that plan's figure
        Share now = planExecution.onTimeShare(tver, java.time.LocalDate.now(java.time.ZoneId.of("Europe/Moscow")).getYear())
                .orElseThrow();
        assertThat(shareAfter(page("tver.coko", "/"), "id=\"home-plan-on-time\"")).containsExactly(now.text(), now.title());
        assertThat(metrics.compute(user("tver.coko"), tver, YEAR, TaskMetric.PLAN_ON_TIME_SHARE)).isEqualTo(share);
        // the footnote says what the share is of
        assertThat(execution).contains("Доля — от процедур, срок которых наступил");
    }

    @Test
    void decisionsOnTimeAreTheSameOnTheHomePageAndInTasks() throws Exception {
        long tomsk = region("Томская область");
        Share share = executions.onTimeShare(user("tomsk.coko").scope(), tomsk, YEAR);
        assertThat(share).as("the Tomsk seminar's decisions of 2021 are due").isNotNull();
        assertThat(metrics.compute(user("tomsk.coko"), tomsk, YEAR, TaskMetric.DECISIONS_ON_TIME_SHARE)).isEqualTo(share);
        assertThat(shareAfter(page("tomsk.coko", "/"), "id=\"region-on-time\""))
                .containsExactly(share.text(), share.title());
        assertThat(share.title()).startsWith(share.part() + " из " + share.whole() + " разовых поручений");
    }

    @Test
    void vprCoverageIsTheSameOnTheCoveragePageAndInTasks() throws Exception {
        long tver = region("Тверская область");
        Long vpr = jdbc.queryForObject("""
                select pp.id from plan_procedure pp join plan p on p.id = pp.plan_id
                where p.region_id = ? and p.year = ? and pp.coverage_target is not null""", Long.class, tver, YEAR);
        Share share = participation.coverage(user("tver.coko").scope(), tver, YEAR);
        assertThat(share).isNotNull();
        String[] expected = {share.text(), share.title()};

        assertThat(shareAfter(page("tver.coko", "/procedures/" + vpr + "/participation"), "id=\"total\""))
                .containsExactly(expected);
        assertThat(shareAfter(page("tver.coko", "/tasks?year=" + YEAR), ">" + TaskMetric.VPR_COVERAGE.label() + "<"))
                .containsExactly(expected);
        assertThat(share.title()).endsWith(" обучающихся");
    }

    @Test
    void vsokoFormedIsTheSameOnTheResultsPageAndInTasks() throws Exception {
        long tver = region("Тверская область");
        long campaign = vsokoResults.campaignOfYear(tver, YEAR).orElseThrow();
        Share share = vsokoResults.total(user("tver.coko"), campaign).shareOf(Level.FORMED);
        String[] expected = {share.text(), share.title()};

        String results = page("tver.coko", "/vsoko/campaigns/" + campaign + "/results");
        assertThat(shareAfter(results.substring(results.indexOf("id=\"total\"")), "data-level=\"formed\""))
                .containsExactly(expected);
        assertThat(shareAfter(page("tver.coko", "/tasks?year=" + YEAR), ">" + TaskMetric.VSOKO_FORMED_SHARE.label() + "<"))
                .containsExactly(expected);
        assertThat(metrics.compute(user("tver.coko"), tver, YEAR, TaskMetric.VSOKO_FORMED_SHARE)).isEqualTo(share);
    }

    // ---- helpers

    private static final Pattern SHARE = Pattern.compile("<span[^>]*?title=\"([^\"]*)\"[^>]*>([^<]*%)</span>");

    /** The first share after the anchor: its text and its hover title. */
    private static String[] shareAfter(String html, String anchor) {
        int at = html.indexOf(anchor);
        assertThat(at).as("«" + anchor + "» on the page").isNotNegative();
        Matcher m = SHARE.matcher(html);
        assertThat(m.find(at)).as("a share after «" + anchor + "»").isTrue();
        return new String[]{m.group(2).strip(), m.group(1).replace("&quot;", "\"")};
    }

    private long region(String name) {
        return jdbc.queryForObject("select id from org_unit where type = 'REGION' and name = ?", Long.class, name);
    }

    private CurrentUser user(String username) {
        return (CurrentUser) userDetails.loadUserByUsername(username);
    }

    private String page(String username, String url) throws Exception {
        return mvc.perform(get(url).with(users.page(username))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }
}
