package ru.rsoko.meeting.protocol;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;

/**
 * Reads a protocol written the usual way — pasted as text or uploaded as .docx — into a {@link ProtocolDraft} for a
 * person to check. It copes with a covering letter in front (seed 002) and with an announcement whose appendix is
 * the agenda (seed 004), and drops nothing: what it cannot place is in the draft's {@code unplaced}.
 *
 * <p>The steps: clean the lines ({@link ProtocolText}); find where the meeting's header starts and where the first
 * part (ПРЕДСЕДАТЕЛЬ, УЧАСТНИКИ, ПОВЕСТКА, СЛУШАЛИ, РЕШИЛИ) begins; read the header ({@link MeetingHeader}) and the
 * parts ({@link ProtocolBody}).
 */
@Component
public class ProtocolParser {

    private static final Logger log = LoggerFactory.getLogger(ProtocolParser.class);

    /** How far above the first part an announcement's meeting header may begin (name, date, time, place). */
    private static final int HEADER_LOOKBACK = 8;

    /** A protocol pasted as text; null or blank gives an empty draft. */
    public ProtocolDraft parse(String text) {
        try {
            return parseStrictly(text);
        } catch (RuntimeException e) {
            // a layout the parser trips over must still leave the person with their whole text to work from
            log.error("Протокол не разобран, текст возвращён целиком в «Не распознано»", e);
            return new ProtocolDraft(null, null, null, null, null, null, null, List.of(), List.of(), List.of(),
                    ProtocolText.lines(text));
        }
    }

    /** Without the safety net of {@link #parse(String)}, for tests that must see the parser's own failures. */
    ProtocolDraft parseStrictly(String text) {
        return read(ProtocolText.lines(text));
    }

    /**
     * An uploaded protocol file (.docx, .doc or .pdf, see {@link ProtocolFiles}). Callers that keep the text the
     * draft was read from take {@link ProtocolFiles#text} and {@link #parse(String)} instead.
     *
     * @throws ProtocolFormatException when the file is not a readable protocol, with a message for the user
     */
    public ProtocolDraft parse(InputStream file) {
        return parse(ProtocolFiles.text(file, null));
    }

    private ProtocolDraft read(List<String> lines) {
        List<String> unplaced = new ArrayList<>();
        int firstPart = firstPart(lines);
        int headerStart = headerStart(lines, firstPart);

        unplaced.addAll(lines.subList(0, headerStart));

        MeetingHeader header = new MeetingHeader(unplaced);
        for (int i = headerStart; i < firstPart; i++) {
            Matcher protocol = Markers.PROTOCOL.matcher(lines.get(i));
            if (i == headerStart && protocol.matches()) {
                header.protocolLine(lines.get(i), protocol.group(1));
            } else {
                header.line(lines.get(i));
            }
        }
        header.finish();

        ProtocolBody body = new ProtocolBody(header, unplaced);
        body.read(lines.subList(firstPart, lines.size()));

        return new ProtocolDraft(header.kind, header.title, null, header.date, header.time, header.place, body.chair(),
                body.participants(), body.agenda(), body.decisions(header.date), List.copyOf(unplaced));
    }

    private static int firstPart(List<String> lines) {
        for (int i = 0; i < lines.size(); i++) {
            if (Markers.startsSection(lines.get(i))) {
                return i;
            }
        }
        return lines.size();
    }

    /**
     * The «ПРОТОКОЛ» line nearest above the first part; without one (an announcement), the run of lines just
     * above it that read like a meeting's header («Совещание по вопросам …», «Дата и время проведения: …»).
     * Everything above is a covering letter.
     */
    private static int headerStart(List<String> lines, int firstPart) {
        for (int i = firstPart - 1; i >= 0; i--) {
            if (isProtocolTitle(lines.get(i))) {
                return i;
            }
        }
        int start = firstPart;
        while (start > 0 && firstPart - start < HEADER_LOOKBACK && MeetingHeader.looksLikeHeader(lines.get(start - 1))) {
            start--;
        }
        return start;
    }

    /** «ПРОТОКОЛ», «ПРОТОКОЛ № 3 заседания …», «П Р О Т О К О Л» — not a sentence about a protocol. */
    private static boolean isProtocolTitle(String line) {
        Matcher m = Markers.PROTOCOL.matcher(line);
        if (!m.matches() || line.length() > 300) {
            return false;
        }
        String rest = m.group(1);
        return rest.isEmpty() || rest.startsWith("№") || Markers.KIND.matcher(rest).lookingAt()
                || "«“\"„".indexOf(rest.charAt(0)) >= 0 || rest.toLowerCase(Locale.ROOT).startsWith("от ")
                || Character.isUpperCase(line.charAt(0)) && Character.isUpperCase(line.charAt(1)) && line.length() < 120;
    }
}
