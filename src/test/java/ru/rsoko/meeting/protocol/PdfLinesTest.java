package ru.rsoko.meeting.protocol;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** How a PDF's lines become paragraphs, told from where each line starts and ends on its page. */
class PdfLinesTest {

    private static PdfText.Line line(String text, int page, float startX, float endX, float y) {
        return new PdfText.Line(text, page, startX, Float.NaN, endX, y, 30f, 3f);
    }

    @Test
    void aFullLineGoesOnOnTheNextLineAtTheUsualSpacing() {
        String text = PdfLines.join(List.of(
                line("1. Руководителям ОО провести педагогические советы по итогам мониторинга", 1, 70, 540, 100),
                line("качества подготовки обучающихся.", 1, 70, 300, 114),
                line("2. Утвердить состав рабочей группы.", 1, 70, 320, 128)));
        assertThat(text).isEqualTo("1. Руководителям ОО провести педагогические советы по итогам мониторинга качества подготовки"
                + " обучающихся.\n2. Утвердить состав рабочей группы.");
    }

    @Test
    void aPageNumberOrFooterUnderAFullLineIsNotJoinedToIt() {
        String text = PdfLines.join(List.of(
                line("1. Руководителям ОО провести педагогические советы по итогам мониторинга", 1, 70, 540, 100),
                line("Страница 1 из 2", 1, 70, 160, 114),
                line("качества подготовки обучающихся.", 2, 70, 300, 60),
                line("2. Утвердить состав рабочей группы, включив в неё заместителей директоров", 2, 70, 540, 74),
                line("Документ подписан электронной подписью", 2, 70, 290, 88)));
        assertThat(text.split("\n")).containsExactly(
                "1. Руководителям ОО провести педагогические советы по итогам мониторинга", "Страница 1 из 2",
                "качества подготовки обучающихся.",
                "2. Утвердить состав рабочей группы, включив в неё заместителей директоров",
                "Документ подписан электронной подписью");
    }
}
