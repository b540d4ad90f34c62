package ru.rsoko.meeting.document;

import ru.rsoko.platform.docx.OfficialHeader;
import org.apache.poi.xwpf.usermodel.IBodyElement;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.junit.jupiter.api.Test;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSectPr;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static ru.rsoko.meeting.document.DocxReading.bytes;
import static ru.rsoko.meeting.document.DocxReading.lines;
import static ru.rsoko.meeting.document.DocxReading.open;
import static ru.rsoko.meeting.document.DocxReading.paragraphWithText;

/** The letters of seeds 002 and 004 written as .docx and read back as their addressees read them. */
class LetterDocxTest {

    private static final List<String> LETTERHEAD = List.of("ДЕПАРТАМЕНТ", "ОБЩЕГО ОБРАЗОВАНИЯ", "ТОМСКОЙ ОБЛАСТИ",
            "Ленина пр., д. 111, г. Томск, 634069", "тел/факс (382 2) 512-530", "E-mail: k48@edu.tomsk.gov.ru");

    private final XWPFDocument coveringLetter = open(bytes(LetterDocx::write, SeedDocuments.tomskCoveringLetter()));
    private final XWPFDocument announcement = open(bytes(LetterDocx::write, SeedDocuments.tomskAnnouncement()));

    @Test
    void theLetterheadDateNumberAndSubjectStandOnTheLeftAndTheAddresseesOnTheRight() {
        XWPFTable corner = (XWPFTable) coveringLetter.getBodyElements().get(0);
        XWPFTableCell left = corner.getRow(0).getCell(0);
        XWPFTableCell right = corner.getRow(0).getCell(1);
        assertThat(DocxReading.lines(left)).containsExactly(
                "ДЕПАРТАМЕНТ", "ОБЩЕГО ОБРАЗОВАНИЯ", "ТОМСКОЙ ОБЛАСТИ",
                "Ленина пр., д. 111, г. Томск, 634069", "тел/факс (382 2) 512-530", "E-mail: k48@edu.tomsk.gov.ru",
                "06.05.2021 № 57-2751", "на № _____ от _____",
                "О направлении протокола семинара-совещания «" + SeedDocuments.TITLE + "»");
        assertThat(DocxReading.lines(right)).containsExactly(
                "Руководителям органов местного самоуправления, осуществляющих управление в сфере образования",
                "Руководителям\nобщеобразовательных организаций\nТомской области");
        assertThat(corner.getCTTbl().getTblPr().getTblBorders().getInsideV().getVal().toString()).isEqualTo("none");
        assertThat(left.getParagraphs().get(0).getRuns()).allMatch(XWPFRun::isBold);
        assertThat(paragraphWithText(coveringLetter, "тел/факс (382 2) 512-530").getRuns().get(0)
                .getFontSizeAsDouble()).isEqualTo(12.0);
    }

    @Test
    void theCoveringLetterReadsInTheOrderOfSeed002() {
        List<String> lines = lines(coveringLetter);
        assertThat(lines).containsSubsequence("Уважаемые руководители!",
                "В соответствии с письмом Департамента общего образования Томской области от 08.04.2021 № 57-2097 16 "
                        + "апреля 2021 года прошёл семинар-совещание «" + SeedDocuments.TITLE + "» в режиме "
                        + "видеоконференцсвязи. По итогам семинара-совещания оформлен протокол.",
                "Дополнительно сообщаем, что на сайте ЦОКО ТОИПКРО по ссылке: "
                        + "<http://coko.tomsk.ru/index.php/news/view/12074> размещены презентации спикеров и ссылка на "
                        + "видеозапись семинара-совещания.",
                "Приложение: на 3 л. в 1 экз. в формате pdf.",
                "Начальник департамента", "И.Б.Грабцевич",
                "Сысолятина Н.А.", "(382 2) 51 37 49", "sysolyatinana@edu.tomsk.gov.ru");
        assertThat(lines.get(lines.size() - 1)).isEqualTo("sysolyatinana@edu.tomsk.gov.ru");
        assertThat(paragraphWithText(coveringLetter, "Уважаемые руководители!").getAlignment())
                .isEqualTo(ParagraphAlignment.CENTER);
        XWPFParagraph body = paragraphs(coveringLetter, "Департамент общего образования Томской области для").get(0);
        assertThat(body.getAlignment()).isEqualTo(ParagraphAlignment.BOTH);
        assertThat(body.getIndentationFirstLine()).isEqualTo(709);
        assertThat(paragraphWithText(coveringLetter, "Сысолятина Н.А.").getRuns().get(0).getFontSizeAsDouble())
                .isEqualTo(12.0);
        assertThat(DocxReading.paragraphs(coveringLetter)).noneMatch(XWPFParagraph::isPageBreak);
    }

    @Test
    void theSignatureHasThePositionOnTheLeftAndTheNameOnTheRight() {
        XWPFTable signature = announcement.getTables().get(1);
        assertThat(signature.getRow(0).getCell(0).getText()).isEqualTo("Заместитель начальника\nдепартамента");
        assertThat(signature.getRow(0).getCell(1).getText()).isEqualTo("Е.В.Вторина");
        assertThat(signature.getRow(0).getCell(1).getParagraphs().get(0).getAlignment())
                .isEqualTo(ParagraphAlignment.RIGHT);
        XWPFTable coveringSignature = coveringLetter.getTables().get(1);
        assertThat(coveringSignature.getRow(0).getCell(0).getText()).isEqualTo("Начальник департамента");
        assertThat(coveringSignature.getRow(0).getCell(1).getText()).isEqualTo("И.Б.Грабцевич");
    }

    @Test
    void theRequestsFollowTheirLeadInAsADashedList() {
        List<String> lines = lines(announcement);
        int leadIn = lines.indexOf(SeedDocuments.ANNOUNCEMENT_LEAD_IN);
        assertThat(leadIn).isPositive();
        assertThat(lines.subList(leadIn + 1, leadIn + 3)).containsExactly(
                "- " + SeedDocuments.ANNOUNCEMENT_REQUESTS.get(0) + ";",
                "- " + SeedDocuments.ANNOUNCEMENT_REQUESTS.get(1) + ".");
        assertThat(lines.get(leadIn + 3)).isEqualTo("Заместитель начальника\nдепартамента");
        assertThat(lines).doesNotContain("Приложение: null").noneMatch(line -> line.startsWith("Приложение:"));
    }

    @Test
    void theAppendixStartsOnANewPageAfterTheLetter() {
        List<String> lines = lines(announcement);
        String caption = SeedDocuments.APPENDIX_CAPTION;
        assertThat(lines).containsSubsequence("Е.В.Вторина", "sysolyatinana@edu.tomsk.gov.ru", caption,
                "Совещание по вопросам управления оценкой качества образования");
        int title = lines.indexOf("Совещание по вопросам управления оценкой качества образования");
        assertThat(lines.subList(title + 1, lines.size())).isEqualTo(SeedDocuments.APPENDIX_LINES);

        XWPFParagraph captionParagraph = paragraphWithText(announcement, caption);
        assertThat(captionParagraph.isPageBreak()).isTrue();
        assertThat(captionParagraph.getIndentationLeft()).isGreaterThan(4000);
        assertThat(DocxReading.paragraphs(announcement).stream().filter(XWPFParagraph::isPageBreak)).hasSize(1);
        XWPFParagraph titleParagraph = paragraphWithText(announcement,
                "Совещание по вопросам управления оценкой качества образования");
        assertThat(titleParagraph.getAlignment()).isEqualTo(ParagraphAlignment.CENTER);
        assertThat(titleParagraph.getRuns()).allMatch(XWPFRun::isBold);
    }

    @Test
    void withoutItsOwnCaptionTheAppendixNamesTheLetter() {
        LetterModel m = SeedDocuments.tomskAnnouncement();
        var model = new LetterModel(m.header(), m.number(), m.date(), m.addressees(), m.subject(), m.appeal(),
                m.body(), m.requests(), m.attachment(), m.signatoryPosition(), m.signatoryName(), m.executor(),
                new LetterModel.Appendix(null, "Повестка", List.of("1. О ВПР.")));
        assertThat(lines(open(bytes(LetterDocx::write, model)))).containsSubsequence(
                "Приложение\nк письму от 26.10.2020 № 57-5129", "Повестка", "1. О ВПР.");
    }

    @Test
    void onlyTheContactsTheHeaderHasAreShown() {
        LetterModel m = SeedDocuments.tomskCoveringLetter();
        var header = new OfficialHeader(List.of("ЦЕНТР ОЦЕНКИ КАЧЕСТВА ОБРАЗОВАНИЯ"), null, "(4822) 34-00-00", null);
        var model = new LetterModel(header, m.number(), m.date(), m.addressees(), m.subject(), m.appeal(), m.body(),
                m.requests(), m.attachment(), m.signatoryPosition(), m.signatoryName(), m.executor(), null);
        XWPFTableCell left = open(bytes(LetterDocx::write, model)).getTables().get(0).getRow(0).getCell(0);
        assertThat(DocxReading.lines(left)).startsWith("ЦЕНТР ОЦЕНКИ КАЧЕСТВА ОБРАЗОВАНИЯ", "тел. (4822) 34-00-00",
                "06.05.2021 № 57-2751");
    }

    @Test
    void aLetterWithOnlyItsEssentialsLeavesNoNullAndNoEmptyBlocks() {
        var bare = new LetterModel(null, null, null, null, null, null, List.of("Направляем информацию."), null,
                " ", null, null, null, new LetterModel.Appendix("Приложение", " ", List.of()));
        XWPFDocument document = open(bytes(LetterDocx::write, bare));
        List<String> lines = lines(document);
        assertThat(lines).containsExactly("__________ № _____", "на № _____ от _____", "Направляем информацию.");
        assertThat(String.join("\n", lines)).doesNotContainIgnoringCase("null");
        assertThat(document.getTables()).hasSize(1);
        assertThat(DocxReading.paragraphs(document)).noneMatch(XWPFParagraph::isPageBreak);
        for (IBodyElement element : document.getBodyElements()) {
            if (element instanceof XWPFParagraph paragraph) {
                assertThat(paragraph.getText()).isNotBlank();
            }
        }
    }

    @Test
    void theSignatureTableNeverTouchesTheCornerTable() {
        var onlySigned = new LetterModel(null, "1", null, List.of("Директорам школ"), null, null, null, null, null,
                "Директор ЦОКО", "Е.В. Лошкарева", null, null);
        XWPFDocument document = open(bytes(LetterDocx::write, onlySigned));
        assertThat(document.getBodyElements()).hasSize(3);
        assertThat(document.getBodyElements().get(1)).isInstanceOf(XWPFParagraph.class);
        assertThat(document.getTables().get(1).getRow(0).getCell(1).getText()).isEqualTo("Е.В. Лошкарева");
    }

    @Test
    void aLetterWithoutNumberYetLeavesTheNumberToFillIn() {
        LetterModel m = SeedDocuments.tomskCoveringLetter();
        var draft = new LetterModel(m.header(), null, LocalDate.of(2021, 5, 6), m.addressees(), m.subject(),
                m.appeal(), m.body(), m.requests(), m.attachment(), m.signatoryPosition(), m.signatoryName(),
                m.executor(), m.appendix());
        assertThat(lines(open(bytes(LetterDocx::write, draft)))).contains("06.05.2021 № _____");
    }

    @Test
    void theLetterIsAnA4OfficialDocumentInTimesNewRoman() {
        for (XWPFDocument letter : List.of(coveringLetter, announcement)) {
            CTSectPr section = letter.getDocument().getBody().getSectPr();
            assertThat(section.getPgSz().getW()).hasToString("11906");
            assertThat(section.getPgSz().getH()).hasToString("16838");
            assertThat(section.getPgMar().getLeft()).hasToString("1701");
            assertThat(DocxReading.runsWithText(letter)).isNotEmpty().allSatisfy(run -> {
                assertThat(run.getFontFamily()).isEqualTo("Times New Roman");
                assertThat(run.getFontSizeAsDouble()).isIn(14.0, 12.0);
            });
        }
        assertThat(lines(coveringLetter)).containsAll(LETTERHEAD);
        assertThat(coveringLetter.getProperties().getCoreProperties().getTitle())
                .startsWith("О направлении протокола семинара-совещания");
    }

    private static List<XWPFParagraph> paragraphs(XWPFDocument document, String startingWith) {
        return DocxReading.paragraphs(document).stream().filter(p -> p.getText().startsWith(startingWith)).toList();
    }
}
