package ru.rsoko.meeting.domain;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import ru.rsoko.access.CurrentUser;
import ru.rsoko.meeting.MeetingKind;
import ru.rsoko.platform.demo.DemoCalendar;
import ru.rsoko.platform.demo.DemoDataSet;
import ru.rsoko.platform.docx.RussianDates;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

/**
 * A recent Tver seminar of the live demo year: held three weeks before today (by the application's clock, in the region's
 * zone), its protocol signed two days later through {@link MeetingManagement}, so that execution makes its records on
 * {@code ProtocolSigned} as for any protocol. Its decisions fall due a week and three days ago (some records are now
 * overdue), and in three and four weeks; one is ongoing. The deadlines are worded as protocols word them («до 25 ноября
 * … года») and parsed like any other.
 */
@Component
class MeetingCurrentYearDemoData implements DemoDataSet {

    /** The title the execution demo set finds the seminar by. */
    static final String TITLE = "Итоги всероссийских проверочных работ и задачи региональной системы оценки качества образования до конца года";

    private final MeetingDemoData seeds;
    private final MeetingManagement meetings;
    private final JdbcTemplate jdbc;
    private final Clock clock;

    MeetingCurrentYearDemoData(MeetingDemoData seeds, MeetingManagement meetings, JdbcTemplate jdbc, Clock clock) {
        this.seeds = seeds;
        this.meetings = meetings;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public String name() {
        return "meetings-current-year";
    }

    @Override
    public int order() {
        return 66;
    }

    @Override
    public void load() {
        List<Map<String, Object>> regions = jdbc.queryForList(
                "select time_zone from directory_org_unit where type = 'REGION' and name = 'Тверская область'");
        if (regions.isEmpty()) {
            return;
        }
        DemoCalendar calendar = DemoCalendar.of(clock, ZoneId.of((String) regions.getFirst().get("time_zone")));
        seeds.as("tver.coko", user -> seminar(user, calendar));
    }

    private void seminar(CurrentUser user, DemoCalendar calendar) {
        MeetingForm form = new MeetingForm();
        form.setKind(MeetingKind.SEMINAR_MEETING);
        form.setTitle(TITLE);
        form.setDate(calendar.day(-21));
        form.setStartTime(LocalTime.of(10, 0));
        form.setVideoLink("https://example.tver.ru/vks");
        form.setChair("Смирнова Ольга Николаевна - директор ГБУ ТО ЦОКО");
        form.setParticipants(String.join("\n",
                "специалисты муниципальных органов управления образованием (далее – МОУО)",
                "координаторы проведения оценочных процедур",
                "руководители образовательных организаций (далее – ОО)"));
        form.setMunicipalitiesConnected(5);
        List<AgendaItemForm> agenda = List.of(
                MeetingDemoData.item("1", "Итоги всероссийских проверочных работ " + calendar.year() + " года в Тверской области.",
                        "Григорьева Светлана Михайловна, заместитель директора ГБУ ТО ЦОКО"),
                MeetingDemoData.item("2", "О ходе исследования эффективности внутренних систем оценки качества образования.",
                        "Смирнова Ольга Николаевна, директор ГБУ ТО ЦОКО"),
                MeetingDemoData.item("3", "Об участии общественных наблюдателей в региональных оценочных процедурах.",
                        "Начальник отдела оценки качества образования ГБУ ТО ЦОКО"));
        List<DecisionForm> decisions = List.of(
                MeetingDemoData.decision("1", "Направить в ГБУ ТО ЦОКО муниципальный анализ результатов ВПР с мерами по "
                        + "работе с ОО, показавшими низкие результаты.", "руководители МОУО", until(calendar.day(-7))),
                MeetingDemoData.decision("2", "Провести заседания школьных методических объединений по итогам ВПР и внести "
                        + "изменения в рабочие программы.", "руководители ОО", until(calendar.day(-3))),
                MeetingDemoData.decision("3", "Завершить самооценку ВСОКО и направить её на экспертизу в установленные сроки.",
                        "руководители ОО", until(calendar.day(21))),
                MeetingDemoData.decision("4", "Подготовить аналитическую справку о муниципальных механизмах управления "
                        + "качеством образования.", "ГБУ ТО ЦОКО", until(calendar.day(30))),
                MeetingDemoData.decision("5", "Обеспечивать присутствие общественных наблюдателей при проведении региональных "
                        + "оценочных процедур.", "руководители МОУО", "постоянно"));
        MeetingView meeting = meetings.createWithContent(user, form, agenda, decisions);
        meetings.signAsOf(user, meeting.id(), null, calendar.day(-19));
    }

    /** «до 25 ноября 2026 года», as protocols word a date. */
    static String until(LocalDate day) {
        return "до " + RussianDates.longDate(day);
    }
}
