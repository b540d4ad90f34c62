package ru.rsoko.meeting.protocol;

import io.swagger.v3.oas.annotations.media.Schema;
import ru.rsoko.meeting.Deadline;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

/**
 * What the parser made of a protocol written the usual way, for a person to correct before anything is saved.
 * Nothing of the source is dropped: what could not be placed is in {@code unplaced}, in the order of the text.
 *
 * @param kind         the kind of meeting as written («Семинар-совещание», «Совещание»), or null
 * @param title        the meeting's title without quotes, e.g. «Управление качеством образования в Томской
 *                     области: от региона к школе»
 * @param number       the document's own number as written («358», «3-р»), never of an act it cites; or null
 * @param date         the date of the meeting itself (never of a covering letter), or null
 * @param time         the start time, or null
 * @param place        where it was held, as written, or null
 * @param chair        «ПРЕДСЕДАТЕЛЬ» as written (name and position), or null
 * @param participants the lines of «УЧАСТНИКИ», one per participant or category
 * @param agenda       the agenda items in order
 * @param decisions    the decisions in order
 * @param unplaced     paragraphs the parser could not place (letter headers and bodies, signatures it did not
 *                     recognise, anything unexpected)
 * @param sources      where the header's facts came from in the text the person gave; null until located
 * @param sourceText   the text the draft was read from (pasted, or extracted from a file), which every {@link Span}
 *                     of the draft points into; null until located
 */
public record ProtocolDraft(String kind, String title, String number, LocalDate date, LocalTime time, String place,
                            String chair, List<String> participants, List<AgendaItem> agenda, List<Decision> decisions,
                            List<String> unplaced,
                            @Schema(description = "откуда взяты дата и номер документа") DraftSources sources,
                            @Schema(description = "текст, из которого сделан черновик (для файла — извлечённый из него); "
                                    + "все source указывают в него") String sourceText) {

    public ProtocolDraft(String kind, String title, String number, LocalDate date, LocalTime time, String place,
                         String chair, List<String> participants, List<AgendaItem> agenda, List<Decision> decisions,
                         List<String> unplaced, DraftSources sources) {
        this(kind, title, number, date, time, place, chair, participants, agenda, decisions, unplaced, sources, null);
    }

    /** A draft whose sources are not located yet. */
    public ProtocolDraft(String kind, String title, String number, LocalDate date, LocalTime time, String place,
                         String chair, List<String> participants, List<AgendaItem> agenda, List<Decision> decisions,
                         List<String> unplaced) {
        this(kind, title, number, date, time, place, chair, participants, agenda, decisions, unplaced, null, null);
    }

    /** The same draft with its facts' sources in {@code sourceText}. */
    public ProtocolDraft located(List<Decision> decisions, DraftSources sources, String sourceText) {
        return new ProtocolDraft(kind, title, number, date, time, place, chair, participants, agenda, decisions,
                unplaced, sources, sourceText);
    }

    /** The facts alone, without where they came from: what two readings of one protocol (text, .docx) share. */
    public ProtocolDraft withoutSources() {
        List<Decision> bare = decisions == null ? null
                : decisions.stream().map(d -> d.withSource(null)).toList();
        return new ProtocolDraft(kind, title, number, date, time, place, chair, participants, agenda, bare, unplaced,
                null, null);
    }

    /** Whether nothing of a protocol was found: no kind, title, date, agenda or decisions. */
    public boolean isEmpty() {
        return kind == null && title == null && date == null && (agenda == null || agenda.isEmpty())
                && (decisions == null || decisions.isEmpty());
    }

    /**
     * @param number       as written: "1", "3", "1.2"
     * @param title        the item's title
     * @param speakers     each speaker as written («Вторина Елена Вениаминовна, заместитель начальника …»), or a
     *                     responsible category («руководители МОУО: ЗАТО Северск, ГО Стрежевой»)
     * @param heard        the «СЛУШАЛИ» text of the item, or null
     * @param speakerNames the people who spoke on the item, in the nominative as surname and initials
     *                     («Вторина Е.В.»), whatever case the text used («Заслушав информацию Втори́ной Елены …»)
     */
    public record AgendaItem(String number, String title, List<String> speakers, String heard,
                             List<String> speakerNames) {

        public AgendaItem(String number, String title, List<String> speakers, String heard) {
            this(number, title, speakers, heard, List.of());
        }
    }

    /**
     * @param number      as written: "1", "10", "1.1"
     * @param text        the decision's text
     * @param responsible each responsible party as written: «руководители МОУО», «ТОИПКРО», «руководители МОУО:
     *                    ЗАТО Северск, ГО Стрежевой, г.Томска, Томского района»; from an addressee heading
     *                    («Руководителям ОУ:») when the protocol groups decisions under one
     * @param deadline    the parsed deadline; null when the protocol gives none for the decision
     * @param source      where the decision, its parties and its deadline came from in the text; null until located
     */
    public record Decision(String number, String text, List<String> responsible, Deadline deadline,
                           @Schema(description = "откуда в sourceText взяты решение, ответственные и срок") DecisionSource source) {

        /** A decision whose source is not located yet. */
        public Decision(String number, String text, List<String> responsible, Deadline deadline) {
            this(number, text, responsible, deadline, null);
        }

        public Decision withSource(DecisionSource source) {
            return new Decision(number, text, responsible, deadline, source);
        }
    }
}
