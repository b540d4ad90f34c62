package ru.rsoko.meeting.protocol;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import ru.rsoko.meeting.Deadline;
import ru.rsoko.meeting.DeadlineKind;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Where each fact of a draft came from: found after parsing, in the exact text the parser was given, whatever the
 * parser cleaned; a fact not found has no span rather than a wrong one; and how sure the import is of each fact.
 */
class SourceLocatorTest {

    private final ProtocolParser parser = new ProtocolParser();

    @ParameterizedTest
    @ValueSource(strings = {"000_6826cf20f8fe1bc5.txt", "001_911b74e775439c8d.txt", "002_207991ec1bc31b98.txt",
            "004_c28f2da068f09783.txt", "addressee-headings.txt", "deadline-at-line-end.txt", "district-per-item.txt",
            "regional-roman-agenda.txt", "messy.md"})
    void everyDecisionPartyAndDeadlineOfTheSeedsIsFoundWhereItIsWritten(String name) {
        String text = ProtocolSamples.text(name);
        ProtocolDraft draft = parser.parse(text);

        assertThat(draft.sourceText()).isSameAs(text);
        for (ProtocolDraft.Decision d : draft.decisions()) {
            DecisionSource source = d.source();
            assertThat(source.text()).as("decision %s of %s", d.number(), name).isNotNull();
            assertThat(fold(cut(text, source.text()))).isEqualTo(fold(d.text()));
            assertThat(source.responsible()).hasSameSizeAs(d.responsible());
            for (int i = 0; i < d.responsible().size(); i++) {
                Span party = source.responsible().get(i);
                assertThat(party).as("party «%s» of decision %s of %s", d.responsible().get(i), d.number(), name).isNotNull();
                assertThat(samePhrase(cut(text, party), d.responsible().get(i))).as(cut(text, party)).isTrue();
            }
            if (d.deadline() != null) {
                assertThat(source.deadline()).as("deadline of decision %s of %s", d.number(), name).isNotNull();
                assertThat(fold(cut(text, source.deadline()))).isEqualTo(fold(d.deadline().originalText()));
            }
        }
    }

    @Test
    void theSeedOf002GivesItsDecisionsTheirOwnLinesAndItsDateFromTheHeader() {
        String text = ProtocolSamples.text(ProtocolSamples.SEED_002);
        ProtocolDraft draft = parser.parse(text);

        assertThat(cut(text, draft.sources().date())).isEqualTo("16 апреля 2021");
        assertThat(draft.sources().dateConfidence().level()).isEqualTo(Confidence.Level.HIGH);
        ProtocolDraft.Decision first = draft.decisions().getFirst();
        assertThat(cut(text, first.source().responsible().getFirst())).isEqualTo("руководители ОО");
        assertThat(cut(text, first.source().deadline())).isEqualTo("до 31 мая 2021 года");
        // each decision's «Срок» is its own, not the next one's with the same words
        List<Integer> deadlines = draft.decisions().stream().map(d -> d.source().deadline().start()).toList();
        assertThat(deadlines).isSorted().doesNotHaveDuplicates();
        ProtocolDraft.Decision sixth = draft.decisions().get(5);
        assertThat(sixth.deadline().kind()).isEqualTo(DeadlineKind.OTHER);
        assertThat(sixth.source().deadlineConfidence())
                .isEqualTo(Confidence.check("срок не распознан как дата или период: укажите вид срока"));
        assertThat(first.source().textConfidence()).isEqualTo(Confidence.high());
    }

    @Test
    void wrapsHyphenationSoftHyphensQuotesYoAndPageFurnitureDoNotHideAWording() {
        String text = """
                ПРОТОКОЛ № 12
                от 24.11.2022 г.
                РЕШИЛИ:
                1. Обеспечить участие обучающихся в диагностике «функциональной
                грамотности» в муниципальных обра-
                зовательных организациях и учёт резуль\u00adтатов.
                Страница 2 из 3
                Ответственные: руководители
                ОО.
                Срок: до 1 декабря
                2022 года.
                """;
        ProtocolDraft draft = locate(text, null, null, new ProtocolDraft.Decision("1",
                "Обеспечить участие обучающихся в диагностике \"функциональной грамотности\" в муниципальных "
                        + "образовательных организациях и учет результатов.",
                List.of("руководители ОО"), new Deadline(DeadlineKind.BY_DATE, LocalDate.of(2022, 12, 1), null,
                "до 1 декабря 2022 года")));

        DecisionSource source = draft.decisions().getFirst().source();
        assertThat(cut(text, source.text())).startsWith("Обеспечить участие").endsWith("учёт резуль\u00adтатов");
        assertThat(cut(text, source.responsible().getFirst())).isEqualTo("руководители\nОО");
        assertThat(cut(text, source.deadline())).isEqualTo("до 1 декабря\n2022 года");
        assertThat(source.textConfidence().level()).isEqualTo(Confidence.Level.HIGH);
        assertThat(source.deadlineConfidence().level()).isEqualTo(Confidence.Level.HIGH);
    }

    @Test
    void aDecisionWhoseMiddleTheParserCleanedIsFoundByItsTwoEnds() {
        String text = """
                РЕШИЛИ:
                1. Провести анализ результатов всероссийских проверочных работ по всем предметам
                - 2 -
                и представить его в управление образования для обобщения на совещании руководителей.
                """;
        ProtocolDraft draft = locate(text, null, null, new ProtocolDraft.Decision("1",
                "Провести анализ результатов всероссийских проверочных работ по всем предметам и представить его "
                        + "в управление образования для обобщения на совещании руководителей.", List.of(), null));

        assertThat(cut(text, draft.decisions().getFirst().source().text()))
                .startsWith("Провести анализ").contains("- 2 -").endsWith("совещании руководителей");
    }

    @Test
    void anInheritedPartyIsTheAddresseeHeadingAboveItsDecisionInWhateverCase() {
        String text = """
                РЕШИЛИ:
                Руководителям МОУО:
                1. Проанализировать результаты диагностики (срок – до 10.12.2021).
                2. Организовать методическую поддержку школ (срок – постоянно).
                Директорам школ:
                3. Разместить на сайтах документы ВСОКО.
                """;
        ProtocolDraft draft = locate(text, null, null,
                new ProtocolDraft.Decision("1", "Проанализировать результаты диагностики", List.of("руководители МОУО"),
                        new Deadline(DeadlineKind.BY_DATE, LocalDate.of(2021, 12, 10), null, "до 10.12.2021")),
                new ProtocolDraft.Decision("2", "Организовать методическую поддержку школ", List.of("руководители МОУО"),
                        new Deadline(DeadlineKind.ONGOING, null, null, "постоянно")),
                new ProtocolDraft.Decision("3", "Разместить на сайтах документы ВСОКО.", List.of("директора школ"), null));

        int heading = text.indexOf("Руководителям МОУО");
        assertThat(draft.decisions().get(0).source().responsible().getFirst()).isEqualTo(new Span(heading, heading + 18));
        assertThat(draft.decisions().get(1).source().responsible().getFirst()).isEqualTo(new Span(heading, heading + 18));
        assertThat(cut(text, draft.decisions().get(2).source().responsible().getFirst())).isEqualTo("Директорам школ");
        assertThat(cut(text, draft.decisions().get(1).source().deadline())).isEqualTo("постоянно");
    }

    @Test
    void aPartyWrittenNowhereGetsNoSpanAndIsToBeChecked() {
        String text = """
                РЕШИЛИ:
                1. Информацию докладчиков принять к сведению и учесть в работе.
                2. Провести семинар для заместителей директоров.
                Ответственный: ТОИПКРО.
                """;
        ProtocolDraft draft = locate(text, null, null,
                new ProtocolDraft.Decision("1", "Информацию докладчиков принять к сведению и учесть в работе.",
                        List.of("ТОИПКРО"), null),
                new ProtocolDraft.Decision("2", "Провести семинар для заместителей директоров.", List.of("ТОИПКРО"), null),
                new ProtocolDraft.Decision("3", "Решение, которого в тексте нет вовсе.", List.of("ТОИПКРО"), null));

        // the first decision's party is the second one's line: not the first's, so not found
        assertThat(draft.decisions().get(0).source().responsible()).containsExactly((Span) null);
        assertThat(draft.decisions().get(0).source().responsibleConfidence().getFirst())
                .isEqualTo(Confidence.check("ответственный не найден в тексте протокола"));
        assertThat(cut(text, draft.decisions().get(1).source().responsible().getFirst())).isEqualTo("ТОИПКРО");
        DecisionSource missing = draft.decisions().get(2).source();
        assertThat(missing.text()).isNull();
        assertThat(missing.responsible()).containsExactly((Span) null);
        assertThat(missing.textConfidence()).isEqualTo(Confidence.check("текст решения не найден в тексте протокола"));
    }

    @Test
    void aSharedDeadlineSentenceBelowTheDecisionsIsFoundButNotAnotherDecisionsOwnDeadline() {
        String text = """
                ПОСТАНОВИЛИ:
                1. Утвердить план работы на 2023 год.
                2. Провести мониторинг сайтов школ до 01.03.2023.
                3. Направить отчёты в министерство.
                Все мероприятия провести до 01.03.2023.
                """;
        Deadline march = new Deadline(DeadlineKind.BY_DATE, LocalDate.of(2023, 3, 1), null, "до 01.03.2023");
        ProtocolDraft draft = locate(text, null, null,
                new ProtocolDraft.Decision("1", "Утвердить план работы на 2023 год.", List.of(), march),
                new ProtocolDraft.Decision("2", "Провести мониторинг сайтов школ до 01.03.2023.", List.of(), march),
                new ProtocolDraft.Decision("3", "Направить отчёты в министерство.", List.of(), march));

        int shared = text.indexOf("до 01.03.2023.\n", text.indexOf("Все мероприятия"));
        int own = text.indexOf("до 01.03.2023");
        assertThat(draft.decisions().get(0).source().deadline()).isEqualTo(new Span(shared, shared + 13));
        assertThat(draft.decisions().get(1).source().deadline()).isEqualTo(new Span(own, own + 13));
        assertThat(draft.decisions().get(2).source().deadline()).isEqualTo(new Span(shared, shared + 13));
    }

    @Test
    void aDeadlineOfAnotherDecisionIsNeverTakenForOnesOwn() {
        String text = """
                РЕШИЛИ:
                1. Утвердить план работы на 2023 год.
                2. Провести мониторинг сайтов школ до 01.03.2023.
                """;
        ProtocolDraft draft = locate(text, null, null,
                new ProtocolDraft.Decision("1", "Утвердить план работы на 2023 год.", List.of(),
                        new Deadline(DeadlineKind.BY_DATE, LocalDate.of(2023, 3, 1), null, "до 01.03.2023")),
                new ProtocolDraft.Decision("2", "Провести мониторинг сайтов школ.", List.of(), null));

        assertThat(draft.decisions().get(0).source().deadline()).isNull();
        assertThat(draft.decisions().get(0).source().deadlineConfidence())
                .isEqualTo(Confidence.check("срок не найден в тексте протокола"));
    }

    @Test
    void aTableRowGivesItsPartyAndDeadlineFromItsColumns() {
        String text = """
                РЕШИЛИ:
                | № | Мероприятие | Ответственный | Срок |
                |---|---|---|---|
                | 1 | Провести региональный семинар по ВСОКО | ТОИПКРО (Иванова И.И.) | до 15.10.2022 |
                | 2 | Обновить положения о ВСОКО | руководители ОО | в течение 2022-2023 учебного года |
                """;
        ProtocolDraft draft = locate(text, null, null,
                new ProtocolDraft.Decision("1", "Провести региональный семинар по ВСОКО", List.of("ТОИПКРО (Иванова И.И.)"),
                        new Deadline(DeadlineKind.BY_DATE, LocalDate.of(2022, 10, 15), null, "до 15.10.2022")),
                new ProtocolDraft.Decision("2", "Обновить положения о ВСОКО", List.of("руководители ОО"),
                        new Deadline(DeadlineKind.WITHIN_PERIOD, LocalDate.of(2023, 8, 31), LocalDate.of(2022, 9, 1),
                                "в течение 2022-2023 учебного года")));

        assertThat(cut(text, draft.decisions().get(0).source().responsible().getFirst())).isEqualTo("ТОИПКРО (Иванова И.И");
        assertThat(cut(text, draft.decisions().get(0).source().deadline())).isEqualTo("до 15.10.2022");
        assertThat(cut(text, draft.decisions().get(1).source().responsible().getFirst())).isEqualTo("руководители ОО");
        assertThat(cut(text, draft.decisions().get(1).source().deadline())).isEqualTo("в течение 2022-2023 учебного года");
    }

    @Test
    void whatTheEvidenceDoubtsIsMarkedToBeCheckedWithItsReason() {
        String text = """
                РЕШИЛИ:
                1. Информацию принять к сведению.
                Провести совещание с руководителями школ, срок до 1 октября.
                3. Обеспечить размещение отчётов на сайтах в установленный срок.
                Срок: по мере готовности к 01.10.2022
                4. Ок.
                5. Подготовить предложения по итогам мониторинга.
                6. Направить их в министерство.
                """;
        ProtocolDraft draft = locate(text, null, null,
                new ProtocolDraft.Decision("1", "Информацию принять к сведению.", List.of(), null),
                new ProtocolDraft.Decision(null, "Провести совещание с руководителями школ, срок до 1 октября.", List.of(), null),
                new ProtocolDraft.Decision("3", "Обеспечить размещение отчётов на сайтах в установленный срок.", List.of(),
                        new Deadline(DeadlineKind.BY_DATE, null, null, "по мере готовности к 01.10.2022")),
                new ProtocolDraft.Decision("4", "Ок.", List.of(), null),
                new ProtocolDraft.Decision("5", "Подготовить предложения по итогам мониторинга.\n6. Направить их в министерство.",
                        List.of(), null));

        List<DecisionSource> s = draft.decisions().stream().map(ProtocolDraft.Decision::source).toList();
        assertThat(s.get(0).textConfidence()).isEqualTo(Confidence.high());
        assertThat(s.get(0).deadlineConfidence()).isNull();
        assertThat(s.get(1).textConfidence()).isEqualTo(Confidence.check("у решения нет номера, хотя решения пронумерованы"));
        assertThat(s.get(1).deadlineConfidence())
                .isEqualTo(Confidence.check("в тексте решения говорится о сроке, но срок не выделен"));
        assertThat(s.get(2).deadlineConfidence()).isEqualTo(Confidence.check("в сроке есть дата, но она не прочитана"));
        assertThat(s.get(3).textConfidence()).isEqualTo(Confidence.check("очень короткое решение: не обрезано ли оно?"));
        assertThat(s.get(4).textConfidence())
                .isEqualTo(Confidence.check("очень длинное решение: не слился ли с ним следующий пункт?"));
    }

    @Test
    void theDocumentsDateAndNumberAreTakenFromItsHeaderNotFromACitedAct() {
        String text = """
                МИНИСТЕРСТВО ОБРАЗОВАНИЯ
                ПРИКАЗ
                от 24.11.2022 г. № 358
                В соответствии с приказом Минпросвещения от 12.05.2022 № 112 ПРИКАЗЫВАЮ:
                1. Утвердить план мероприятий по повышению качества образования.
                """;
        ProtocolDraft dated = locateHeader(text, LocalDate.of(2022, 11, 24), "358");
        assertThat(cut(text, dated.sources().date())).isEqualTo("24.11.2022");
        assertThat(dated.sources().dateConfidence()).isEqualTo(Confidence.high());
        assertThat(cut(text, dated.sources().number())).isEqualTo("358");
        assertThat(dated.sources().numberConfidence()).isEqualTo(Confidence.high());

        ProtocolDraft cited = locateHeader(text, LocalDate.of(2022, 5, 12), "112");
        assertThat(cut(text, cited.sources().date())).isEqualTo("12.05.2022");
        assertThat(cited.sources().dateConfidence())
                .isEqualTo(Confidence.check("похоже на дату другого документа, на который ссылается текст"));
        assertThat(cut(text, cited.sources().number())).isEqualTo("112");
        assertThat(cited.sources().numberConfidence())
                .isEqualTo(Confidence.check("номер стоит рядом с датой, которую нужно проверить"));

        ProtocolDraft absent = locateHeader(text, LocalDate.of(2021, 1, 1), "7");
        assertThat(absent.sources().date()).isNull();
        assertThat(absent.sources().dateConfidence()).isEqualTo(Confidence.check("дата не найдена в тексте протокола"));
        assertThat(absent.sources().number()).isNull();
        assertThat(absent.sources().numberConfidence()).isEqualTo(Confidence.check("номер не найден в тексте протокола"));

        ProtocolDraft undated = locateHeader(text, null, null);
        assertThat(undated.sources().dateConfidence()).isEqualTo(Confidence.check("дата документа не распознана"));
        assertThat(undated.sources().numberConfidence()).isNull();
    }

    @Test
    void aNumberAfterALegalDatabasesNOrARegistersLabelIsFoundToo() {
        String database = """
                ПРИКАЗ
                от 24 ноября 2022 г. N 358
                ПРИКАЗЫВАЮ:
                1. Провести мониторинг.
                """;
        ProtocolDraft printed = locateHeader(database, LocalDate.of(2022, 11, 24), "358");
        assertThat(cut(database, printed.sources().number())).isEqualTo("358");
        assertThat(printed.sources().numberConfidence()).isEqualTo(Confidence.high());

        String card = """
                Дата принятия: 24.11.2022
                Номер: 358
                ПОСТАНОВЛЕНИЕ
                от ____________ № _____
                ПОСТАНОВЛЯЕТ:
                1. Провести мониторинг.
                """;
        ProtocolDraft carded = locateHeader(card, LocalDate.of(2022, 11, 24), "358");
        assertThat(cut(card, carded.sources().number())).isEqualTo("358");
        assertThat(carded.sources().numberConfidence()).isEqualTo(Confidence.high());
    }

    @Test
    void aDayInStraightQuotesIsAsSureAsOneInGuillemets() {
        String text = """
                ПРИКАЗ
                "24" ноября 2022 г.                      № 358-о
                ПРИКАЗЫВАЮ:
                1. Провести мониторинг.
                """;
        ProtocolDraft draft = locateHeader(text, LocalDate.of(2022, 11, 24), "358-о");
        assertThat(cut(text, draft.sources().date())).isEqualTo("\"24\" ноября 2022");
        assertThat(draft.sources().dateConfidence()).isEqualTo(Confidence.high());
        assertThat(draft.sources().numberConfidence()).isEqualTo(Confidence.high());
    }

    @Test
    void aDateFarDownTheTextOrWithoutItsContextIsToBeChecked() {
        String text = "ПРОТОКОЛ совещания\n" + "Текст обсуждения без дат. ".repeat(200)
                + "\nСовещание проведено, протокол подписан 10.03.2022 в кабинете.\n";
        ProtocolDraft draft = locateHeader(text, LocalDate.of(2022, 3, 10), null);
        assertThat(draft.sources().dateConfidence())
                .isEqualTo(Confidence.check("дата взята без «от» или «дата» рядом с ней"));

        String footer = "ПРОТОКОЛ совещания\n" + "Текст обсуждения без дат. ".repeat(200) + "\n10 марта 2022 года\n";
        assertThat(locateHeader(footer, LocalDate.of(2022, 3, 10), null).sources().dateConfidence())
                .isEqualTo(Confidence.check("дата найдена далеко от начала текста"));
    }

    @Test
    void aHalfMillionCharacterTextIsLocatedQuickly() {
        StringBuilder text = new StringBuilder("ПРОТОКОЛ\nот 01.02.2023\nРЕШИЛИ:\n");
        List<ProtocolDraft.Decision> decisions = new ArrayList<>();
        for (int i = 1; text.length() < 500_000; i++) {
            String wording = "Провести мероприятие номер " + i + " по плану работы управления образования района.";
            text.append(i).append(". ").append(wording).append("\nОтветственные: руководители ОО.\nСрок: до 01.09.2023.\n");
            decisions.add(new ProtocolDraft.Decision(String.valueOf(i), wording, List.of("руководители ОО"),
                    new Deadline(DeadlineKind.BY_DATE, LocalDate.of(2023, 9, 1), null, "до 01.09.2023")));
            if (i % 10 == 0) {
                // what the parser made up and the text does not have: searched for in a window, not the whole text
                decisions.add(new ProtocolDraft.Decision(null, "Решение " + i + ", которого в тексте нет", List.of("ТОИПКРО"),
                        new Deadline(DeadlineKind.ONGOING, null, null, "постоянно")));
            }
        }
        String whole = text.toString();
        ProtocolDraft draft = new ProtocolDraft(null, null, null, LocalDate.of(2023, 2, 1), null, null, null, List.of(),
                List.of(), decisions, List.of());

        long started = System.nanoTime();
        ProtocolDraft located = SourceLocator.locate(whole, draft);
        long millis = (System.nanoTime() - started) / 1_000_000;

        System.out.println("located in " + millis + " ms");
        assertThat(millis).isLessThan(3_000);
        for (ProtocolDraft.Decision d : located.decisions()) {
            if (d.number() == null) {
                assertThat(d.source().text()).isNull();
            } else {
                assertThat(cut(whole, d.source().text())).isEqualTo(d.text().substring(0, d.text().length() - 1));
                assertThat(cut(whole, d.source().responsible().getFirst())).isEqualTo("руководители ОО");
                assertThat(cut(whole, d.source().deadline())).isEqualTo("до 01.09.2023");
            }
        }
    }

    @Test
    void nothingToLocateStillGivesTheTextBack() {
        ProtocolDraft empty = parser.parse("");
        assertThat(empty.sourceText()).isEmpty();
        assertThat(empty.sources().dateConfidence().level()).isEqualTo(Confidence.Level.CHECK);
        ProtocolDraft nulls = SourceLocator.locate("Текст", new ProtocolDraft(null, null, null, null, null, null, null,
                List.of(), List.of(), List.of(new ProtocolDraft.Decision(null, null, List.of(), null)), List.of()));
        assertThat(nulls.decisions().getFirst().source().text()).isNull();
    }

    private static ProtocolDraft locate(String text, LocalDate date, String number, ProtocolDraft.Decision... decisions) {
        return SourceLocator.locate(text, new ProtocolDraft(null, null, number, date, null, null, null, List.of(),
                List.of(), List.of(decisions), List.of()));
    }

    private static ProtocolDraft locateHeader(String text, LocalDate date, String number) {
        return locate(text, date, number);
    }

    static String cut(String text, Span s) {
        return s == null ? null : text.substring(s.start(), s.end());
    }

    static String fold(String s) {
        return FoldedText.of(s).chars;
    }

    /** The same words, a party's in whatever case («Руководителям ОУ» for «руководители ОУ»). */
    static boolean samePhrase(String found, String party) {
        FoldedText a = FoldedText.of(found);
        FoldedText b = FoldedText.of(party);
        if (a.wordCount() != b.wordCount()) {
            return false;
        }
        for (int w = 0; w < a.wordCount(); w++) {
            String x = a.word(w);
            String y = b.word(w);
            int common = 0;
            while (common < Math.min(x.length(), y.length()) && x.charAt(common) == y.charAt(common)) {
                common++;
            }
            if (common < Math.min(x.length(), y.length()) - 2 || common < Math.min(3, Math.min(x.length(), y.length()))) {
                return false;
            }
        }
        return true;
    }
}
