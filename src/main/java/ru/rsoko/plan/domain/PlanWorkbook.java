package ru.rsoko.plan.domain;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import ru.rsoko.access.CurrentUser;
import ru.rsoko.plan.Participants;
import ru.rsoko.plan.Plan;
import ru.rsoko.plan.Procedure;
import ru.rsoko.platform.spreadsheet.XlsxTable;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A plan-schedule as a workbook: one row per procedure, dates as real Excel dates. The import reads exactly this
 * layout, so a plan exported and imported again is the same plan; the export is the template of the import.
 */
@Component
public class PlanWorkbook {

    static final String SHEET = "План-график";
    static final String ALL_SCHOOLS = "Все ОО";
    static final String SEPARATOR = "; ";

    public static final List<String> HEADERS = List.of("ID", "№", "Вид процедуры", "Название", "Начало", "Окончание", "Классы",
            "Предметы", "Участники", "Ответственный", "Общественные наблюдатели", "Целевой охват, %", "Состояние",
            "Дата выполнения", "Новое начало", "Новое окончание", "Причина отмены", "Итоги");
    static final int ID = 0, NUMBER = 1, TYPE = 2, TITLE = 3, START = 4, END = 5, GRADES = 6, SUBJECTS = 7,
            PARTICIPANTS = 8, RESPONSIBLE = 9, OBSERVERS = 10, COVERAGE = 11, STATUS = 12, DONE_ON = 13,
            MOVED_START = 14, MOVED_END = 15, CANCEL_REASON = 16, RESULTS = 17;

    /** An organisation of the region as the workbook names it. */
    record Unit(long id, String name, String type, String municipality) {
    }

    /**
     * The region's municipalities, schools and institutions by the names the workbook uses: a school whose name
     * another school of the region shares is written «name (municipality)».
     */
    record Units(List<Unit> all, Map<Long, String> labels) {

        String label(long id) {
            return labels.getOrDefault(id, "ID " + id);
        }

        /** The units a name in the workbook stands for: its label, or its plain name. */
        List<Unit> find(String name, List<String> types) {
            String key = key(name);
            List<Unit> byLabel = all.stream().filter(u -> types.contains(u.type()) && key(labels.get(u.id())).equals(key)).toList();
            return byLabel.isEmpty()
                    ? all.stream().filter(u -> types.contains(u.type()) && key(u.name()).equals(key)).toList()
                    : byLabel;
        }
    }

    private record Line(int number, Procedure p) {
    }

    private final PlanAccessService access;
    private final ProcedureRepository procedures;
    private final JdbcTemplate jdbc;

    PlanWorkbook(PlanAccessService access, ProcedureRepository procedures, JdbcTemplate jdbc) {
        this.access = access;
        this.procedures = procedures;
        this.jdbc = jdbc;
    }

    public static String fileName(Plan plan) {
        return "План-график " + plan.year() + (plan.isDraft() ? " (проект)" : "") + ".xlsx";
    }

    /** Writes the plan the user sees; anything else is «not found». */
    @Transactional(readOnly = true)
    public void write(CurrentUser user, long planId, OutputStream out) throws IOException {
        PlanEntity plan = access.planEntity(user, planId);
        Units units = units(plan.getRegionId());
        List<Line> lines = new ArrayList<>();
        for (ProcedureEntity p : procedures.findByPlan(plan.getId())) {
            lines.add(new Line(lines.size() + 1, p.view()));
        }
        table(units).write(out, lines);
    }

    private static XlsxTable<Line> table(Units units) {
        return XlsxTable.of(SHEET, Line.class)
                .column(HEADERS.get(ID), 8, l -> l.p().id())
                .column(HEADERS.get(NUMBER), 5, Line::number)
                .column(HEADERS.get(TYPE), 30, l -> l.p().typeName())
                .column(HEADERS.get(TITLE), 50, l -> l.p().title())
                .column(HEADERS.get(START), 12, l -> l.p().periodStart())
                .column(HEADERS.get(END), 12, l -> l.p().periodEnd())
                .column(HEADERS.get(GRADES), 10, l -> blankToNull(l.p().gradesText()))
                .column(HEADERS.get(SUBJECTS), 25, l -> l.p().subjects())
                .column(HEADERS.get(PARTICIPANTS), 40, l -> participants(l.p(), units))
                .column(HEADERS.get(RESPONSIBLE), 30, l -> l.p().responsibleId() == null ? null : units.label(l.p().responsibleId()))
                .column(HEADERS.get(OBSERVERS), 14, l -> l.p().observersRequired())
                .column(HEADERS.get(COVERAGE), 10, l -> l.p().coverageTarget())
                .column(HEADERS.get(STATUS), 16, l -> l.p().status().label())
                .column(HEADERS.get(DONE_ON), 12, l -> l.p().doneOn())
                .column(HEADERS.get(MOVED_START), 12, l -> l.p().movedStart())
                .column(HEADERS.get(MOVED_END), 12, l -> l.p().movedEnd())
                .column(HEADERS.get(CANCEL_REASON), 30, l -> l.p().cancelReason())
                .column(HEADERS.get(RESULTS), 50, l -> l.p().resultsSummary());
    }

    static String participants(Procedure p, Units units) {
        if (p.participants() == Participants.ALL_SCHOOLS) {
            return ALL_SCHOOLS;
        }
        return p.participantIds().stream().map(units::label).sorted().collect(Collectors.joining(SEPARATOR));
    }

    /** Every organisation of the region, inactive ones too: an old plan still names them. */
    Units units(long regionId) {
        List<Unit> all = jdbc.query("""
                        select u.id, u.name, u.type, m.name from directory_org_unit u left join directory_org_unit m on m.id = u.municipality_id
                        where u.region_id = ? or u.id = ?""",
                (rs, i) -> new Unit(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4)), regionId, regionId);
        Map<String, Long> schoolNames = all.stream().filter(u -> "SCHOOL".equals(u.type()))
                .collect(Collectors.groupingBy(u -> key(u.name()), Collectors.counting()));
        Map<Long, String> labels = new HashMap<>();
        for (Unit u : all) {
            boolean shared = "SCHOOL".equals(u.type()) && schoolNames.get(key(u.name())) > 1 && u.municipality() != null;
            labels.put(u.id(), shared ? u.name() + " (" + u.municipality() + ")" : u.name());
        }
        return new Units(all, labels);
    }

    static String key(String text) {
        return text == null ? "" : text.strip().replaceAll("\\s+", " ").replace('ё', 'е').replace('Ё', 'Е').toLowerCase(Locale.ROOT);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
