package ru.rsoko.meeting.document;

import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.junit.jupiter.api.Test;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageMar;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageSz;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSectPr;
import ru.rsoko.meeting.document.ProtocolDocumentModel.AgendaItem;
import ru.rsoko.meeting.document.ProtocolDocumentModel.Decision;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static ru.rsoko.meeting.document.DocxReading.bytes;
import static ru.rsoko.meeting.document.DocxReading.lines;
import static ru.rsoko.meeting.document.DocxReading.open;
import static ru.rsoko.meeting.document.DocxReading.paragraphWithText;

/** The protocol of seed 002 written as .docx and read back as its readers read it. */
class ProtocolDocxTest {

    private static final String TITLE_LINE = "«" + SeedDocuments.TITLE + "»";

    private final XWPFDocument seedProtocol = open(bytes(ProtocolDocx::write, SeedDocuments.tomskProtocol()));

    @Test
    void everyDecisionIsFollowedByItsResponsiblePartiesAndDeadlineAsInTheSeed() {
        List<String> lines = lines(seedProtocol);
        int previous = lines.indexOf("РЕШИЛИ:");
        assertThat(previous).isPositive();
        for (List<String> decision : SeedDocuments.DECISION_LINES_OF_SEED) {
            int at = lines.indexOf(decision.get(0));
            assertThat(at).as(decision.get(0)).isGreaterThan(previous);
            assertThat(lines.subList(at, at + 3)).isEqualTo(decision);
            previous = at;
        }
    }

    @Test
    void decisionsAreJustifiedWithTheFirstLineIndented() {
        for (List<String> decision : SeedDocuments.DECISION_LINES_OF_SEED) {
            for (String line : decision) {
                XWPFParagraph paragraph = paragraphWithText(seedProtocol, line);
                assertThat(paragraph.getAlignment()).as(line).isEqualTo(ParagraphAlignment.BOTH);
                assertThat(paragraph.getIndentationFirstLine()).as(line).isEqualTo(709);
            }
        }
    }

    @Test
    void theAgendaNamesTheSpeakerUnderEachItem() {
        List<String> lines = lines(seedProtocol);
        int agenda = lines.indexOf("ПОВЕСТКА:");
        assertThat(lines.subList(agenda + 1, agenda + 11)).containsExactly(
                "1. Вступительное слово. Управление результатами мониторинговых исследований в Томской области.",
                "Докладчик – Вторина Елена Вениаминовна, заместитель начальника Департамента общего образования "
                        + "Томской области (далее – ДОО ТО).",
                "2. Результаты всероссийских проверочных работ как основа формирования методической помощи "
                        + "педагогам на уровне образовательной организации.",
                "Докладчик – Пивоваров Вячеслав Олегович, программист центра мониторинга и оценки качества "
                        + "образования ТОИПКРО.",
                "3. Исследование читательской и естественнонаучной грамотности. Результаты 2020 года и перспективы "
                        + "на 2021 год.",
                "Докладчик – Сербина Наталья Павловна, заведующий центром мониторинга и оценки качества образования "
                        + "ТОИПКРО.",
                "4. Региональная диагностика предметных и методических затруднений учителей Томской области. "
                        + "Мероприятия, направленные на компенсацию выявленных дефицитов.",
                "Докладчик – Сербина Наталья Павловна, заведующий центром мониторинга и оценки качества образования "
                        + "ТОИПКРО.",
                "5. Критерии оценки механизмов управления качеством образования органов местного самоуправления "
                        + "муниципальных районов и городских округов.",
                "Докладчик – Неверова Вера Васильевна, председатель комитета мониторинга и управления качеством "
                        + "образования ДОО ТО.");
        assertThat(lines.get(agenda + 11)).isEqualTo("РЕШИЛИ:");
    }

    @Test
    void severalSpeakersOfOneItemShareOneLine() {
        var model = withAgenda(SeedDocuments.tomskProtocol(), List.of(new AgendaItem("1", "О результатах ВПР",
                List.of("Иванов И.И., директор ЦОКО.", "Петрова П.П., методист;"), null)));
        List<String> lines = lines(open(bytes(ProtocolDocx::write, model)));
        int item = lines.indexOf("1. О результатах ВПР.");
        assertThat(lines.get(item + 1)).isEqualTo("Докладчики – Иванов И.И., директор ЦОКО; Петрова П.П., методист.");
    }

    @Test
    void theProtocolReadsInTheOrderOfSeed002() {
        List<String> lines = lines(seedProtocol);
        assertThat(lines.subList(0, 7)).containsExactly("ДЕПАРТАМЕНТ", "ОБЩЕГО ОБРАЗОВАНИЯ", "ТОМСКОЙ ОБЛАСТИ",
                "Ленина пр., д. 111, г. Томск, 634069", "тел/факс (382 2) 512-530", "E-mail: k48@edu.tomsk.gov.ru",
                "ПРОТОКОЛ");
        assertThat(lines).containsSubsequence("ПРОТОКОЛ", "Семинара-совещания", TITLE_LINE,
                "16 апреля 2021 года", "11.00", "г.Томск, ул. Пирогова, 10",
                "ПРЕДСЕДАТЕЛЬ: Вторина Елена Вениаминовна - заместитель начальника Департамента общего образования "
                        + "Томской области.",
                "УЧАСТНИКИ:", "ПОВЕСТКА:", "РЕШИЛИ:", "Е.В. Вторина");
        assertThat(lines.get(lines.size() - 1)).isEqualTo("Е.В. Вторина");
    }

    @Test
    void headingsAreBoldAndCentredAndTheLetterheadContactsSmall() {
        for (String heading : List.of("ДЕПАРТАМЕНТ", "ПРОТОКОЛ", TITLE_LINE)) {
            XWPFParagraph paragraph = paragraphWithText(seedProtocol, heading);
            assertThat(paragraph.getAlignment()).as(heading).isEqualTo(ParagraphAlignment.CENTER);
            assertThat(paragraph.getRuns()).as(heading).allMatch(XWPFRun::isBold);
        }
        for (String heading : List.of("УЧАСТНИКИ:", "ПОВЕСТКА:", "РЕШИЛИ:")) {
            assertThat(paragraphWithText(seedProtocol, heading).getRuns()).as(heading).allMatch(XWPFRun::isBold);
        }
        XWPFParagraph chair = paragraphs("ПРЕДСЕДАТЕЛЬ:").get(0);
        assertThat(chair.getRuns().get(0).isBold()).isTrue();
        assertThat(chair.getRuns().get(1).isBold()).isFalse();
        assertThat(paragraphWithText(seedProtocol, "тел/факс (382 2) 512-530").getRuns().get(0).getFontSizeAsDouble())
                .isEqualTo(12.0);
    }

    @Test
    void participantsEndWithSemicolonsAndTheLastWithAPeriod() {
        List<String> lines = lines(seedProtocol);
        int heading = lines.indexOf("УЧАСТНИКИ:");
        List<String> participants = lines.subList(heading + 1, lines.indexOf("ПОВЕСТКА:"));
        assertThat(participants).hasSize(6);
        assertThat(participants.subList(0, 5)).allMatch(line -> line.endsWith("(дистанционно);"));
        assertThat(participants.get(5)).isEqualTo(
                "заместители руководителей общеобразовательных организаций (дистанционно).");
    }

    @Test
    void municipalitiesConnectedRemotelyCloseTheParticipantsInTheRightCase() {
        var base = SeedDocuments.tomskProtocol();
        assertThat(participantLines(withMunicipalities(base, 42))).endsWith(
                "заместители руководителей общеобразовательных организаций (дистанционно);",
                "представители 42 муниципальных образований (дистанционно).");
        assertThat(participantLines(withMunicipalities(base, 21)))
                .endsWith("представители 21 муниципального образования (дистанционно).");
        assertThat(participantLines(withMunicipalities(base, 11)))
                .endsWith("представители 11 муниципальных образований (дистанционно).");
        var onlyMunicipalities = new ProtocolDocumentModel(null, null, null, "Совещание", null, null, null, null,
                List.of(), 1, List.of(), List.of(), null, null);
        assertThat(participantLines(onlyMunicipalities))
                .containsExactly("Представители 1 муниципального образования (дистанционно).");
    }

    @Test
    void theNumberFollowsTheWordProtocol() {
        var numbered = new ProtocolDocumentModel(null, "3", "совещания", "О ВПР", LocalDate.of(2022, 11, 24), null,
                null, null, null, null, null, null, null, null);
        assertThat(lines(open(bytes(ProtocolDocx::write, numbered)))).startsWith("ПРОТОКОЛ № 3", "Совещания",
                "«О ВПР»", "24 ноября 2022 года");
    }

    @Test
    void whatWasHeardComesBetweenTheAgendaAndTheDecisions() {
        var model = withAgenda(SeedDocuments.tomskProtocol(), List.of(
                new AgendaItem("1", "О ВПР", List.of("Иванов И.И."), "Иванов И.И. доложил об итогах ВПР"),
                new AgendaItem("2", "О ШНОР", List.of("Петров П.П."), null)));
        List<String> lines = lines(open(bytes(ProtocolDocx::write, model)));
        assertThat(lines).containsSubsequence("ПОВЕСТКА:", "1. О ВПР.", "Докладчик – Иванов И.И.", "2. О ШНОР.",
                "СЛУШАЛИ:", "1. Иванов И.И. доложил об итогах ВПР.", "РЕШИЛИ:");
        assertThat(lines(seedProtocol)).doesNotContain("СЛУШАЛИ:");
    }

    @Test
    void emptyOptionalPartsLeaveNoHeadingAndNoNull() {
        var bare = new ProtocolDocumentModel(null, null, null, "Итоги ВПР", null, null, "  ", null, null, null,
                List.of(new AgendaItem(null, "  ", List.of(), null)),
                List.of(new Decision(null, "Провести анализ результатов ВПР", null, " ")),
                null, null);
        XWPFDocument document = open(bytes(ProtocolDocx::write, bare));
        List<String> lines = lines(document);
        assertThat(lines).containsExactly("ПРОТОКОЛ", "«Итоги ВПР»", "РЕШИЛИ:", "1. Провести анализ результатов ВПР.");
        assertThat(String.join("\n", lines)).doesNotContainIgnoringCase("null");
        assertThat(DocxReading.paragraphs(document)).allMatch(p -> !p.getText().isBlank());
        assertThat(document.getTables()).isEmpty();

        var nothing = new ProtocolDocumentModel(null, null, null, null, null, null, null, null, null, null, null,
                null, null, null);
        assertThat(lines(open(bytes(ProtocolDocx::write, nothing)))).containsExactly("ПРОТОКОЛ");
    }

    @Test
    void theSignatureHasThePositionOnTheLeftAndTheNameOnTheRight() {
        XWPFTable signature = seedProtocol.getTables().get(seedProtocol.getTables().size() - 1);
        assertThat(signature.getRow(0).getTableCells()).hasSize(2);
        assertThat(signature.getRow(0).getCell(1).getText()).isEqualTo("Е.В. Вторина");
        assertThat(signature.getRow(0).getCell(1).getParagraphs().get(0).getAlignment())
                .isEqualTo(ParagraphAlignment.RIGHT);
        assertThat(signature.getCTTbl().getTblPr().getTblBorders().getTop().getVal().toString()).isEqualTo("none");

        var withPosition = new ProtocolDocumentModel(null, null, null, "О ВПР", null, null, null, null, null, null,
                null, null, "Председатель", "Е.В. Вторина");
        XWPFDocument document = open(bytes(ProtocolDocx::write, withPosition));
        assertThat(document.getTables().get(0).getRow(0).getCell(0).getText()).isEqualTo("Председатель");
        assertThat(document.getTables().get(0).getRow(0).getCell(1).getText()).isEqualTo("Е.В. Вторина");
    }

    @Test
    void theProtocolIsAnA4OfficialDocumentInTimesNewRoman() {
        CTSectPr section = seedProtocol.getDocument().getBody().getSectPr();
        CTPageSz size = section.getPgSz();
        assertThat(size.getW()).hasToString("11906");
        assertThat(size.getH()).hasToString("16838");
        CTPageMar margins = section.getPgMar();
        assertThat(margins.getLeft()).hasToString("1701");
        assertThat(margins.getRight()).hasToString("850");
        assertThat(margins.getTop()).hasToString("1134");
        assertThat(margins.getBottom()).hasToString("1134");
        assertThat(DocxReading.runsWithText(seedProtocol)).isNotEmpty().allSatisfy(run -> {
            assertThat(run.getFontFamily()).isEqualTo("Times New Roman");
            assertThat(run.getFontSizeAsDouble()).isIn(14.0, 12.0);
        });
        assertThat(paragraphWithText(seedProtocol, "РЕШИЛИ:").getRuns().get(0).getFontSizeAsDouble()).isEqualTo(14.0);
        assertThat(seedProtocol.getStyles().getDefaultRunStyle().getFontSizeAsDouble()).isEqualTo(14.0);
        assertThat(seedProtocol.getProperties().getCoreProperties().getTitle())
                .isEqualTo("Протокол семинара-совещания " + TITLE_LINE);
    }

    @Test
    void pagesAreNumberedFromTheSecond() {
        CTSectPr section = seedProtocol.getDocument().getBody().getSectPr();
        assertThat(section.isSetTitlePg()).isTrue();
        assertThat(seedProtocol.getHeaderFooterPolicy().getDefaultHeader().getParagraphs().get(0).getCTP()
                .getFldSimpleArray(0).getInstr()).isEqualTo("PAGE");
        assertThat(seedProtocol.getHeaderFooterPolicy().getFirstPageHeader().getText()).isBlank();
    }

    private List<XWPFParagraph> paragraphs(String startingWith) {
        return DocxReading.paragraphs(seedProtocol).stream().filter(p -> p.getText().startsWith(startingWith)).toList();
    }

    private static List<String> participantLines(ProtocolDocumentModel model) {
        List<String> lines = lines(open(bytes(ProtocolDocx::write, model)));
        int heading = lines.indexOf("УЧАСТНИКИ:");
        int end = lines.indexOf("ПОВЕСТКА:");
        return new ArrayList<>(lines.subList(heading + 1, end < 0 ? lines.size() : end));
    }

    private static ProtocolDocumentModel withMunicipalities(ProtocolDocumentModel m, int count) {
        return new ProtocolDocumentModel(m.header(), m.number(), m.kindGenitive(), m.title(), m.date(), m.time(),
                m.place(), m.chair(), m.participants(), count, m.agenda(), m.decisions(), m.signatoryPosition(),
                m.signatoryName());
    }

    private static ProtocolDocumentModel withAgenda(ProtocolDocumentModel m, List<AgendaItem> agenda) {
        return new ProtocolDocumentModel(m.header(), m.number(), m.kindGenitive(), m.title(), m.date(), m.time(),
                m.place(), m.chair(), m.participants(), m.municipalitiesConnected(), agenda, m.decisions(),
                m.signatoryPosition(), m.signatoryName());
    }
}
