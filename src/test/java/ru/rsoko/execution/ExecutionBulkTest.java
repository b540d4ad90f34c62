package ru.rsoko.execution;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import ru.rsoko.access.CurrentUser;
import ru.rsoko.access.Scope;
import ru.rsoko.execution.domain.BatchRejectedException;
import ru.rsoko.execution.domain.ExecutionManagement;
import ru.rsoko.execution.domain.Period;
import ru.rsoko.execution.domain.PeriodRow;
import ru.rsoko.meeting.DeadlineKind;
import ru.rsoko.meeting.MeetingKind;
import ru.rsoko.meeting.ReportPeriod;
import ru.rsoko.meeting.domain.DecisionForm;
import ru.rsoko.meeting.domain.MeetingForm;
import ru.rsoko.meeting.domain.MeetingManagement;
import ru.rsoko.meeting.domain.MeetingView;
import ru.rsoko.platform.audit.HistoryEntry;
import ru.rsoko.platform.web.Formats;
import ru.rsoko.support.DemoUsers;
import ru.rsoko.support.Fixtures;
import ru.rsoko.support.IntegrationTest;
import ru.rsoko.support.MeetingFixtures;
import ru.rsoko.support.TestClock;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static ru.rsoko.support.DemoUsers.api;

/**
 * Catching up at once: an officer files one report for several missed periods of an ongoing decision, and sets one
 * status on several of the municipality's records. Either everything asked is written or nothing is, with each refusal
 * named.
 */
@IntegrationTest
class ExecutionBulkTest {

    static final ZoneId TVER = ZoneId.of("Europe/Moscow");

    @Autowired
    MockMvc mvc;
    @Autowired
    DemoUsers users;
    @Autowired
    MeetingManagement meetings;
    @Autowired
    ExecutionManagement executions;
    @Autowired
    MeetingFixtures meetingFixtures;
    @Autowired
    Fixtures fixtures;
    @Autowired
    TestClock clock;
    @Autowired
    JdbcTemplate jdbc;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    // ---- several periods of one record

    @Test
    void anOfficerCatchesUpSeveralMissedQuartersWithOneReportAndOneFile() {
        ExecutionRecord record = ongoingRecordSignedMonthsAgo(14);
        CurrentUser officer = meetingFixtures.user("sonkovo.mouo");
        List<PeriodRow> owed = owed(record);
        assertThat(owed).hasSizeGreaterThanOrEqualTo(5);
        assertThat(owed.subList(0, 4)).allMatch(PeriodRow::overdue);
        int historyBefore = executions.history(Scope.all(), record.id()).size();

        List<LocalDate> three = owed.subList(0, 3).stream().map(PeriodRow::start).toList();
        var reports = executions.addReports(officer, record.id(), new ExecutionManagement.PeriodReport(three,
                "Проверки объективности проведены во всех школах", "https://sonkovo.example.ru/report",
                new MockMultipartFile("evidenceFile", "справка.pdf", "application/pdf", "%PDF-1.4 справка".getBytes()),
                record.version()));

        assertThat(reports).extracting(r -> r.periodStart()).containsExactlyElementsOf(three);
        // one report per period, the file stored once and shared by them
        assertThat(jdbc.queryForObject("select count(*) from execution_report where execution_id = ?", Long.class, record.id()))
                .isEqualTo(3);
        assertThat(jdbc.queryForObject("select count(distinct evidence_file_id) from execution_report where execution_id = ?",
                Long.class, record.id())).isEqualTo(1);
        // the next report is owed for the fourth period now
        ExecutionRecord after = executions.get(Scope.all(), record.id());
        assertThat(after.dueDate()).isEqualTo(owed.get(3).end());
        assertThat(after.status()).isEqualTo(ExecutionStatus.IN_PROGRESS);
        assertThat(after.version()).isGreaterThan(record.version());
        // one entry of the history names the three periods
        List<HistoryEntry> history = executions.history(Scope.all(), record.id());
        assertThat(history).hasSize(historyBefore + 1);
        assertThat(after.updatedBy()).isEqualTo("sonkovo.mouo");
        assertThat(history.getFirst().changes()).anySatisfy(change -> {
            assertThat(change.field()).isEqualTo("Отчёт подан за");
            assertThat(change.before()).isNull();
            assertThat(change.after()).isEqualTo("3 периода (" + owed.get(0).label() + ", " + owed.get(1).label() + ", "
                    + owed.get(2).label() + ")");
        });
        // the card lists the periods still owed: the fourth on
        assertThat(owed(record)).extracting(PeriodRow::start).first().isEqualTo(owed.get(3).start());
    }

    @Test
    void oneWrongPeriodRefusesTheWholeReportNamingEachWrongPeriod() {
        ExecutionRecord record = ongoingRecordSignedMonthsAgo(14);
        CurrentUser officer = meetingFixtures.user("sonkovo.mouo");
        List<PeriodRow> owed = owed(record);
        executions.addReports(officer, record.id(), new ExecutionManagement.PeriodReport(List.of(owed.get(1).start()),
                "За второй квартал", null, null, null));
        long version = executions.get(Scope.all(), record.id()).version();
        LocalDate future = owed.getLast().end().plusDays(1);
        LocalDate notInSchedule = owed.get(0).start().plusDays(1);

        BatchRejectedException refused = catchThrowableOfType(BatchRejectedException.class, () ->
                executions.addReports(officer, record.id(), new ExecutionManagement.PeriodReport(
                        List.of(owed.get(0).start(), owed.get(1).start(), future, notInSchedule), "Всё сразу", null, null, version)));

        assertThat(refused.conflict()).isFalse();
        assertThat(refused.problems()).extracting(BatchRejectedException.Problem::periodStart)
                .containsExactly(notInSchedule, owed.get(1).start(), future);
        Period next = new Period(future, ReportPeriod.QUARTER.endOfPeriodContaining(future));
        assertThat(refused.problems()).extracting(BatchRejectedException.Problem::text).containsExactly(
                Formats.DATE.format(notInSchedule) + ": такого периода нет в графике отчётности по поручению",
                owed.get(1).label() + ": отчёт за этот период уже подан",
                next.label() + ": период ещё не начался, отчёт можно подать с " + Formats.DATE.format(future));
        // nothing written: the first period is still owed, the version unchanged
        assertThat(jdbc.queryForObject("select count(*) from execution_report where execution_id = ?", Long.class, record.id()))
                .isEqualTo(1);
        assertThat(executions.get(Scope.all(), record.id()).version()).isEqualTo(version);
    }

    @Test
    void theApiReportsForChosenPeriodsAndAnswersEachRefusalOrAStaleVersion() throws Exception {
        ExecutionRecord record = ongoingRecordSignedMonthsAgo(8);
        List<PeriodRow> owed = owed(record);
        String first = owed.get(0).start().toString();
        String second = owed.get(1).start().toString();

        // a version read before someone else's change: 409, nothing written
        mvc.perform(post("/api/v1/executions/{id}/reports", record.id()).with(api("sonkovo.mouo"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"periodStarts\":[\"" + first + "\"],\"text\":\"Отчёт\",\"version\":" + (record.version() + 7) + "}"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value(containsString("изменил другой пользователь")));

        // a day that begins no period: 422 with the period and why
        String wrong = owed.get(0).start().plusDays(2).toString();
        mvc.perform(post("/api/v1/executions/{id}/reports", record.id()).with(api("sonkovo.mouo"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"periodStarts\":[\"" + first + "\",\"" + wrong + "\"],\"text\":\"Отчёт\",\"version\":"
                                + record.version() + "}"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors", hasSize(1)))
                .andExpect(jsonPath("$.errors[0].periodStart").value(wrong))
                .andExpect(jsonPath("$.errors[0].message").value("такого периода нет в графике отчётности по поручению"));
        assertThat(jdbc.queryForObject("select count(*) from execution_report where execution_id = ?", Long.class, record.id()))
                .isZero();

        mvc.perform(post("/api/v1/executions/{id}/reports", record.id()).with(api("sonkovo.mouo"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"periodStarts\":[\"" + second + "\",\"" + first + "\"],\"text\":\"Два квартала\","
                                + "\"evidenceUrl\":\"https://sonkovo.example.ru/q\",\"version\":" + record.version() + "}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.id").value(record.id()))
                .andExpect(jsonPath("$.status").value("IN_PROGRESS"))
                .andExpect(jsonPath("$.dueDate").value(owed.get(2).end().toString()));
        assertThat(jdbc.queryForList("select period_start from execution_report where execution_id = ? order by period_start",
                LocalDate.class, record.id())).containsExactly(owed.get(0).start(), owed.get(1).start());

        // without periodStarts: the earliest period without a report, as before
        mvc.perform(post("/api/v1/executions/{id}/reports", record.id()).with(api("sonkovo.mouo"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"text\":\"Третий квартал\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.version").value(containsString("Укажите version")));
        mvc.perform(post("/api/v1/executions/{id}/reports", record.id()).with(api("sonkovo.mouo"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"text\":\"Третий квартал\",\"version\":"
                                + jdbc.queryForObject("select version from execution where id = ?", Long.class, record.id()) + "}"))
                .andExpect(status().isOk());
        assertThat(jdbc.queryForList("select period_start from execution_report where execution_id = ? order by period_start",
                LocalDate.class, record.id())).last().isEqualTo(owed.get(2).start());
    }

    @Test
    void theCardOffersTheOwedPeriodsWithTheOverdueOnesTickedAndTakesTheTickedOnes() throws Exception {
        ExecutionRecord record = ongoingRecordSignedMonthsAgo(8);
        List<PeriodRow> owed = owed(record);
        String page = mvc.perform(get("/executions/{id}", record.id()).with(users.page("sonkovo.mouo")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("id=\"period-report-form\"", "id=\"report-periods\"");
        for (PeriodRow p : owed) {
            java.util.regex.Matcher box = java.util.regex.Pattern.compile("<input[^>]*name=\"periodStart\" value=\""
                    + p.start() + "\"[^>]*>").matcher(page);
            assertThat(box.find()).as(p.label()).isTrue();
            assertThat(box.group().contains("checked")).as(p.label()).isEqualTo(p.overdue());
        }

        // nothing ticked: told so, nothing written
        mvc.perform(multipart("/executions/{id}/reports", record.id()).with(users.page("sonkovo.mouo")).with(csrf())
                        .param("choosing", "true").param("text", "Отчёт").param("version", String.valueOf(record.version())))
                .andExpect(flash().attribute("error", "Отметьте периоды, за которые подаёте отчёт"));
        mvc.perform(multipart("/executions/{id}/reports", record.id()).with(users.page("sonkovo.mouo")).with(csrf())
                        .param("choosing", "true").param("text", "Отчёт за два квартала")
                        .param("periodStart", owed.get(0).start().toString(), owed.get(1).start().toString())
                        .param("version", String.valueOf(record.version())))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("message", "Отчёт принят за 2 периода"));
        // the same periods again: each named, the ticks and the text kept
        mvc.perform(multipart("/executions/{id}/reports", record.id()).with(users.page("sonkovo.mouo")).with(csrf())
                        .param("choosing", "true").param("text", "Ещё раз")
                        .param("periodStart", owed.get(0).start().toString())
                        .param("version", String.valueOf(executions.get(Scope.all(), record.id()).version())))
                .andExpect(flash().attribute("periodErrors", hasSize(1)))
                .andExpect(flash().attribute("draftReport", "Ещё раз"));
        assertThat(jdbc.queryForObject("select count(*) from execution_report where execution_id = ?", Long.class, record.id()))
                .isEqualTo(2);
    }

    // ---- one status for several records

    @Test
    void anOfficerSetsOneStatusOnSeveralRecordsAndEachHasItsHistory() throws Exception {
        Records r = municipalRecords();
        String body = mvc.perform(post("/api/v1/executions/bulk").with(api("sonkovo.mouo"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"items\":[" + item(r.first) + "," + item(r.second) + "],\"status\":\"DONE\","
                                + "\"report\":\"Приказы изданы\",\"evidenceUrl\":\"https://sonkovo.example.ru/prikaz\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.updated").value(2))
                .andExpect(jsonPath("$.items[0].id").value(r.first.id()))
                .andExpect(jsonPath("$.items[0].status").value("DONE"))
                .andExpect(jsonPath("$.items[1].report").value("Приказы изданы"))
                .andReturn().getResponse().getContentAsString();
        assertThat(body).contains("\"version\":" + (r.second.version() + 1));
        for (ExecutionRecord record : List.of(r.first, r.second)) {
            ExecutionRecord done = executions.get(Scope.all(), record.id());
            assertThat(done.status()).isEqualTo(ExecutionStatus.DONE);
            assertThat(done.completedAt()).isNotNull();
            assertThat(done.evidenceUrl()).isEqualTo("https://sonkovo.example.ru/prikaz");
            assertThat(done.updatedBy()).isEqualTo("sonkovo.mouo");
            HistoryEntry entry = executions.history(Scope.all(), record.id()).getFirst();
            assertThat(entry.username()).isEqualTo("sonkovo.mouo");
            assertThat(entry.changes()).anySatisfy(c -> {
                assertThat(c.field()).isEqualTo("Статус");
                assertThat(c.after()).isEqualTo("Выполнено");
            });
        }
    }

    @Test
    void oneRecordThatMayNotTakeTheStatusRefusesTheBatchWithEachRecordNamed() throws Exception {
        Records r = municipalRecords();
        mvc.perform(post("/api/v1/executions/bulk").with(api("sonkovo.mouo"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"items\":[" + item(r.first) + "," + item(r.ongoing) + "," + item(r.school) + "],"
                                + "\"status\":\"DONE\",\"report\":\"Сделано\"}"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.detail").value(containsString("Статус не изменён ни у одного поручения: 2 поручения нельзя изменить")))
                .andExpect(jsonPath("$.errors", hasSize(2)))
                .andExpect(jsonPath("$.errors[0].id").value(r.ongoing.id()))
                .andExpect(jsonPath("$.errors[0].message").value(containsString("не закрывается")))
                .andExpect(jsonPath("$.errors[0].label").value(containsString("№ 3 «")))
                .andExpect(jsonPath("$.errors[1].id").value(r.school.id()))
                .andExpect(jsonPath("$.errors[1].message").value(containsString("отчитывается сама ответственная организация")));
        // nothing written, not even the record that alone would have been fine
        assertThat(executions.get(Scope.all(), r.first.id()).status()).isEqualTo(ExecutionStatus.NOT_STARTED);
        assertThat(executions.get(Scope.all(), r.first.id()).version()).isEqualTo(r.first.version());
        assertThat(executions.history(Scope.all(), r.first.id())).isEmpty();

        // «не выполнено» without a reason is refused for each record
        mvc.perform(post("/api/v1/executions/bulk").with(api("sonkovo.mouo"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"items\":[" + item(r.first) + "," + item(r.second) + "],\"status\":\"NOT_DONE\"}"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[*].message", hasSize(2)))
                .andExpect(jsonPath("$.errors[1].message").value("Укажите причину, по которой поручение не выполнено"));
    }

    @Test
    void aRecordChangedSinceItWasReadRefusesTheBatchAsAConflict() throws Exception {
        Records r = municipalRecords();
        executions.update(meetingFixtures.user("sonkovo.mouo"), r.second.id(),
                new ExecutionManagement.Update(ExecutionStatus.IN_PROGRESS, "Начато коллегой", null, null, null, r.second.version()));
        mvc.perform(post("/api/v1/executions/bulk").with(api("sonkovo.mouo"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"items\":[" + item(r.first) + "," + item(r.second) + "],\"status\":\"DONE\",\"report\":\"Готово\"}"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.errors", hasSize(1)))
                .andExpect(jsonPath("$.errors[0].id").value(r.second.id()))
                .andExpect(jsonPath("$.errors[0].message").value(containsString("изменил другой пользователь")));
        assertThat(executions.get(Scope.all(), r.first.id()).status()).isEqualTo(ExecutionStatus.NOT_STARTED);
        assertThat(jdbc.queryForObject("select report from execution where id = ?", String.class, r.second.id()))
                .isEqualTo("Начато коллегой");
    }

    @Test
    void anotherMunicipalitysRecordInTheBatchIsNotFoundAndNothingIsWritten() throws Exception {
        Records r = municipalRecords();
        ExecutionRecord kalinin = meetingFixtures.execution(r.meeting, "1", fixtures.org("Калининский муниципальный округ"));
        mvc.perform(post("/api/v1/executions/bulk").with(api("sonkovo.mouo"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"items\":[" + item(r.first) + "," + item(kalinin) + "],\"status\":\"IN_PROGRESS\",\"report\":\"Начато\"}"))
                .andExpect(status().isNotFound());
        assertThat(executions.get(Scope.all(), r.first.id()).status()).isEqualTo(ExecutionStatus.NOT_STARTED);
        assertThat(executions.get(Scope.all(), kalinin.id()).status()).isEqualTo(ExecutionStatus.NOT_STARTED);

        // on the page too
        mvc.perform(post("/executions/bulk").with(users.page("sonkovo.mouo")).with(csrf())
                        .param("ids", String.valueOf(r.first.id()), String.valueOf(kalinin.id()))
                        .param("versions", r.first.id() + ":" + r.first.version(), kalinin.id() + ":" + kalinin.version())
                        .param("status", "IN_PROGRESS"))
                .andExpect(status().isNotFound());
        assertThat(executions.get(Scope.all(), r.first.id()).status()).isEqualTo(ExecutionStatus.NOT_STARTED);
    }

    @Test
    void aBatchIsCappedAndNeedsRecordsAndAStatus() throws Exception {
        String items = IntStream.rangeClosed(1, ExecutionManagement.BULK_LIMIT + 1)
                .mapToObj(i -> "{\"id\":" + i + ",\"version\":0}").collect(Collectors.joining(","));
        mvc.perform(post("/api/v1/executions/bulk").with(api("sonkovo.mouo"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"items\":[" + items + "],\"status\":\"DONE\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value(
                        "За один раз можно изменить не более 500 поручений, а отмечено 501: разделите их на несколько частей"));
        mvc.perform(post("/api/v1/executions/bulk").with(api("sonkovo.mouo"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"items\":[],\"status\":\"DONE\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value("Отметьте поручения, которым нужно установить статус"));
        Records r = municipalRecords();
        mvc.perform(post("/api/v1/executions/bulk").with(api("sonkovo.mouo"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"items\":[" + item(r.first) + "]}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value("Выберите статус, который нужно установить"));
    }

    @Test
    void theListGivesBoxesToTheOfficersOwnRecordsAndTheBatchComesBackToTheFilteredList() throws Exception {
        Records r = municipalRecords();
        String list = mvc.perform(get("/executions").param("meetingId", String.valueOf(r.meeting.id()))
                        .param("q", "Сонковский").with(users.page("sonkovo.mouo")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(list).contains("id=\"bulk-status-form\"", "id=\"bulk-status\"", "id=\"bulk-apply\"", "id=\"bulk-select-all\"",
                "name=\"ids\" value=\"" + r.first.id() + "\"", "name=\"ids\" value=\"" + r.second.id() + "\"",
                "value=\"" + r.first.id() + ":" + r.first.version() + "\"");
        // the school's record is in the list, but it is the school's to report on
        String schoolList = mvc.perform(get("/executions").param("meetingId", String.valueOf(r.meeting.id()))
                        .param("orgUnitId", String.valueOf(r.school.orgUnit().id())).with(users.page("sonkovo.mouo")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(schoolList).contains("data-execution=\"" + r.school.id() + "\"").doesNotContain("name=\"ids\"", "bulk-status-form");
        // regional staff report on none of these
        mvc.perform(get("/executions").param("meetingId", String.valueOf(r.meeting.id())).with(users.page("tver.coko")))
                .andExpect(content().string(org.hamcrest.Matchers.not(containsString("bulk-status-form"))));

        String back = "meetingId=" + r.meeting.id() + "&q=%D0%A1%D0%BE%D0%BD%D0%BA%D0%BE%D0%B2%D1%81%D0%BA%D0%B8%D0%B9";
        // refused: the errors above the list, the ticks kept, the filters still applied
        mvc.perform(post("/executions/bulk").with(users.page("sonkovo.mouo")).with(csrf())
                        .param("ids", String.valueOf(r.first.id()), String.valueOf(r.ongoing.id()))
                        .param("versions", r.first.id() + ":" + r.first.version(), r.second.id() + ":" + r.second.version(),
                                r.ongoing.id() + ":" + r.ongoing.version())
                        .param("status", "DONE").param("report", "Сделано").param("back", back + "&evil=https://example.org"))
                .andExpect(redirectedUrl("/executions?q=%D0%A1%D0%BE%D0%BD%D0%BA%D0%BE%D0%B2%D1%81%D0%BA%D0%B8%D0%B9&meetingId=" + r.meeting.id()))
                .andExpect(flash().attribute("bulkErrors", hasSize(1)))
                .andExpect(flash().attribute("bulkReport", "Сделано"));
        assertThat(executions.get(Scope.all(), r.first.id()).status()).isEqualTo(ExecutionStatus.NOT_STARTED);

        mvc.perform(post("/executions/bulk").with(users.page("sonkovo.mouo")).with(csrf())
                        .param("ids", String.valueOf(r.first.id()), String.valueOf(r.second.id()))
                        .param("versions", r.first.id() + ":" + r.first.version(), r.second.id() + ":" + r.second.version())
                        .param("status", "IN_PROGRESS").param("report", "Начато").param("back", back))
                .andExpect(redirectedUrl("/executions?q=%D0%A1%D0%BE%D0%BD%D0%BA%D0%BE%D0%B2%D1%81%D0%BA%D0%B8%D0%B9&meetingId=" + r.meeting.id()))
                .andExpect(flash().attribute("message", "Установлен статус «В работе» для 2 поручений"));
        assertThat(executions.get(Scope.all(), r.second.id()).status()).isEqualTo(ExecutionStatus.IN_PROGRESS);
    }

    // ---- fixtures

    /** Records of a fresh regional meeting: two one-off ones and an ongoing one of Сонковский, and a school's. */
    record Records(MeetingView meeting, ExecutionRecord first, ExecutionRecord second, ExecutionRecord ongoing,
                   ExecutionRecord school) {
    }

    private Records municipalRecords() {
        CurrentUser staff = meetingFixtures.user("tver.coko");
        LocalDate today = LocalDate.now(TVER);
        MeetingForm form = new MeetingForm();
        form.setKind(MeetingKind.MEETING);
        form.setTitle(Fixtures.unique("Совещание о приказах"));
        form.setDate(today);
        List<DecisionForm> decisions = new ArrayList<>();
        decisions.add(decision("1", "Издать приказ об объективности ВПР.", "руководители МОУО", DeadlineKind.BY_DATE, today.plusDays(20)));
        decisions.add(decision("2", "Назначить муниципальных координаторов.", "руководители МОУО", DeadlineKind.BY_DATE, today.plusDays(30)));
        decisions.add(decision("3", "Обеспечивать присутствие наблюдателей.", "руководители МОУО", DeadlineKind.ONGOING, null));
        decisions.add(decision("4", "Провести педсоветы по итогам ВПР.", "руководители ОО: Сонковского", DeadlineKind.BY_DATE, today.plusDays(20)));
        MeetingView meeting = meetings.sign(staff, meetings.createWithContent(staff, form, List.of(), decisions).id(), null);
        var sonkovo = fixtures.org("Сонковский муниципальный округ");
        return new Records(meeting, meetingFixtures.execution(meeting, "1", sonkovo), meetingFixtures.execution(meeting, "2", sonkovo),
                meetingFixtures.execution(meeting, "3", sonkovo),
                meetingFixtures.execution(meeting, "4", fixtures.org("МОУ «Берёзовская СОШ»")));
    }

    /** Сонковский's record of an ongoing (quarterly) decision of a protocol signed the given number of months ago. */
    private ExecutionRecord ongoingRecordSignedMonthsAgo(int months) {
        CurrentUser staff = meetingFixtures.user("tver.coko");
        LocalDate signed = LocalDate.now(TVER).minusMonths(months);
        MeetingForm form = new MeetingForm();
        form.setKind(MeetingKind.MEETING);
        form.setTitle(Fixtures.unique("Совещание об объективности"));
        form.setDate(signed);
        MeetingView draft = meetings.createWithContent(staff, form, List.of(), List.of(
                decision("1", "Ежеквартально проверять объективность ВПР.", "руководители МОУО", DeadlineKind.ONGOING, null)));
        clock.set(signed.atTime(12, 0).atZone(TVER).toInstant());
        MeetingView meeting = meetings.sign(staff, draft.id(), null);
        clock.reset();
        return meetingFixtures.execution(meeting, "1", fixtures.org("Сонковский муниципальный округ"));
    }

    /** The periods that have begun without a report, oldest first. */
    private List<PeriodRow> owed(ExecutionRecord record) {
        return executions.periods(Scope.all(), record.id()).reversed().stream().filter(p -> p.report() == null).toList();
    }

    private static String item(ExecutionRecord record) {
        return "{\"id\":" + record.id() + ",\"version\":" + record.version() + "}";
    }

    private static DecisionForm decision(String number, String text, String responsible, DeadlineKind kind, LocalDate due) {
        DecisionForm form = new DecisionForm();
        form.setNumber(number);
        form.setText(text);
        form.setResponsibleText(responsible);
        form.setDeadlineText(kind == DeadlineKind.ONGOING ? "постоянно" : "до " + Formats.DATE.format(due));
        form.setDeadlineKind(kind);
        form.setDueDate(due);
        return form;
    }
}
