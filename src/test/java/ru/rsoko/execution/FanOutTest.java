package ru.rsoko.execution;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import ru.rsoko.access.CurrentUser;
import ru.rsoko.access.Scope;
import ru.rsoko.directory.domain.OrgUnitService;
import ru.rsoko.directory.OrgUnit;
import ru.rsoko.meeting.DeadlineKind;
import ru.rsoko.meeting.MeetingKind;
import ru.rsoko.meeting.domain.AgendaItemForm;
import ru.rsoko.meeting.domain.DecisionForm;
import ru.rsoko.meeting.domain.MeetingForm;
import ru.rsoko.meeting.domain.MeetingManagement;
import ru.rsoko.meeting.domain.MeetingView;
import ru.rsoko.platform.web.RuleViolationException;
import ru.rsoko.support.Fixtures;
import ru.rsoko.support.IntegrationTest;
import ru.rsoko.support.MeetingFixtures;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Signing a protocol gives every responsible organisation its one record, whatever words name it. */
@IntegrationTest
class FanOutTest {

    @Autowired
    MeetingManagement meetings;
    @Autowired
    MeetingFixtures meetingFixtures;
    @Autowired
    Fixtures fixtures;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    OrgUnitService directory;

    long activeCount(String where, Object... args) {
        return jdbc.queryForObject("select count(*) from org_unit where active and " + where, Long.class, args);
    }

    long records(MeetingView meeting, String decisionNumber) {
        return jdbc.queryForObject("""
                select count(*) from execution e join decision d on d.id = e.decision_id
                where d.meeting_id = ? and d.number = ?""", Long.class, meeting.id(), decisionNumber);
    }

    @Test
    void eachKindOfResponsiblePartyFansOutToItsOrganisations() {
        long tomsk = fixtures.org("Томская область").id();
        OrgUnit seversk = fixtures.org("ЗАТО Северск");
        MeetingView meeting = signed("tomsk.coko",
                decision("1", "руководители ОО"),
                decision("2", "руководители МОУО"),
                decision("3", "ТОИПКРО; руководители МОУО, руководители ОО"),
                decision("4", "руководители МОУО: ЗАТО Северск, ГО Стрежевой, г.Томска, Томского района"),
                decision("5", "руководители ОО: Асиновского района, Каргасокского района"),
                decision("6", "ЗАТО Северск"));
        long schools = activeCount("region_id = ? and type = 'SCHOOL'", tomsk);
        long municipalities = activeCount("region_id = ? and type = 'MUNICIPALITY'", tomsk);
        assertThat(records(meeting, "1")).isEqualTo(schools);
        assertThat(records(meeting, "2")).isEqualTo(municipalities);
        assertThat(records(meeting, "3")).isEqualTo(1 + municipalities + schools);
        assertThat(records(meeting, "4")).isEqualTo(4);
        assertThat(records(meeting, "5")).isEqualTo(activeCount("""
                type = 'SCHOOL' and municipality_id in (select id from org_unit where name in ('Асиновский район', 'Каргасокский район'))"""));
        assertThat(records(meeting, "6")).isEqualTo(1);
        assertThat(jdbc.queryForObject("""
                select o.name from execution e join decision d on d.id = e.decision_id join org_unit o on o.id = e.org_unit_id
                where d.meeting_id = ? and d.number = '6'""", String.class, meeting.id())).isEqualTo(seversk.name());
    }

    @Test
    void anOrganisationNamedTwiceGetsOneRecordAndDeactivatedOnesNone() {
        OrgUnit kargasok = fixtures.org("Каргасокский район");
        OrgUnit named = fixtures.newSchool(kargasok);
        OrgUnit closed = fixtures.newSchool(kargasok);
        directory.setActive(Scope.all(), closed.id(), false, closed.version());
        MeetingView meeting = signed("tomsk.coko", decision("1", "руководители ОО: Каргасокского района; " + named.name()));
        assertThat(records(meeting, "1")).isEqualTo(activeCount("type = 'SCHOOL' and municipality_id = ?", kargasok.id()));
        assertThat(jdbc.queryForObject("select count(*) from execution where org_unit_id = ?", Long.class, named.id())).isEqualTo(1);
        assertThat(jdbc.queryForObject("select count(*) from execution where org_unit_id = ?", Long.class, closed.id())).isZero();
    }

    @Test
    void aMunicipalMeetingAssignsOnlyWithinItsMunicipality() {
        OrgUnit sonkovo = fixtures.org("Сонковский муниципальный округ");
        MeetingView meeting = signed("sonkovo.mouo", decision("1", "руководители ОО"), decision("2", "руководители МОУО"));
        assertThat(records(meeting, "1")).isEqualTo(activeCount("type = 'SCHOOL' and municipality_id = ?", sonkovo.id()));
        assertThat(records(meeting, "2")).isEqualTo(1);
        assertThatThrownBy(() -> signed("sonkovo.mouo", decision("1", "МОУ «Кленовская СОШ»")))
                .isInstanceOf(RuleViolationException.class)
                .hasMessageContaining("Не удалось определить ответственных");
    }

    @Test
    void wordsThatNameNoOrganisationAreRefusedBeforeAnythingIsSaved() {
        assertThatThrownBy(() -> signed("tver.coko", decision("1", "Минпросвещения России")))
                .isInstanceOf(RuleViolationException.class)
                .hasMessageContaining("«Минпросвещения России»");
    }

    @Test
    void aProtocolWithoutDecisionsOrBeforeItsMeetingCannotBeSigned() {
        CurrentUser user = meetingFixtures.user("tver.coko");
        MeetingView empty = meetings.createWithContent(user, details(LocalDate.now()), List.of(), List.of());
        assertThatThrownBy(() -> meetings.sign(user, empty.id(), null)).hasMessageContaining("В протоколе нет решений");
        MeetingView future = meetings.createWithContent(user, details(LocalDate.now().plusDays(10)), List.of(),
                List.of(decision("1", "руководители ОО")));
        assertThatThrownBy(() -> meetings.sign(user, future.id(), null)).hasMessageContaining("после мероприятия");
    }

    @Test
    void aSignedProtocolKeepsItsAgendaAndDecisions() {
        MeetingView meeting = meetingFixtures.meeting("tver.coko", true);
        CurrentUser user = meetingFixtures.user("tver.coko");
        AgendaItemForm item = new AgendaItemForm();
        item.setNumber("9");
        item.setTitle("Новый вопрос");
        assertThatThrownBy(() -> meetings.addAgendaItem(user, meeting.id(), item)).hasMessageContaining("Протокол подписан");
        assertThatThrownBy(() -> meetings.removeDecision(user, meeting.id(), meeting.decisions().getFirst().id()))
                .hasMessageContaining("Протокол подписан");
        assertThatThrownBy(() -> meetings.delete(user, meeting.id())).hasMessageContaining("удалить нельзя");
    }

    private MeetingView signed(String creator, DecisionForm... decisions) {
        CurrentUser user = meetingFixtures.user(creator);
        MeetingView meeting = meetings.createWithContent(user, details(LocalDate.now().minusDays(1)), List.of(), List.of(decisions));
        return meetings.sign(user, meeting.id(), null);
    }

    private static MeetingForm details(LocalDate date) {
        MeetingForm form = new MeetingForm();
        form.setKind(MeetingKind.MEETING);
        form.setTitle(Fixtures.unique("Совещание о рассылке поручений"));
        form.setDate(date);
        return form;
    }

    private static DecisionForm decision(String number, String responsible) {
        DecisionForm form = new DecisionForm();
        form.setNumber(number);
        form.setText("Решение " + number);
        form.setResponsibleText(responsible);
        form.setDeadlineText("постоянно");
        form.setDeadlineKind(DeadlineKind.ONGOING);
        return form;
    }
}
