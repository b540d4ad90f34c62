package ru.rsoko.meeting.document;

import ru.rsoko.platform.docx.RussianDates;
import ru.rsoko.platform.docx.Wording;
import ru.rsoko.platform.docx.Para;
import ru.rsoko.platform.docx.OfficialDocx;
import ru.rsoko.meeting.document.ProtocolDocumentModel.AgendaItem;
import ru.rsoko.meeting.document.ProtocolDocumentModel.Decision;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The protocol of a meeting as a .docx in the official form of seed 002: letterhead, «ПРОТОКОЛ № …», the kind and
 * the title, date, time and place, ПРЕДСЕДАТЕЛЬ, УЧАСТНИКИ, ПОВЕСТКА with «Докладчик – …», СЛУШАЛИ when the
 * model has it, РЕШИЛИ with «Ответственные – …» and «Срок – …» under each decision, and the signature.
 * A part the model leaves empty is left out, heading included.
 */
public final class ProtocolDocx {

    private final ProtocolDocumentModel model;
    private final OfficialDocx docx;

    private ProtocolDocx(ProtocolDocumentModel model, OfficialDocx docx) {
        this.model = model;
        this.docx = docx;
    }

    /** Writes the protocol to {@code out}, which stays open. */
    public static void write(ProtocolDocumentModel model, OutputStream out) throws IOException {
        Objects.requireNonNull(model, "model");
        OfficialDocx docx = new OfficialDocx(documentTitle(model));
        new ProtocolDocx(model, docx).build();
        docx.numberPagesFromSecond();
        docx.write(out);
    }

    private static String documentTitle(ProtocolDocumentModel model) {
        String kind = Wording.clean(model.kindGenitive());
        String title = Wording.isBlank(model.title()) ? "" : " " + Wording.quoted(model.title());
        return ("Протокол " + kind + title).strip();
    }

    private void build() {
        letterhead();
        heading();
        dateTimeAndPlace();
        chair();
        participants();
        agenda();
        heard();
        decisions();
        docx.signature(model.signatoryPosition(), model.signatoryName(), 36);
    }

    private void letterhead() {
        OfficialDocx.letterhead(docx::paragraph, model.header()).ifPresent(last -> last.spaceAfter(6).ruleBelow());
    }

    private void heading() {
        String number = Wording.isBlank(model.number()) ? "" : " " + Wording.numberSign(model.number());
        docx.paragraph().centred().spaceBefore(18).keepWithNext().bold("ПРОТОКОЛ" + number);
        if (!Wording.isBlank(model.kindGenitive())) {
            docx.paragraph().centred().keepWithNext().text(Wording.capitalised(model.kindGenitive()));
        }
        if (!Wording.isBlank(model.title())) {
            docx.paragraph().centred().bold(Wording.quoted(model.title()));
        }
    }

    private void dateTimeAndPlace() {
        List<String> lines = Wording.present(List.of(
                RussianDates.longDate(model.date()), RussianDates.time(model.time()), Wording.clean(model.place())));
        for (int i = 0; i < lines.size(); i++) {
            docx.paragraph().spaceBefore(i == 0 ? 12 : 0).text(lines.get(i));
        }
    }

    private void chair() {
        if (Wording.isBlank(model.chair())) {
            return;
        }
        docx.paragraph().justified().spaceBefore(12).bold("ПРЕДСЕДАТЕЛЬ:").textAfter(" ", Wording.sentence(model.chair()));
    }

    private void participants() {
        List<String> lines = new ArrayList<>(Wording.present(model.participants()));
        Integer municipalities = model.municipalitiesConnected();
        if (municipalities != null && municipalities > 0) {
            boolean capital = lines.isEmpty() || Character.isUpperCase(lines.get(0).charAt(0));
            lines.add(Wording.municipalitiesRepresented(municipalities, capital));
        }
        if (lines.isEmpty()) {
            return;
        }
        sectionHeading("УЧАСТНИКИ:");
        for (int i = 0; i < lines.size(); i++) {
            docx.paragraph().justified().firstLineIndent().text(Wording.listItem(lines.get(i), i == lines.size() - 1));
        }
    }

    private void agenda() {
        List<AgendaItem> items = Wording.presentItems(model.agenda());
        if (items.stream().allMatch(ProtocolDocx::isEmpty)) {
            return;
        }
        sectionHeading("ПОВЕСТКА:");
        for (int i = 0; i < items.size(); i++) {
            if (!isEmpty(items.get(i))) {
                agendaItem(items.get(i), i + 1);
            }
        }
    }

    private static boolean isEmpty(AgendaItem item) {
        return Wording.isBlank(item.title()) && Wording.present(item.speakers()).isEmpty();
    }

    private void agendaItem(AgendaItem item, int position) {
        List<String> speakers = Wording.present(item.speakers());
        numberedText(item.number(), position, item.title(), !speakers.isEmpty());
        if (!speakers.isEmpty()) {
            String label = speakers.size() == 1 ? "Докладчик – " : "Докладчики – ";
            docx.paragraph().justified().firstLineIndent().text(label + Wording.enumeration(speakers));
        }
    }

    /** What was heard on each item, numbered as the agenda; only the protocols that record it have it. */
    private void heard() {
        List<AgendaItem> items = Wording.presentItems(model.agenda());
        if (items.stream().allMatch(item -> Wording.isBlank(item.heard()))) {
            return;
        }
        sectionHeading("СЛУШАЛИ:");
        for (int i = 0; i < items.size(); i++) {
            if (!Wording.isBlank(items.get(i).heard())) {
                numberedText(items.get(i).number(), i + 1, items.get(i).heard(), false);
            }
        }
    }

    private void decisions() {
        List<Decision> decisions = Wording.presentItems(model.decisions()).stream()
                .filter(decision -> !Wording.isBlank(decision.text()))
                .toList();
        if (decisions.isEmpty()) {
            return;
        }
        sectionHeading("РЕШИЛИ:");
        for (int i = 0; i < decisions.size(); i++) {
            decision(decisions.get(i), i + 1);
        }
    }

    private void decision(Decision decision, int position) {
        boolean hasResponsible = !Wording.isBlank(decision.responsible());
        boolean hasDeadline = !Wording.isBlank(decision.deadline());
        numberedText(decision.number(), position, decision.text(), hasResponsible || hasDeadline);
        if (hasResponsible) {
            Para line = docx.paragraph().justified().firstLineIndent()
                    .text("Ответственные – " + Wording.sentence(decision.responsible()));
            if (hasDeadline) {
                line.keepWithNext();
            }
        }
        if (hasDeadline) {
            docx.paragraph().justified().firstLineIndent().text("Срок – " + Wording.sentence(decision.deadline()));
        }
    }

    /**
     * «1. Текст.» as a justified paragraph with the first-line indent; a text of several paragraphs gives several,
     * the number on the first. {@code keepWithNext} holds the item on the page of the lines that follow it.
     */
    private void numberedText(String number, int position, String text, boolean keepWithNext) {
        List<String> paragraphs = Wording.paragraphsOf(text);
        for (int i = 0; i < paragraphs.size(); i++) {
            boolean last = i == paragraphs.size() - 1;
            String content = last ? Wording.sentence(paragraphs.get(i)) : paragraphs.get(i);
            Para paragraph = docx.paragraph().justified().firstLineIndent().spaceBefore(i == 0 ? 6 : 0)
                    .text(i == 0 ? Wording.numberPrefix(number, position) + content : content);
            if (keepWithNext || !last) {
                paragraph.keepWithNext();
            }
        }
    }

    private void sectionHeading(String heading) {
        docx.paragraph().spaceBefore(12).keepWithNext().bold(heading);
    }
}
