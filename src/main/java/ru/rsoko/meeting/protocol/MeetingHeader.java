package ru.rsoko.meeting.protocol;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The meeting's header: what stands between «ПРОТОКОЛ» (or the meeting's name in an announcement) and the first
 * part of the protocol — the kind («Семинара-совещания»), the title in quotes, the date, the time and the place,
 * in whatever order and on however many lines. The date is only ever taken from here or from a labelled line
 * («Дата проведения: …»), never from a covering letter. What it cannot place goes to {@code unplaced}.
 */
final class MeetingHeader {

    /** How sure a date is to be the meeting's: a labelled one beats a bare one beats the protocol's own. */
    private static final int FROM_PROTOCOL_NUMBER = 1;
    private static final int BARE = 2;
    private static final int LABELLED = 3;

    static final Pattern NUMBER = Pattern.compile("(?:№|(?<![\\p{L}\\d])N(?=\\s*\\d))\\s*([\\p{L}\\d/.-]*\\d[\\p{L}\\d/-]*)");
    private static final Pattern EXTRACT = Pattern.compile("(?iu)^из\\s+протокола(?![а-яё])");
    /** «№ 7» on a line of its own, as a date line's right-hand side often becomes. */
    private static final Pattern NUMBER_ALONE = Pattern.compile("^(?:№|N)\\s*([\\p{L}\\d/.-]*\\d[\\p{L}\\d/-]*)\\.?$");
    private static final Pattern LEFTOVER_NOISE = Pattern.compile(
            "(?iu)(?<![\\p{L}])(?:от|в|начало|начало в|с)(?![\\p{L}])|[,;:.–—\\s-]+");
    private static final String OPENING_QUOTES = "«“„\"";
    /**
     * «О внесении изменений в приказ от 12.10.2022 № 300», «во исполнение решения коллегии от …»: the date is the
     * cited act's, not the meeting's. A protocol is left out: «из протокола № 6 заседания от …» is the document's own.
     */
    private static final Pattern CITED_ACT = Pattern.compile(
            "(?iu)(?<![а-яё])(?:(?:приказ|указ|закон)(?:а|ом|у|е|ы|ов|ами)?|(?:постановлени|распоряжени|решени|поручени)"
                    + "(?:е|я|ю|ем|и|ям|ями|ях)|письм(?:о|а|ом|е|у))(?![а-яё])");
    private static final Pattern OT_AT_END = Pattern.compile("(?iu)(?<![а-яё])от\\s*$");

    private final List<String> unplaced;
    /** The document's own number, which the draft holds: a «№» that gives it is not left unplaced. */
    private final String documentNumber;

    String kind;
    String title;
    /** The document's own number as written after «№». */
    String number;
    LocalDate date;
    LocalTime time;
    String place;

    private int datePriority;
    private String dateWritten;
    private boolean titleQuoted;
    /** A title whose closing quote is on a later line. */
    private StringBuilder openTitle;
    private char closingQuote;

    MeetingHeader(List<String> unplaced) {
        this(unplaced, null);
    }

    MeetingHeader(List<String> unplaced, String documentNumber) {
        this.unplaced = unplaced;
        this.documentNumber = documentNumber;
    }

    /** Whether a line before a protocol's first part belongs to an announced meeting's header (seed 004). */
    static boolean looksLikeHeader(String line) {
        if (Markers.MEETING_FIELD.matcher(line).matches()) {
            return true;
        }
        if (line.length() <= 200 && Markers.KIND.matcher(line).lookingAt()) {
            return true;
        }
        if (line.length() <= 100 && Markers.PLACE_LIKE.matcher(line).lookingAt()) {
            return true;
        }
        Optional<WrittenDates.Found<LocalDate>> date = WrittenDates.findDate(line);
        if (date.isPresent()) {
            return !line.contains("№") && !line.toLowerCase(Locale.ROOT).startsWith("от ")
                    && isShortLeftover(date.get().remove(line));
        }
        return WrittenDates.findTime(line).map(t -> isShortLeftover(t.remove(line))).orElse(false);
    }

    /** The rest of the «ПРОТОКОЛ …» line: «№ 3 заседания …», «семинара-совещания «…»», «от 16.04.2021». */
    void protocolLine(String line, String rest) {
        String text = rest;
        Matcher number = NUMBER.matcher(text);
        boolean numbered = false;
        while (!numbered && number.find()) {
            numbered = DocumentDate.mayNumberTheDocument(text, number.start());
        }
        if (numbered) {
            int at = line.indexOf(number.group());
            String upToNumber = line.substring(0, Math.min(line.length(), at + number.group().length()));
            if (!takeNumber(number.group(1), upToNumber) && at > 0 && !Markers.PROTOCOL.matcher(line).matches()) {
                // «ПРИКАЗ № 58/1»: the number is the draft's, the document's name stays in view
                unplaced.add(line.substring(0, at).strip());
            }
            text = text.substring(0, number.start()) + " " + text.substring(number.end());
        } else if (!rest.isEmpty() && !Markers.PROTOCOL.matcher(line).matches() && line.endsWith(rest)) {
            // «ПРИКАЗ по МАОУ гимназии № 2»: no number of its own, and the document's name stays in view
            unplaced.add(line.substring(0, line.length() - rest.length()).strip());
        }
        Optional<WrittenDates.Found<LocalDate>> found = WrittenDates.findDate(text);
        if (found.isPresent()) {
            offerDate(found.get(), text, FROM_PROTOCOL_NUMBER);
            text = found.get().remove(text).replaceFirst("(?iu)(?<![\\p{L}])от\\s*$", "");
        }
        text = text.strip();
        if (!text.isEmpty()) {
            line(text);
        }
    }

    /** One line of the header. */
    void line(String line) {
        if (openTitle != null) {
            continueTitle(line);
            return;
        }
        Matcher alone = NUMBER_ALONE.matcher(line);
        if (alone.matches() && number == null) {
            takeNumber(alone.group(1), line);
            return;
        }
        Matcher extract = EXTRACT.matcher(line);
        if (extract.lookingAt() && number == null) {
            // «ВЫПИСКА / из протокола № 6 заседания педагогического совета»: the protocol's number, the rest its title
            Matcher n = NUMBER.matcher(line);
            if (n.find()) {
                number = n.group(1);
                unplaced.add(line.substring(0, n.end()));
                String rest = line.substring(n.end()).strip();
                if (!rest.isEmpty()) {
                    line(rest);
                }
                return;
            }
        }
        if (offer(line) || dateLine(line, BARE) || timeLine(line)) {
            return;
        }
        boolean hasQuote = indexOfOpeningQuote(line) >= 0;
        if (title == null || hasQuote && !titleQuoted || kind == null && Markers.KIND.matcher(line).lookingAt()) {
            titleText(line);
        } else if (!titleQuoted && date == null && time == null && place == null) {
            title = title + " " + ProtocolText.withoutEndPunctuation(line);
        } else if (place == null) {
            place = ProtocolText.withoutEndPunctuation(line);
        } else {
            unplaced.add(line);
        }
    }

    /** The header has ended: a title whose closing quote never came keeps what was read of it. */
    void finish() {
        if (openTitle != null) {
            title = joined(title, openTitle.toString());
            openTitle = null;
        }
    }

    /** A labelled line about the meeting, wherever it stands: «Дата и время проведения: 27 октября 2020 года, 10.00». */
    private static final Pattern PLACE_LABEL_AFTER = Pattern.compile("(?iu)(?<![а-яё])место(?:\\s+проведения)?\\s*:");

    boolean offer(String line) {
        Matcher field = Markers.MEETING_FIELD.matcher(line);
        if (!field.matches()) {
            return false;
        }
        String label = field.group(1).toLowerCase(Locale.ROOT);
        String value = field.group(2).strip();
        if (label.startsWith("дата")) {
            Matcher place = PLACE_LABEL_AFTER.matcher(value);
            if (place.find() && place.start() > 0) {
                // «Дата: 05.11.2024   Место проведения: МБОУ «Сосновская СОШ № 2»»: two fields on a line
                String where = value.substring(place.end()).strip();
                value = value.substring(0, place.start()).strip();
                if (!where.isEmpty()) {
                    setPlace(where, line);
                }
            }
            if (!dateLine(value, LABELLED)) {
                unplaced.add(line);
            }
        } else if (label.startsWith("время") || label.startsWith("начало")) {
            Optional<WrittenDates.Found<LocalTime>> t = WrittenDates.findTime(value);
            if (t.isPresent() && time == null) {
                time = t.get().value();
                if (!isShortLeftover(t.get().remove(value))) {
                    unplaced.add(line);
                }
            } else {
                unplaced.add(line);
            }
        } else if (label.startsWith("место") && label.contains("время")) {
            if (!dateLine(value, LABELLED) && !timeLine(value)) {
                setPlace(value, line);
            }
        } else {
            setPlace(value, line);
        }
        return true;
    }

    /**
     * A line that gives the date: «16 апреля 2021 года», «г. Томск 16.04.2021», «16.04.2021, 11.00». The rest of
     * the line is the time and the place; a sentence that merely mentions a date is not a date line.
     */
    private boolean dateLine(String line, int priority) {
        Optional<WrittenDates.Found<LocalDate>> found = WrittenDates.findDate(line);
        if (found.isEmpty() || citesAnAct(line.substring(0, found.get().start()))) {
            return false;
        }
        String rest = found.get().remove(line);
        int effective = priority;
        String number = null;
        Matcher numberMatch = NUMBER.matcher(rest);
        boolean numbered = false;
        while (!numbered && numberMatch.find()) {
            numbered = DocumentDate.mayNumberTheDocument(rest, numberMatch.start());
        }
        if (numbered) {
            number = numberMatch.group();
            effective = Math.min(priority, FROM_PROTOCOL_NUMBER);
            rest = rest.replace(number, " ");
        }
        Optional<WrittenDates.Found<LocalTime>> t = WrittenDates.findTime(rest);
        String leftover = cleanPlace(t.isPresent() ? t.get().remove(rest) : rest);
        if (!isShortLeftover(leftover) && wordCount(leftover) > 6) {
            return false;
        }
        offerDate(found.get(), line, effective);
        if (number != null) {
            takeNumber(numberMatch.group(1), number);
        }
        t.ifPresent(f -> time = time == null ? f.value() : time);
        if (isShortLeftover(leftover)) {
            return true;
        }
        if (kind == null && Markers.KIND.matcher(leftover).lookingAt()) {
            titleText(leftover);
        } else {
            setPlace(leftover, line);
        }
        return true;
    }

    private static boolean citesAnAct(String beforeDate) {
        return OT_AT_END.matcher(beforeDate).find() && CITED_ACT.matcher(beforeDate).find();
    }

    /** «11.00», «10:00 часов», «начало в 10.00», «11.00, г. Томск». */
    private boolean timeLine(String line) {
        Optional<WrittenDates.Found<LocalTime>> t = WrittenDates.findTime(line);
        if (t.isEmpty()) {
            return false;
        }
        String rest = t.get().remove(line);
        if (!isShortLeftover(rest) && !Markers.PLACE_LIKE.matcher(cleanPlace(rest)).lookingAt()) {
            return false;
        }
        if (time == null) {
            time = t.get().value();
        } else {
            unplaced.add(line);
            return true;
        }
        if (!isShortLeftover(rest)) {
            setPlace(cleanPlace(rest), line);
        }
        return true;
    }

    /**
     * «Семинара-совещания», «семинара-совещания «Управление …»», «Совещание по вопросам управления …»,
     * ««Управление …»»: the kind as written, and the title without its quotes.
     */
    private void titleText(String text) {
        int quote = indexOfOpeningQuote(text);
        if (quote >= 0) {
            String before = ProtocolText.withoutEndPunctuation(text.substring(0, quote));
            if (title != null && !titleQuoted && kind != null && title.startsWith(kind)) {
                // «семинара-совещания заместителей директоров» above «“Объективность оценивания”»: all of it
                // describes the kind; the quoted words are the title
                kind = title;
                title = null;
            }
            if (!before.isEmpty()) {
                if (kind == null) {
                    kind = before;
                } else {
                    unplaced.add(before);
                }
            }
            titleQuoted = true;
            closingQuote = closingFor(text.charAt(quote));
            openTitle = new StringBuilder();
            continueTitle(text.substring(quote + 1));
            return;
        }
        String line = ProtocolText.withoutEndPunctuation(text);
        Matcher kindMatch = Markers.KIND.matcher(line);
        if (kind == null && kindMatch.lookingAt()) {
            kind = kindMatch.group(1);
            if (kindMatch.end() == line.length()) {
                return;
            }
        }
        title = title == null ? line : title + " " + line;
    }

    /** Reads on to the closing quote; nested «» stay in the title. */
    private void continueTitle(String text) {
        int depth = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '«' && closingQuote == '»') {
                depth++;
            } else if (c == closingQuote && depth > 0) {
                depth--;
            } else if (c == closingQuote) {
                openTitle.append(text, 0, i);
                title = joined(title, openTitle.toString());
                openTitle = null;
                String after = text.substring(i + 1).strip();
                if (!ProtocolText.withoutEndPunctuation(after).isEmpty()) {
                    line(after);
                }
                return;
            }
        }
        openTitle.append(text).append(' ');
    }

    private static String joined(String first, String second) {
        String s = second.strip().replaceAll("\\s+", " ");
        return first == null ? s : first + " " + s;
    }

    /**
     * The document's own date ({@link DocumentDate}) is the draft's; a different one this header took keeps its
     * words in unplaced. Without an own date, the header's stands.
     */
    LocalDate settleDate(LocalDate documentDate) {
        if (documentDate == null) {
            return date;
        }
        if (date != null && !date.equals(documentDate) && dateWritten != null) {
            unplaced.add(dateWritten);
        }
        date = documentDate;
        return date;
    }

    /**
     * A «№» of the header. The draft's number is the document's own ({@link DocumentDate}) or, without one, the
     * header's first; a number that is not the draft's keeps its words in unplaced (and says so).
     */
    private boolean takeNumber(String written, String text) {
        boolean drafts = documentNumber != null ? isDocumentNumber(written) : number == null;
        if (number == null) {
            number = written;
        }
        if (!drafts) {
            unplaced.add(text);
        }
        return !drafts;
    }

    private boolean isDocumentNumber(String written) {
        return documentNumber != null && DocumentDate.withoutTrailingDots(written).equals(documentNumber);
    }

    /** The surer date is the meeting's; a different date that loses is kept in unplaced as written. */
    private void offerDate(WrittenDates.Found<LocalDate> found, String line, int priority) {
        String written = line.substring(found.start(), found.end()).strip();
        if (priority > datePriority) {
            if (date != null && !date.equals(found.value())) {
                unplaced.add(dateWritten);
            }
            date = found.value();
            dateWritten = written;
            datePriority = priority;
        } else if (!found.value().equals(date)) {
            unplaced.add(written);
        }
    }

    private void setPlace(String value, String line) {
        String v = ProtocolText.withoutEndPunctuation(value);
        if (place == null && !v.isEmpty()) {
            place = v;
        } else if (!v.isEmpty()) {
            unplaced.add(line);
        }
    }

    /** What is left of a date line once the date and time are out: «г. Тверь», not «от г. Тверь». */
    private static String cleanPlace(String rest) {
        return rest.replaceAll("\\s+", " ").replaceAll("^[\\s,;.–—-]+|[\\s,;–—-]+$", "")
                .replaceAll("(?iu)^от\\s+|\\s+от$", "").strip();
    }

    private static boolean isShortLeftover(String rest) {
        return LEFTOVER_NOISE.matcher(rest).replaceAll("").isEmpty();
    }

    private static int wordCount(String s) {
        String t = s.strip();
        return t.isEmpty() ? 0 : t.split("\\s+").length;
    }

    private static int indexOfOpeningQuote(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (OPENING_QUOTES.indexOf(text.charAt(i)) >= 0) {
                return i;
            }
        }
        return -1;
    }

    private static char closingFor(char opening) {
        return switch (opening) {
            case '«' -> '»';
            case '“' -> '”';
            case '„' -> '“';
            default -> '"';
        };
    }
}
