package ru.rsoko.notification;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;
import ru.rsoko.directory.DemoOrganisations;
import ru.rsoko.execution.ExecutionCommented;
import ru.rsoko.objectivity.ListKind;
import ru.rsoko.objectivity.SchoolsListed;
import ru.rsoko.plan.ProcedureRescheduled;
import ru.rsoko.support.Fixtures;
import ru.rsoko.support.IntegrationTest;
import ru.rsoko.vsoko.CampaignStatusChanged;
import ru.rsoko.vsoko.SelfAssessmentReviewed;
import ru.rsoko.vsoko.SubmissionStatus;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each event of another module reaches the people it concerns and no one else: the events are published here as their
 * modules publish them (DomainEventsTest checks that they do), and the notifications written are read back.
 */
@IntegrationTest
class WhoIsToldTest {

    @Autowired
    ApplicationEventPublisher events;
    @Autowired
    TransactionTemplate tx;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    Fixtures fixtures;

    long tver;
    long berezovskaya;

    void publish(Object event) {
        tver = fixtures.org(DemoOrganisations.TVER).id();
        tx.executeWithoutResult(s -> events.publishEvent(event));
    }

    /** Who got a notification of the kind whose title holds the text. */
    List<String> told(String kind, String titleHolds) {
        return jdbc.queryForList("""
                select a.username from notification n join user_account a on a.id = n.account_id
                where n.kind = ? and n.title like ? order by a.username""", String.class, kind, "%" + titleHolds + "%");
    }

    @Test
    void aSchoolPutOnAListIsToldAndSoIsItsMunicipality() {
        berezovskaya = fixtures.org(DemoOrganisations.SONKOVO_SCHOOL).id();
        publish(new SchoolsListed(fixtures.org(DemoOrganisations.TVER).id(), 2031, ListKind.LOW_RESULTS, Set.of(berezovskaya)));
        assertThat(told("SCHOOL_LISTED", "2031 года")).contains("sonkovo.school", "sonkovo.mouo")
                .doesNotContain("kalinin.school", "kalinin.mouo", "tver.coko");
        publish(new SchoolsListed(tver, 2031, ListKind.LOW_RESULTS, Set.of(berezovskaya)));
        assertThat(told("SCHOOL_LISTED", "2031 года")).filteredOn("sonkovo.school"::equals).hasSize(1);
    }

    @Test
    void aMovedProcedureReachesTheRegionsMunicipalitiesAndSchoolsOnly() {
        String name = Fixtures.unique("Региональная диагностика");
        publish(new ProcedureRescheduled(-1, -1, fixtures.org(DemoOrganisations.TVER).id(), name, ProcedureRescheduled.Change.MOVED,
                LocalDate.of(2031, 3, 1), LocalDate.of(2031, 3, 5), LocalDate.of(2031, 4, 1), LocalDate.of(2031, 4, 5), "перенос каникул"));
        assertThat(told("PROCEDURE_CHANGED", name)).contains("sonkovo.school", "kalinin.school", "sonkovo.mouo", "kalinin.mouo")
                .doesNotContain("tver.coko", "tomsk.coko", "seversk.mouo");
        String body = jdbc.queryForObject("select body from notification where title like ? limit 1", String.class, "%" + name + "%");
        assertThat(body).contains("было 01.03.2031–05.03.2031, теперь 01.04.2031–05.04.2031").contains("Причина: перенос каникул");
    }

    @Test
    void aReturnedSelfAssessmentReachesTheDirectorWithTheComment() {
        berezovskaya = fixtures.org(DemoOrganisations.SONKOVO_SCHOOL).id();
        String campaign = Fixtures.unique("ВСОКО-2031");
        publish(new SelfAssessmentReviewed(-1, campaign, fixtures.org(DemoOrganisations.TVER).id(), berezovskaya,
                SubmissionStatus.RETURNED, "Нет ссылки на положение о ВСОКО", 0));
        assertThat(told("SELF_ASSESSMENT_RETURNED", campaign)).containsExactly("sonkovo.school");
        assertThat(jdbc.queryForObject("select body from notification where title like ?", String.class, "%" + campaign + "%"))
                .contains("Комментарий: Нет ссылки на положение о ВСОКО");
        publish(new SelfAssessmentReviewed(-1, campaign, tver, berezovskaya, SubmissionStatus.ACCEPTED, null, 0));
        assertThat(told("SELF_ASSESSMENT_ACCEPTED", campaign)).containsExactly("sonkovo.school");
    }

    @Test
    void anOpenedCampaignReachesItsSchoolsDirectors() {
        Long campaign = jdbc.queryForObject("""
                select c.id from vsoko_campaign c join vsoko_submission s on s.campaign_id = c.id
                where s.school_id = ? order by c.id desc limit 1""", Long.class, fixtures.org(DemoOrganisations.SONKOVO_SCHOOL).id());
        String name = Fixtures.unique("Изучение ВСОКО");
        publish(new CampaignStatusChanged(campaign, fixtures.org(DemoOrganisations.TVER).id(), name, 2031,
                CampaignStatusChanged.Status.OPENED, LocalDate.of(2031, 12, 1)));
        assertThat(told("CAMPAIGN_OPENED", name)).contains("sonkovo.school").doesNotContain("sonkovo.mouo", "tver.coko", "tomsk.coko");
    }

    @Test
    void aCommentFromAnotherOrganisationReachesTheExecutorNotTheAuthor() {
        long school = fixtures.org(DemoOrganisations.SONKOVO_SCHOOL).id();
        long coko = fixtures.org(DemoOrganisations.TVER_COKO).id();
        long author = fixtures.account("tver.coko").id();
        String text = Fixtures.unique("Приложите протокол педсовета");
        long comment = System.nanoTime();
        publish(new ExecutionCommented(-1, fixtures.org(DemoOrganisations.TVER).id(), school, comment, author, coko,
                "Григорьева С. М.", "ГБУ ТО ЦОКО", text));
        assertThat(jdbc.queryForList("""
                select a.username from notification n join user_account a on a.id = n.account_id
                where n.kind = 'EXECUTION_COMMENTED' and n.body like ?""", String.class, "%" + text + "%"))
                .containsExactly("sonkovo.school");
        // the executor's own answer tells nobody
        long director = fixtures.account("sonkovo.school").id();
        String answer = Fixtures.unique("Протокол приложен");
        publish(new ExecutionCommented(-1, tver, school, comment + 1, director, school, "Директор", "Берёзовская СОШ", answer));
        assertThat(jdbc.queryForObject("select count(*) from notification where body like ?", Long.class, "%" + answer + "%")).isZero();
    }
}
