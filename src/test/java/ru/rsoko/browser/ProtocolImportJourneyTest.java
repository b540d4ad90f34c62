package ru.rsoko.browser;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import ru.rsoko.support.Fixtures;
import ru.rsoko.support.IntegrationTest;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static ru.rsoko.browser.Browser.button;
import static ru.rsoko.browser.Browser.navLink;

/**
 * The regional centre has the protocol as a document: it pastes the text, checks the draft the system made of it,
 * corrects a slip in a decision and creates the meeting without retyping anything.
 */
@IntegrationTest
class ProtocolImportJourneyTest {

    @RegisterExtension
    static final Browser browser = new Browser();

    static final String DECISION_1 = "Активизировать работу по использованию электронного банка тренировочных заданий "
            + "по оценке функциональной грамотности (https://fg.reshe.edu.ru/).";
    /** As the protocol came: with a slip («естественнонаучой») that the person corrects in the draft. */
    static final String DECISION_2_WITH_SLIP = "Провести анализ имеющихся в муниципальном образовании ресурсов для "
            + "повышения уровня естественнонаучой грамотности обучающихся и принять меры по распространению и "
            + "использованию имеющихся ресурсов муниципальными общеобразовательными организациями.";
    static final String DECISION_2 = DECISION_2_WITH_SLIP.replace("естественнонаучой", "естественнонаучной");
    static final String DECISION_3 = "Организовать систему работы по формированию у педагогов единых подходов к "
            + "оцениванию при проверке работ учащихся процедур оценки качества образования через курсы повышения "
            + "квалификации, обучающие семинары и др.";
    static final String AGENDA_1 = "Вступительное слово. Управление результатами мониторинговых исследований в Томской "
            + "области.";
    static final String SPEAKER_1 = "Вторина Елена Вениаминовна, заместитель начальника Департамента общего образования "
            + "Томской области (далее – ДОО ТО).";
    static final String AGENDA_2 = "Результаты всероссийских проверочных работ как основа формирования методической "
            + "помощи педагогам на уровне образовательной организации.";
    static final String SPEAKER_2 = "Пивоваров Вячеслав Олегович, программист центра мониторинга и оценки качества "
            + "образования ТОИПКРО.";

    /**
     * The protocol of seed 002 shortened to two agenda items and three decisions, otherwise as it is written (the
     * title made unique: the demo data has the original meeting).
     */
    static String protocol(String title) {
        return """
                ПРОТОКОЛ

                Семинара-совещания

                «%s»

                16 апреля 2021 года

                11.00

                г.Томск, ул. Пирогова, 10

                ПРЕДСЕДАТЕЛЬ: Вторина Елена Вениаминовна - заместитель начальника Департамента общего образования Томской области.

                УЧАСТНИКИ:

                руководители органов местного самоуправления, осуществляющих управление в сфере образования (далее – руководители МОУО) (дистанционно);

                руководители общеобразовательных организаций (далее – руководители ОО) (дистанционно).

                ПОВЕСТКА:

                1. %s

                Докладчик – %s

                2. %s

                Докладчик – %s

                РЕШИЛИ:

                1. %s

                Ответственные – руководители ОО.

                Срок – до 31 мая 2021 года.

                2. %s

                Ответственные – руководители МОУО, руководители ОО.

                Срок – до 10 июня 2021 года, далее - постоянно.

                3. %s

                Ответственные – ТОИПКРО; руководители МОУО, руководители ОО.

                Срок – постоянно.



                Е.В. Вторина
                """.formatted(title, AGENDA_1, SPEAKER_1, AGENDA_2, SPEAKER_2, DECISION_1, DECISION_2_WITH_SLIP, DECISION_3);
    }

    @Test
    void aPastedProtocolBecomesADraftThatIsCorrectedAndCreatesTheMeeting() {
        String title = Fixtures.unique("Управление качеством образования в Томской области: от региона к школе");
        browser.loginAs("tomsk.coko");
        browser.clickAndLoad(navLink("Совещания"));
        browser.clickAndLoad(button("Загрузить протокол"));
        assertThat(browser.text(By.tagName("h1"))).isEqualTo("Загрузка протокола");
        browser.paste(By.id("text"), protocol(title));
        browser.clickAndLoad(button("Разобрать протокол"));

        // the draft: the meeting, its agenda and its decisions with what their wording means
        assertThat(browser.text(By.tagName("h1"))).isEqualTo("Черновик мероприятия из протокола");
        assertThat(browser.chosen(By.id("meeting.kind"))).isEqualTo("Семинар-совещание");
        assertThat(browser.value(By.id("meeting.title"))).isEqualTo(title);
        assertThat(browser.value(By.id("meeting.date"))).isEqualTo("16.04.2021");
        assertThat(browser.value(By.id("meeting.chair"))).startsWith("Вторина Елена Вениаминовна");

        assertThat(browser.text(By.xpath("//h2[starts-with(normalize-space(.), 'Повестка:')]"))).isEqualTo("Повестка: 2");
        assertThat(browser.value(By.name("agenda[0].number"))).isEqualTo("1");
        assertThat(browser.value(By.name("agenda[0].title"))).isEqualTo(AGENDA_1);
        assertThat(browser.value(By.name("agenda[0].speakers"))).startsWith("Вторина Елена Вениаминовна");
        assertThat(browser.value(By.name("agenda[1].number"))).isEqualTo("2");
        assertThat(browser.value(By.name("agenda[1].title"))).isEqualTo(AGENDA_2);
        assertThat(browser.value(By.name("agenda[1].speakers"))).startsWith("Пивоваров Вячеслав Олегович");

        assertThat(browser.text(By.xpath("//h2[starts-with(normalize-space(.), 'Решения:')]"))).isEqualTo("Решения: 3");
        assertThat(List.of(browser.value(By.name("decisions[0].text")), browser.value(By.name("decisions[1].text")),
                browser.value(By.name("decisions[2].text")))).containsExactly(DECISION_1, DECISION_2_WITH_SLIP, DECISION_3);
        assertThat(browser.value(By.name("decisions[0].responsibleText"))).isEqualTo("руководители ОО");
        assertThat(browser.value(By.name("decisions[0].deadlineText"))).isEqualTo("до 31 мая 2021 года");
        assertThat(browser.chosen(By.name("decisions[0].deadlineKind"))).isEqualTo("К сроку");
        assertThat(browser.value(By.name("decisions[0].dueDate"))).isEqualTo("31.05.2021");
        assertThat(browser.chosen(By.name("decisions[1].deadlineKind"))).isEqualTo("К сроку, далее постоянно");
        assertThat(browser.value(By.name("decisions[1].dueDate"))).isEqualTo("10.06.2021");
        assertThat(browser.chosen(By.name("decisions[2].deadlineKind"))).isEqualTo("Постоянно");
        List<String> recognised = browser.all(By.cssSelector(".decision-draft .small:not(label)")).stream()
                .map(e -> e.getText().strip()).filter(t -> t.startsWith("→")).toList();
        assertThat(recognised).hasSize(3).noneMatch(line -> line.contains("не распознано"));
        assertThat(recognised.getFirst()).isEqualTo("→ все школы (руководители ОО)");
        assertThat(recognised.get(2)).contains("ТОИПКРО", "все муниципалитеты (руководители МОУО)", "все школы (руководители ОО)");

        // beside each decision, the piece of the protocol it came from, its parties and deadline highlighted
        assertThat(browser.text(By.id("source-summary"))).startsWith("Всё распознано уверенно.");
        assertThat(texts(".decision-source mark.source-deadline"))
                .containsExactly("до 31 мая 2021 года", "до 10 июня 2021 года, далее - постоянно", "постоянно");
        assertThat(texts(".decision-source mark.source-party")).startsWith("руководители ОО", "руководители МОУО");
        assertThat(browser.text(By.cssSelector(".decision-source .source-text"))).startsWith("1. " + DECISION_1)
                .contains("Ответственные – руководители ОО.", "Срок – до 31 мая 2021 года");
        assertThat(texts("#date-source mark.source-date")).containsExactly("16 апреля 2021");

        // the person corrects the slip and creates the meeting
        browser.fill(By.name("decisions[1].text"), DECISION_2);
        browser.clickAndLoad(By.id("create-meeting"));

        assertThat(browser.text(By.cssSelector(".alert-success")))
                .isEqualTo("Мероприятие создано из протокола: проверьте и подпишите протокол");
        assertThat(browser.text(MeetingPages.TITLE)).isEqualTo(title);
        assertThat(browser.text(MeetingPages.STATUS)).isEqualTo("Запланировано");
        assertThat(browser.text(By.cssSelector("main"))).contains("Семинар-совещание", "16.04.2021", "11:00");
        List<String> agenda = browser.all(By.cssSelector("#agenda .agenda-item")).stream().map(e -> e.getText().strip()).toList();
        assertThat(agenda).hasSize(2);
        assertThat(agenda.get(0)).contains("1. " + AGENDA_1, "Докладчик – Вторина Елена Вениаминовна");
        assertThat(agenda.get(1)).contains("2. " + AGENDA_2, "Докладчик – Пивоваров Вячеслав Олегович");
        List<String> decisions = browser.rows(MeetingPages.DECISIONS);
        assertThat(decisions).hasSize(3);
        assertThat(decisions.get(0)).startsWith("1 " + DECISION_1)
                .contains("руководители ОО", "все школы (руководители ОО)", "до 31 мая 2021 года", "К сроку: 31.05.2021");
        assertThat(decisions.get(1)).startsWith("2 " + DECISION_2).doesNotContain("естественнонаучой")
                .contains("до 10 июня 2021 года, далее - постоянно", "К сроку, далее постоянно: 10.06.2021");
        assertThat(decisions.get(2)).startsWith("3 " + DECISION_3).contains("ТОИПКРО", "постоянно");
    }

    /**
     * A protocol behind a covering letter of nearly 500 000 characters, one deadline the system cannot read: the
     * person sees it marked to check, a confirmation that fails keeps the highlighted sources and the whole text, and
     * the meeting is created.
     */
    @Test
    void aFactToCheckIsMarkedAndABigTextSurvivesAFailedConfirmation() {
        String title = Fixtures.unique("Управление качеством образования: источник каждого факта");
        String letter = "Сопроводительное письмо: строка о ходе подготовки материалов к семинару-совещанию.\n".repeat(5_600);
        String text = letter + protocol(title).replace("Срок – постоянно.", "Срок – в соответствии со сроками плана мероприятий.");
        assertThat(text.length()).isBetween(450_000, 500_000);
        browser.loginAs("tomsk.coko");
        browser.open("/meetings/import");
        browser.paste(By.id("text"), text);
        browser.clickAndLoad(button("Разобрать протокол"));

        assertThat(browser.text(By.tagName("h1"))).isEqualTo("Черновик мероприятия из протокола");
        assertThat(browser.text(By.id("source-summary"))).startsWith("Проверьте 1 место");
        List<String> checks = texts(".decision-source .source-check");
        assertThat(checks).containsExactly("Проверьте: срок не распознан как дата или период: укажите вид срока");
        assertThat(browser.all(By.cssSelector(".decision-draft")).get(2).getText())
                .contains("Проверьте: срок не распознан как дата или период");
        assertThat(texts(".decision-source mark.source-deadline")).last()
                .isEqualTo("в соответствии со сроками плана мероприятий");

        // a slip of the person's: the title emptied; the draft comes back with its sources and its whole text
        browser.fill(By.id("meeting.title"), "");
        browser.clickAndLoad(By.id("create-meeting"));
        assertThat(browser.text(By.cssSelector(".invalid-feedback"))).isEqualTo("Укажите тему");
        assertThat(browser.text(By.id("source-summary"))).startsWith("Проверьте 1 место");
        assertThat(texts(".decision-source mark.source-deadline")).first().isEqualTo("до 31 мая 2021 года");
        assertThat(browser.value(By.id("unplaced")).length()).isGreaterThan(400_000);

        browser.fill(By.id("meeting.title"), title);
        browser.clickAndLoad(By.id("create-meeting"));
        assertThat(browser.text(By.cssSelector(".alert-success")))
                .isEqualTo("Мероприятие создано из протокола: проверьте и подпишите протокол");
        assertThat(browser.text(MeetingPages.TITLE)).isEqualTo(title);
    }

    private static List<String> texts(String css) {
        return browser.all(By.cssSelector(css)).stream().map(e -> e.getText().strip()).toList();
    }
}
