package ru.rsoko.platform.audit;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/** Which properties of an audited entity a person sees in its history, under which Russian labels. */
public final class HistoryFields<T> {

    record Field<T>(String label, Function<T, ?> value, boolean onlyNew) {
    }

    private final List<Field<T>> fields = new ArrayList<>();

    public static <T> HistoryFields<T> of(Class<T> type) {
        return new HistoryFields<>();
    }

    public HistoryFields<T> field(String label, Function<T, ?> value) {
        fields.add(new Field<>(label, value, false));
        return this;
    }

    /**
     * A property that says what one change did (the periods a report was filed for), not a state that was replaced:
     * a revision that sets a new value shows it alone, without the value before it.
     */
    public HistoryFields<T> event(String label, Function<T, ?> value) {
        fields.add(new Field<>(label, value, true));
        return this;
    }

    List<FieldChange> changes(T before, T after) {
        List<FieldChange> changes = new ArrayList<>();
        for (Field<T> field : fields) {
            String old = before == null ? null : display(field.value().apply(before));
            String now = after == null ? null : display(field.value().apply(after));
            if (field.onlyNew()) {
                if (now != null && !Objects.equals(old, now)) {
                    changes.add(new FieldChange(field.label(), null, now));
                }
            } else if (!Objects.equals(old, now)) {
                changes.add(new FieldChange(field.label(), old, now));
            }
        }
        return changes;
    }

    private static String display(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Boolean b) {
            return b ? "да" : "нет";
        }
        String text = value.toString();
        return text.isBlank() ? null : text;
    }
}
