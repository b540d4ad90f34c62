package ru.rsoko.vsoko.result;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;
import ru.rsoko.access.CurrentUser;
import ru.rsoko.support.Fixtures;
import ru.rsoko.support.IntegrationTest;
import ru.rsoko.vsoko.Level;
import ru.rsoko.vsoko.SubmissionStatus;
import ru.rsoko.vsoko.campaign.Campaign;
import ru.rsoko.vsoko.campaign.CampaignRepository;
import ru.rsoko.vsoko.campaign.CampaignStatus;
import ru.rsoko.vsoko.framework.Framework;
import ru.rsoko.vsoko.framework.FrameworkRepository;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static ru.rsoko.vsoko.result.VsokoResultFixtures.KALININ_SCHOOLS;
import static ru.rsoko.vsoko.result.VsokoResultFixtures.SONKOVO_SCHOOLS;
import static ru.rsoko.vsoko.result.VsokoResultFixtures.values;

/** Scores and levels computed from the values' points: thresholds, value types, corrections, counts, comparison. */
@IntegrationTest
class ResultScoringTest {

    @Autowired
    ResultService results;
    @Autowired
    FrameworkRepository frameworks;
    @Autowired
    CampaignRepository campaigns;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    Fixtures fixtures;
    @Autowired
    UserDetailsService users;

    VsokoResultFixtures vsoko;
    CurrentUser region;

    @BeforeEach
    void setUp() {
        vsoko = new VsokoResultFixtures(frameworks, campaigns, jdbc, fixtures, users);
        region = vsoko.user("tver.coko");
    }

    @Test
    void aThresholdIsReachedAtItAndNotJustBelow() {
        Framework f = vsoko.thresholds();
        Campaign c = vsoko.campaign(f, CampaignStatus.CLOSED, null);
        String[] scores = {"74.99", "75", "75.01", "49.99", "50", "50.01"};
        for (int i = 0; i < scores.length; i++) {
            vsoko.submission(c, f, SONKOVO_SCHOOLS.get(i), SubmissionStatus.SUBMITTED, values("T1", scores[i]));
        }
        vsoko.submission(c, f, SONKOVO_SCHOOLS.get(6), SubmissionStatus.NOT_STARTED, values());
        // handed back for revision: its values do not count
        vsoko.submission(c, f, KALININ_SCHOOLS.get(0), SubmissionStatus.RETURNED, values("T1", "100"));

        ResultService.CampaignResults r = results.results(region, c.getId());
        Map<String, ResultService.SchoolResult> bySchool = bySchool(r.schools());
        assertThat(bySchool.get(SONKOVO_SCHOOLS.get(0)).level()).isEqualTo(Level.PARTIAL);
        assertThat(bySchool.get(SONKOVO_SCHOOLS.get(1)).level()).isEqualTo(Level.FORMED);
        assertThat(bySchool.get(SONKOVO_SCHOOLS.get(2)).level()).isEqualTo(Level.FORMED);
        assertThat(bySchool.get(SONKOVO_SCHOOLS.get(3)).level()).isEqualTo(Level.NOT_FORMED);
        assertThat(bySchool.get(SONKOVO_SCHOOLS.get(4)).level()).isEqualTo(Level.PARTIAL);
        assertThat(bySchool.get(SONKOVO_SCHOOLS.get(5)).level()).isEqualTo(Level.PARTIAL);
        // shown with one decimal, judged on the exact share
        assertThat(bySchool.get(SONKOVO_SCHOOLS.get(0)).overall().percent()).isEqualByComparingTo("75.0");
        assertThat(bySchool.get(SONKOVO_SCHOOLS.get(0)).directions().getFirst().level()).isEqualTo(Level.PARTIAL);
        assertThat(bySchool.get(SONKOVO_SCHOOLS.get(3)).directions().getFirst().level()).isEqualTo(Level.NOT_FORMED);
        assertThat(bySchool.get(SONKOVO_SCHOOLS.get(6)).hasResult()).isFalse();
        assertThat(bySchool.get(KALININ_SCHOOLS.get(0)).hasResult()).isFalse();

        ResultService.AreaResult sonkovo = area(r, "Сонковский");
        assertThat(sonkovo.participants()).isEqualTo(7);
        assertThat(sonkovo.withResult()).isEqualTo(6);
        assertThat(sonkovo.notSubmitted()).isEqualTo(1);
        assertThat(sonkovo.count(Level.FORMED)).isEqualTo(2);
        assertThat(sonkovo.count(Level.PARTIAL)).isEqualTo(3);
        assertThat(sonkovo.count(Level.NOT_FORMED)).isEqualTo(1);
        assertThat(sonkovo.share(Level.FORMED)).isEqualByComparingTo("33.3");
        assertThat(sonkovo.share(Level.PARTIAL)).isEqualByComparingTo("50.0");
        assertThat(sonkovo.share(Level.NOT_FORMED)).isEqualByComparingTo("16.7");
        assertThat(sonkovo.summary()).isEqualTo("Сформированность ВСОКО показали 2 ОО из 6 (33,3 %)");
        // (74.99 + 75 + 75.01 + 49.99 + 50 + 50.01) / 6 = 62.5
        assertThat(sonkovo.averageScore()).isEqualByComparingTo("62.5");

        ResultService.AreaResult kalinin = area(r, "Калининский");
        assertThat(kalinin.participants()).isEqualTo(1);
        assertThat(kalinin.withResult()).isZero();
        assertThat(kalinin.share(Level.FORMED)).isNull();

        assertThat(r.total().participants()).isEqualTo(8);
        assertThat(r.total().withResult()).isEqualTo(6);
        assertThat(r.total().count(Level.FORMED)).isEqualTo(2);
        assertThat(r.preliminary()).isTrue();
    }

    @Test
    void everyValueTypeEarnsItsPointsMissingEarnsNothingAndTheExpertsCorrectionCounts() {
        Framework f = vsoko.typed();
        Campaign c = vsoko.campaign(f, CampaignStatus.PUBLISHED, null);
        // Н1: Y1 да → 4; N1 2 of target 3 → 4; N2 0 → 0; P1 50 % → 4; C1 «частично» → 1: 13 of 24
        // Н2: Y2 нет → 0; P2 no answer → 0: 0 of 16
        vsoko.submission(c, f, SONKOVO_SCHOOLS.get(0), SubmissionStatus.SUBMITTED,
                values("Y1", "1", "N1", "2", "N2", "0", "P1", "50", "C1", "2", "Y2", "0"));
        // everything at its best; N1 beyond its target and N2 any positive number earn the full points;
        // Y2 «нет» corrected by the expert to «да»
        long best = vsoko.submission(c, f, SONKOVO_SCHOOLS.get(1), SubmissionStatus.ACCEPTED,
                values("Y1", "1", "N1", "5", "N2", "7", "P1", "100", "C1", "3", "Y2", "0", "P2", "100"));
        vsoko.correct(best, f, "Y2", "1", "Программа есть на сайте");
        // the expert lowers a percentage: 100 → 25, so P2 earns 1.5 of 6
        long lowered = vsoko.submission(c, f, SONKOVO_SCHOOLS.get(2), SubmissionStatus.SUBMITTED,
                values("Y1", "1", "N1", "3", "N2", "1", "P1", "100", "C1", "3", "Y2", "1", "P2", "100"));
        vsoko.correct(lowered, f, "P2", "25", "Подтверждено 25 %");

        Map<String, ResultService.SchoolResult> bySchool = bySchool(results.results(region, c.getId()).schools());
        ResultService.SchoolResult partial = bySchool.get(SONKOVO_SCHOOLS.get(0));
        assertThat(partial.directions().get(0).earned()).isEqualByComparingTo("13");
        assertThat(partial.directions().get(0).max()).isEqualByComparingTo("24");
        assertThat(partial.directions().get(0).percent()).isEqualByComparingTo("54.2");
        assertThat(partial.directions().get(0).level()).isEqualTo(Level.PARTIAL);
        assertThat(partial.directions().get(1).earned()).isEqualByComparingTo("0");
        assertThat(partial.directions().get(1).level()).isEqualTo(Level.NOT_FORMED);
        assertThat(partial.overall().earned()).isEqualByComparingTo("13");
        assertThat(partial.overall().max()).isEqualByComparingTo("40");
        assertThat(partial.overall().percent()).isEqualByComparingTo("32.5");
        assertThat(partial.level()).isEqualTo(Level.NOT_FORMED);

        ResultService.SchoolResult full = bySchool.get(SONKOVO_SCHOOLS.get(1));
        assertThat(full.overall().earned()).isEqualByComparingTo("40");
        assertThat(full.overall().percent()).isEqualByComparingTo("100.0");
        assertThat(full.level()).isEqualTo(Level.FORMED);

        ResultService.SchoolResult corrected = bySchool.get(SONKOVO_SCHOOLS.get(2));
        assertThat(corrected.directions().get(1).earned()).isEqualByComparingTo("11.5");
        assertThat(corrected.overall().earned()).isEqualByComparingTo("35.5");
        assertThat(corrected.overall().percent()).isEqualByComparingTo("88.8");
        assertThat(corrected.directions().get(1).percent()).isEqualByComparingTo("71.9");
        assertThat(corrected.directions().get(1).level()).isEqualTo(Level.PARTIAL);
        assertThat(corrected.level()).isEqualTo(Level.FORMED);
    }

    @Test
    void whatToImproveFirstStartsWithTheWeakestDirectionAndShowsTheExpertsCorrection() {
        Framework f = vsoko.typed();
        Campaign c = vsoko.campaign(f, CampaignStatus.PUBLISHED, null);
        long id = vsoko.submission(c, f, SONKOVO_SCHOOLS.get(0), SubmissionStatus.SUBMITTED,
                values("Y1", "1", "N1", "2", "N2", "0", "P1", "50", "C1", "2", "Y2", "1"));
        vsoko.correct(id, f, "Y2", "0", "Программы нет на сайте");
        long school = vsoko.org(SONKOVO_SCHOOLS.get(0)).id();

        ResultService.SchoolReport report = results.school(vsoko.user("sonkovo.school"), c.getId(), school);
        List<String> codes = report.improveFirst().stream().map(i -> i.indicator().code()).toList();
        // Н2 earns 0 % (Y2 corrected to «нет», P2 unanswered), then Н1 by the share of each indicator
        assertThat(codes).containsExactly("Y2", "P2", "N2", "C1", "P1", "N1");
        ResultService.IndicatorResult y2 = report.improveFirst().getFirst();
        assertThat(y2.answer()).isEqualTo("да");
        assertThat(y2.expertAnswer()).isEqualTo("нет");
        assertThat(y2.expertComment()).isEqualTo("Программы нет на сайте");
        assertThat(y2.earned()).isEqualByComparingTo("0");
        assertThat(y2.max()).isEqualByComparingTo("10");
        assertThat(report.improveFirst().get(1).answer()).isEqualTo("нет ответа");
        assertThat(report.improveFirst().get(3).answer()).isEqualTo("частично");
    }

    @Test
    void theComparisonWithThePreviousCampaignUsesOnlyTheIndicatorsBothFrameworksHave() {
        Framework before = vsoko.previousYear();
        Campaign previous = vsoko.campaign(before, CampaignStatus.PUBLISHED, null);
        // Y1 нет, P1 50 % → 4 of 12 on the shared indicators (OLD1 is not compared)
        vsoko.submission(previous, before, SONKOVO_SCHOOLS.get(0), SubmissionStatus.ACCEPTED,
                values("y1", "0", "P1", "50", "OLD1", "1"));
        // Y1 да, P1 100 % → 12 of 12
        vsoko.submission(previous, before, SONKOVO_SCHOOLS.get(1), SubmissionStatus.ACCEPTED,
                values("y1", "1", "P1", "100", "OLD1", "0"));
        Framework now = vsoko.typed();
        Campaign current = vsoko.campaign(now, CampaignStatus.CLOSED, previous);
        vsoko.submission(current, now, SONKOVO_SCHOOLS.get(0), SubmissionStatus.SUBMITTED,
                values("Y1", "1", "P1", "100", "Y2", "0"));
        vsoko.submission(current, now, SONKOVO_SCHOOLS.get(1), SubmissionStatus.SUBMITTED,
                values("Y1", "0", "P1", "75", "Y2", "1"));
        // took no part last time: no comparison
        vsoko.submission(current, now, SONKOVO_SCHOOLS.get(2), SubmissionStatus.SUBMITTED, values("Y1", "1"));

        ResultService.CampaignResults r = results.results(region, current.getId());
        assertThat(r.comparison().indicators()).isEqualTo(2);
        assertThat(r.comparison().previousCampaignId()).isEqualTo(previous.getId());
        Map<String, ResultService.SchoolResult> bySchool = bySchool(r.schools());

        ResultService.Change improved = bySchool.get(SONKOVO_SCHOOLS.get(0)).change();
        assertThat(improved.previous()).isEqualByComparingTo("33.3");
        assertThat(improved.current()).isEqualByComparingTo("100.0");
        assertThat(improved.delta()).isEqualByComparingTo("66.7");
        assertThat(improved.previousLevel()).isEqualTo(Level.NOT_FORMED);
        assertThat(improved.currentLevel()).isEqualTo(Level.FORMED);

        ResultService.Change worse = bySchool.get(SONKOVO_SCHOOLS.get(1)).change();
        assertThat(worse.previous()).isEqualByComparingTo("100.0");
        assertThat(worse.current()).isEqualByComparingTo("50.0"); // 6 of 12
        assertThat(worse.currentLevel()).isEqualTo(Level.PARTIAL);
        assertThat(worse.deltaText()).isEqualTo("−50,0");

        ResultService.Change fresh = bySchool.get(SONKOVO_SCHOOLS.get(2)).change();
        assertThat(fresh.previous()).isNull();
        assertThat(fresh.current()).isEqualByComparingTo("33.3"); // Y1 да: 4 of 12

        // the municipality: previous (33.33 + 100) / 2 = 66.7; now (100 + 50 + 33.33) / 3 = 61.1
        ResultService.Change sonkovo = area(r, "Сонковский").change();
        assertThat(sonkovo.previous()).isEqualByComparingTo("66.7");
        assertThat(sonkovo.current()).isEqualByComparingTo("61.1");
        assertThat(r.total().change().previous()).isEqualByComparingTo("66.7");
    }

    static Map<String, ResultService.SchoolResult> bySchool(List<ResultService.SchoolResult> schools) {
        return schools.stream().collect(Collectors.toMap(ResultService.SchoolResult::schoolName, Function.identity()));
    }

    static ResultService.AreaResult area(ResultService.CampaignResults r, String name) {
        return r.municipalities().stream().filter(a -> a.name().equals(name)).findFirst().orElseThrow();
    }
}
