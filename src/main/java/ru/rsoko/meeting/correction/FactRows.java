package ru.rsoko.meeting.correction;

import org.jspecify.annotations.Nullable;
import ru.rsoko.meeting.DeadlineKind;
import ru.rsoko.platform.web.Formats;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** The facts as parsed beside the facts as confirmed, one row per fact, for a correction's card. */
record FactRows(String label, String parsed, String confirmed, boolean differs) {

    static List<FactRows> of(@Nullable ProtocolFacts parsed, @Nullable ProtocolFacts confirmed) {
        if (parsed == null || confirmed == null) {
            return List.of();
        }
        List<FactRows> rows = new ArrayList<>();
        rows.add(row("Дата документа", date(parsed.date()), date(confirmed.date()), !Objects.equals(parsed.date(), confirmed.date())));
        rows.add(row("Номер документа", text(parsed.number()), text(confirmed.number()),
                !ProtocolFacts.comparable(parsed.number()).equals(ProtocolFacts.comparable(confirmed.number()))));
        rows.add(row("Выступившие", String.join(", ", parsed.speakers()), String.join(", ", confirmed.speakers()),
                !ProtocolFacts.comparable(parsed.speakers()).equals(ProtocolFacts.comparable(confirmed.speakers()))));
        int n = Math.max(parsed.decisions().size(), confirmed.decisions().size());
        for (int i = 0; i < n; i++) {
            ProtocolFacts.Decision p = i < parsed.decisions().size() ? parsed.decisions().get(i) : null;
            ProtocolFacts.Decision c = i < confirmed.decisions().size() ? confirmed.decisions().get(i) : null;
            String title = "Решение " + (i + 1) + ": ";
            rows.add(row(title + "номер", p == null ? "—" : text(p.number()), c == null ? "—" : text(c.number()),
                    p == null || c == null || !ProtocolFacts.comparable(p.number()).equals(ProtocolFacts.comparable(c.number()))));
            rows.add(row(title + "текст", p == null ? "—" : p.text(), c == null ? "—" : c.text(),
                    p == null || c == null || !ProtocolFacts.comparable(p.text()).equals(ProtocolFacts.comparable(c.text()))));
            rows.add(row(title + "ответственные", p == null ? "—" : String.join("; ", p.responsible()),
                    c == null ? "—" : String.join("; ", c.responsible()),
                    p == null || c == null || !ProtocolFacts.comparable(p.responsible()).equals(ProtocolFacts.comparable(c.responsible()))));
            rows.add(row(title + "срок", p == null ? "—" : deadline(p.deadline()), c == null ? "—" : deadline(c.deadline()),
                    p == null || c == null || !Objects.equals(p.deadline(), c.deadline())));
        }
        return rows;
    }

    private static FactRows row(String label, String parsed, String confirmed, boolean differs) {
        return new FactRows(label, parsed, confirmed, differs);
    }

    private static String text(@Nullable String text) {
        return text == null || text.isBlank() ? "—" : text;
    }

    private static String date(@Nullable String iso) {
        return iso == null ? "—" : Formats.DATE.format(LocalDate.parse(iso));
    }

    private static String deadline(ProtocolFacts.@Nullable Deadline deadline) {
        if (deadline == null) {
            return "—";
        }
        String kind;
        try {
            kind = DeadlineKind.valueOf(deadline.kind()).label();
        } catch (IllegalArgumentException e) {
            kind = deadline.kind();
        }
        StringBuilder text = new StringBuilder(kind);
        if (deadline.start() != null) {
            text.append(", с ").append(date(deadline.start()));
        }
        if (deadline.due() != null) {
            text.append(", до ").append(date(deadline.due()));
        }
        return text.toString();
    }
}
