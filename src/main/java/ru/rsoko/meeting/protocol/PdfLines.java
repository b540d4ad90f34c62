package ru.rsoko.meeting.protocol;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A PDF's lines back into paragraphs, as a .docx or a pasted text has them: a line break is only where the page was
 * full when the line reaches the text's right edge so closely that the next line's first word would not have fitted
 * after it, the next line follows at the usual line spacing on the same page, starts where the paragraph's lines
 * start (the left edge, or the text after a list number), and does not itself open an item («2.», «а)», «–») or a
 * section, and neither line is page furniture («Страница 1 из 2» set right under a full line). Every other break
 * stays. Lines are joined with a space (after a hyphen, without one); nothing is dropped.
 */
final class PdfLines {

    private static final Pattern OPENS_ITEM = Pattern.compile(
            "^(?:\\d{1,3}(?:\\.\\d{1,3})*[.)]|[а-яa-z]\\)|[-–—•·▪●◦○■□➢►✓*\\uf0b7\\uf0a7]\\s|[IVXLC]{1,6}\\.\\s)");
    private static final Pattern SECTION = Pattern.compile(
            "^(?:[А-ЯЁ]\\s?){3,}[А-ЯЁ\\s]*(?::|$)|^(?:Срок|Ответственн|Исполнител|Докладчик|Председател|Секретар|Присутствовал)\\S*\\s*[:–—-]");

    private PdfLines() {
    }

    static String join(List<PdfText.Line> lines) {
        float left = Float.MAX_VALUE;
        float right = -Float.MAX_VALUE;
        List<Float> steps = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            PdfText.Line line = lines.get(i);
            if (Float.isNaN(line.startX())) {
                continue;
            }
            left = Math.min(left, line.startX());
            right = Math.max(right, line.endX());
            if (i > 0 && lines.get(i - 1).page() == line.page() && !Float.isNaN(lines.get(i - 1).y())) {
                float step = line.y() - lines.get(i - 1).y();
                if (step > 0) {
                    steps.add(step);
                }
            }
        }
        float spacing = median(steps);
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < lines.size(); i++) {
            PdfText.Line line = lines.get(i);
            if (i > 0) {
                PdfText.Line previous = lines.get(i - 1);
                if (wrapped(previous, line, left, right, spacing)) {
                    boolean hyphen = previous.text().endsWith("-") || previous.text().endsWith("‑");
                    text.append(hyphen ? "" : " ");
                } else {
                    text.append('\n');
                }
            }
            text.append(line.text().strip());
        }
        return text.toString();
    }

    private static boolean wrapped(PdfText.Line line, PdfText.Line next, float left, float right, float spacing) {
        if (line.page() != next.page() || Float.isNaN(line.endX()) || Float.isNaN(next.startX()) || spacing <= 0) {
            return false;
        }
        float step = next.y() - line.y();
        if (step <= 0 || step > spacing * 1.3f) {
            return false;
        }
        float room = right - line.endX();
        float needed = next.firstWordWidth() + Math.max(line.spaceWidth(), 1f);
        if (room >= needed || line.endX() - left < (right - left) * 0.6f) {
            return false; // the next word would have fitted: the writer ended the line
        }
        float tolerance = Math.max(line.spaceWidth(), 2f) * 1.5f;
        boolean atStart = Math.abs(next.startX() - line.startX()) <= tolerance || next.startX() < line.startX()
                || (!Float.isNaN(line.secondX()) && Math.abs(next.startX() - line.secondX()) <= tolerance);
        if (!atStart) {
            return false;
        }
        String text = next.text().strip();
        // a page's number or running head set at the usual spacing under a full line is no part of its paragraph
        return !OPENS_ITEM.matcher(text).lookingAt() && !SECTION.matcher(text).lookingAt()
                && !ProtocolText.isFurniture(ProtocolText.clean(text)) && !ProtocolText.isFurniture(ProtocolText.clean(line.text()));
    }

    private static float median(List<Float> values) {
        if (values.isEmpty()) {
            return 0;
        }
        float[] sorted = new float[values.size()];
        for (int i = 0; i < sorted.length; i++) {
            sorted[i] = values.get(i);
        }
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
