package ru.rsoko.results.signs;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import ru.rsoko.access.CurrentUser;
import ru.rsoko.objectivity.ListKind;
import ru.rsoko.platform.audit.HistoryTable;
import ru.rsoko.platform.spreadsheet.XlsxDownload;
import ru.rsoko.platform.spreadsheet.XlsxTable;
import ru.rsoko.platform.web.ConcurrentEditException;
import ru.rsoko.platform.web.Formats;
import ru.rsoko.platform.web.RuleViolationException;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The rules' page, and the review of the flags into the year's lists: signs of non-objectivity and ШНОР candidates.
 * Everyone of the region reads them within their scope; regional staff change the rules and give the verdicts.
 */
@Controller
class SignsController {

    private final RuleService rules;
    private final ReviewService reviews;
    private final ObjectivitySigns signs;
    private final Formats formats;

    SignsController(RuleService rules, ReviewService reviews, ObjectivitySigns signs, Formats formats) {
        this.rules = rules;
        this.reviews = reviews;
        this.signs = signs;
        this.formats = formats;
    }

    // ---- rules

    @GetMapping("/results/rules")
    String rules(@AuthenticationPrincipal CurrentUser user, Model model) {
        RuleService.RulesPage page = rules.page(user);
        return rulesPage(user, page, RulesInput.of(page.setting().rules()), page.setting().version(), null, model);
    }

    @PostMapping("/results/rules")
    String saveRules(@AuthenticationPrincipal CurrentUser user, @RequestParam Map<String, String> params,
                     Model model, RedirectAttributes redirect) {
        RuleService.requireKeeper(user);
        RulesInput input = RulesInput.from(params);
        Long version = RulesInput.longOrNull(params.get("version"));
        try {
            rules.update(user, input.rules(), version);
            redirect.addFlashAttribute("message", "Правила сохранены");
            return "redirect:/results/rules";
        } catch (RuleViolationException | ConcurrentEditException e) {
            if (e instanceof RuleViolationException r && r.kind() == RuleViolationException.Kind.FORBIDDEN) {
                throw r;
            }
            return rulesPage(user, rules.page(user), input, version, e, model);
        }
    }

    @GetMapping("/results/rules/history.xlsx")
    void rulesHistory(@AuthenticationPrincipal CurrentUser user, HttpServletResponse response) throws IOException {
        try (OutputStream out = XlsxDownload.start(response, "История правил признаков необъективности и ШНОР.xlsx")) {
            HistoryTable.write(out, rules.history(user), formats);
        }
    }

    private String rulesPage(CurrentUser user, RuleService.RulesPage page, RulesInput input, Long version,
                             RuntimeException error, Model model) {
        RuleService.Setting setting = page.setting();
        model.addAttribute("setting", setting);
        model.addAttribute("wordings", setting.rules().wordings());
        model.addAttribute("fields", input.fields());
        model.addAttribute("version", version);
        model.addAttribute("canEdit", RuleService.keeps(user) && user.regionId() != null);
        model.addAttribute("history", page.history());
        if (error != null) {
            model.addAttribute("error", error.getMessage());
            model.addAttribute("errorField", error instanceof RuleViolationException r ? r.field() : null);
        }
        return "results/signs/rules";
    }

    /** The thresholds as typed: «2,5» and «2.5» both read. */
    record RulesInput(String minParticipants, String topMarkFactor, String topMarkMargin, String raisedShare,
                      String loweredShare, String recheckDiscrepancyShare, String recheckMinWorks, String yearJump,
                      String lowFailShare, String lowSubjects, String lowBottomShare, String lowYears) {

        record Field(String name, String label, String value) {
        }

        List<Field> fields() {
            return List.of(new Field("minParticipants", "Мин. число участников", minParticipants),
                    new Field("topMarkFactor", "Доля «5»: во сколько раз выше региона", topMarkFactor),
                    new Field("topMarkMargin", "Доля «5»: на сколько п. п. выше региона", topMarkMargin),
                    new Field("raisedShare", "Доля «повысили», %", raisedShare),
                    new Field("loweredShare", "Доля «понизили», %", loweredShare),
                    new Field("recheckDiscrepancyShare", "Расхождения при перепроверке, %", recheckDiscrepancyShare),
                    new Field("recheckMinWorks", "Мин. число перепроверенных работ", recheckMinWorks),
                    new Field("yearJump", "Скачок доли «4» и «5», п. п.", yearJump),
                    new Field("lowFailShare", "ШНОР: доля «2», %", lowFailShare),
                    new Field("lowSubjects", "ШНОР: число предметов", lowSubjects),
                    new Field("lowBottomShare", "ШНОР: доля худших школ региона, %", lowBottomShare),
                    new Field("lowYears", "ШНОР: лет подряд", lowYears));
        }

        static RulesInput of(Rules r) {
            return new RulesInput(String.valueOf(r.minParticipants()), Rules.number(r.topMarkFactor()),
                    Rules.number(r.topMarkMargin()), Rules.number(r.raisedShare()), Rules.number(r.loweredShare()),
                    Rules.number(r.recheckDiscrepancyShare()), String.valueOf(r.recheckMinWorks()), Rules.number(r.yearJump()),
                    Rules.number(r.lowFailShare()), String.valueOf(r.lowSubjects()), Rules.number(r.lowBottomShare()),
                    String.valueOf(r.lowYears()));
        }

        static RulesInput from(Map<String, String> p) {
            return new RulesInput(p.get("minParticipants"), p.get("topMarkFactor"), p.get("topMarkMargin"),
                    p.get("raisedShare"), p.get("loweredShare"), p.get("recheckDiscrepancyShare"), p.get("recheckMinWorks"),
                    p.get("yearJump"), p.get("lowFailShare"), p.get("lowSubjects"), p.get("lowBottomShare"), p.get("lowYears"));
        }

        Rules rules() {
            return new Rules(integer("minParticipants", minParticipants), decimal("topMarkFactor", topMarkFactor),
                    decimal("topMarkMargin", topMarkMargin), decimal("raisedShare", raisedShare),
                    decimal("loweredShare", loweredShare), decimal("recheckDiscrepancyShare", recheckDiscrepancyShare),
                    integer("recheckMinWorks", recheckMinWorks), decimal("yearJump", yearJump),
                    decimal("lowFailShare", lowFailShare), integer("lowSubjects", lowSubjects),
                    decimal("lowBottomShare", lowBottomShare), integer("lowYears", lowYears));
        }

        private static int integer(String field, String text) {
            try {
                return Integer.parseInt(text == null ? "" : text.strip());
            } catch (NumberFormatException e) {
                throw RuleViolationException.field(field, "Введите целое число: «" + (text == null ? "" : text.strip()) + "» — не число");
            }
        }

        private static BigDecimal decimal(String field, String text) {
            String t = text == null ? "" : text.strip().replace(',', '.').replace(" ", "");
            try {
                if (t.length() > 20) {
                    throw new NumberFormatException();
                }
                return new BigDecimal(t);
            } catch (NumberFormatException e) {
                throw RuleViolationException.field(field, "Введите число, например 2 или 15,5");
            }
        }

        static Long longOrNull(String text) {
            try {
                return text == null || text.isBlank() ? null : Long.valueOf(text.strip());
            } catch (NumberFormatException e) {
                return null;
            }
        }
    }

    // ---- the review of the flags

    @GetMapping("/objectivity/signs")
    String signs(@AuthenticationPrincipal CurrentUser user, @RequestParam(required = false) Integer year, Model model) {
        return reviewPage(user, year, ListKind.NON_OBJECTIVE, model);
    }

    @GetMapping("/low-results/candidates")
    String candidates(@AuthenticationPrincipal CurrentUser user, @RequestParam(required = false) Integer year, Model model) {
        return reviewPage(user, year, ListKind.LOW_RESULTS, model);
    }

    @GetMapping("/objectivity/signs.xlsx")
    void signsXlsx(@AuthenticationPrincipal CurrentUser user, @RequestParam(required = false) Integer year,
                   HttpServletResponse response) throws IOException {
        int y = year(user, year);
        List<SignRow> rows = new ArrayList<>();
        for (ReviewService.Item item : reviews.items(user, y, ListKind.NON_OBJECTIVE)) {
            if (item.flags().isEmpty()) {
                rows.add(new SignRow(item, null, null));
            }
            for (ObjectivitySigns.Flag f : item.flags()) {
                for (ObjectivitySigns.Sign s : f.signs()) {
                    rows.add(new SignRow(item, f, s));
                }
            }
        }
        XlsxTable<SignRow> table = XlsxTable.of("Признаки необъективности", SignRow.class)
                .column("Год", 8, r -> y)
                .column("Код ОО", 10, r -> r.item().school().id())
                .column("Школа", 50, r -> r.item().school().name())
                .column("Муниципалитет", 30, r -> r.item().school().municipalityName())
                .column("Предмет", 20, r -> r.flag() == null ? null : r.flag().subject().label())
                .column("Класс", 8, r -> r.flag() == null ? null : r.flag().grade())
                .column("Правило", 28, r -> r.sign() == null ? null : r.sign().rule().label())
                .column("Значение, %", 12, r -> r.sign() == null ? null : r.sign().value())
                .column("Сравнение, %", 12, r -> r.sign() == null ? null : r.sign().regionValue())
                .column("Признак", 70, r -> r.sign() == null ? null : r.sign().text())
                .column("Решение", 20, r -> r.item().review() == null ? null : r.item().review().verdict().label())
                .column("Комментарий", 40, r -> r.item().review() == null ? null : r.item().review().comment())
                .column("В списке", 10, r -> r.item().listed() ? "да" : "нет");
        try (OutputStream out = XlsxDownload.start(response, "Признаки необъективности " + y + ".xlsx")) {
            table.zone(formats.zone()).write(out, rows);
        }
    }

    record SignRow(ReviewService.Item item, ObjectivitySigns.Flag flag, ObjectivitySigns.Sign sign) {
    }

    @GetMapping("/low-results/candidates.xlsx")
    void candidatesXlsx(@AuthenticationPrincipal CurrentUser user, @RequestParam(required = false) Integer year,
                        HttpServletResponse response) throws IOException {
        int y = year(user, year);
        XlsxTable<ReviewService.Item> table = XlsxTable.of("Кандидаты в ШНОР", ReviewService.Item.class)
                .column("Год", 8, r -> y)
                .column("Код ОО", 10, r -> r.school().id())
                .column("Школа", 50, r -> r.school().name())
                .column("Муниципалитет", 30, r -> r.school().municipalityName())
                .column("Основания", 90, r -> String.join("\n", r.reasons()))
                .column("Решение", 20, r -> r.review() == null ? null : r.review().verdict().label())
                .column("Комментарий", 40, r -> r.review() == null ? null : r.review().comment())
                .column("В списке", 10, r -> r.listed() ? "да" : "нет");
        try (OutputStream out = XlsxDownload.start(response, "Кандидаты в ШНОР " + y + ".xlsx")) {
            table.zone(formats.zone()).write(out, reviews.items(user, y, ListKind.LOW_RESULTS));
        }
    }

    @PostMapping("/list-reviews/{year}/{kind}/{schoolId}")
    String decide(@AuthenticationPrincipal CurrentUser user, @PathVariable int year, @PathVariable ListKind kind,
                  @PathVariable long schoolId, @RequestParam(required = false) Verdict verdict,
                  @RequestParam(required = false) String comment, @RequestParam(required = false) Long version,
                  RedirectAttributes redirect) {
        try {
            ReviewService.Review review = reviews.decide(user, year, kind, schoolId, verdict, comment, version);
            redirect.addFlashAttribute("message", review.verdict() == Verdict.ACCEPTED
                    ? "Школа включена в список «" + kind.label() + "» " + year + " года"
                    : "Решение сохранено: школа не включена в список «" + kind.label() + "» " + year + " года");
        } catch (RuleViolationException | ConcurrentEditException e) {
            if (e instanceof RuleViolationException r && r.kind() == RuleViolationException.Kind.FORBIDDEN) {
                throw r;
            }
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:" + path(kind) + "?year=" + year + "#school-" + schoolId;
    }

    @GetMapping("/list-reviews/history.xlsx")
    void reviewHistory(@AuthenticationPrincipal CurrentUser user, @RequestParam int year, @RequestParam ListKind kind,
                       HttpServletResponse response) throws IOException {
        RuleService.requireKeeper(user);
        try (OutputStream out = XlsxDownload.start(response, "История решений " + kind.label() + " " + year + ".xlsx")) {
            HistoryTable.write(out, reviews.history(user, year, kind), formats);
        }
    }

    private String reviewPage(CurrentUser user, Integer year, ListKind kind, Model model) {
        if (year != null && (year < 2000 || year > 2100)) {
            throw RuleViolationException.field("year", "Укажите год (например, 2021)");
        }
        ReviewService.ReviewPage page = reviews.page(user, year, kind, formats.today().getYear());
        model.addAttribute("year", page.year());
        model.addAttribute("years", page.years());
        model.addAttribute("kind", kind);
        model.addAttribute("items", page.items());
        model.addAttribute("path", path(kind));
        model.addAttribute("xlsx", path(kind) + ".xlsx?year=" + page.year());
        model.addAttribute("canEdit", RuleService.keeps(user));
        model.addAttribute("history", page.history());
        return "results/signs/review";
    }

    static String path(ListKind kind) {
        return kind == ListKind.NON_OBJECTIVE ? "/objectivity/signs" : "/low-results/candidates";
    }

    private int year(CurrentUser user, Integer year) {
        if (year != null) {
            if (year < 2000 || year > 2100) {
                throw RuleViolationException.field("year", "Укажите год (например, 2021)");
            }
            return year;
        }
        List<Integer> years = signs.years(user);
        return years.isEmpty() ? formats.today().getYear() : years.getFirst();
    }
}
