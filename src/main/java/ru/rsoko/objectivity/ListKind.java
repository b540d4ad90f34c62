package ru.rsoko.objectivity;

import ru.rsoko.platform.web.Badge;

import java.util.Locale;

/** The two lists of a year the region keeps about its schools. */
public enum ListKind implements Badge {
    LOW_RESULTS("ШНОР", "Школы с низкими образовательными результатами (ШНОР)", "text-bg-warning"),
    NON_OBJECTIVE("Признаки необъективности", "Школы с признаками необъективности результатов ВПР", "text-bg-danger");

    private final String label;
    private final String title;
    private final String badgeClass;

    ListKind(String label, String title, String badgeClass) {
        this.label = label;
        this.title = title;
        this.badgeClass = badgeClass;
    }

    /** «ШНОР», «Признаки необъективности»: what the «Вид списка» column of a workbook holds. */
    @Override
    public String label() {
        return label;
    }

    @Override
    public String badgeClass() {
        return badgeClass;
    }

    public String title() {
        return title;
    }

    /** The kind a person typed in a workbook: the label, the code, or a plain wording of it; null if none fits. */
    public static ListKind parse(String text) {
        if (text == null) {
            return null;
        }
        String t = text.strip().toLowerCase(Locale.ROOT).replace('ё', 'е').replaceAll("\\s+", " ");
        if (t.isEmpty()) {
            return null;
        }
        for (ListKind kind : values()) {
            if (t.equals(kind.name().toLowerCase(Locale.ROOT))
                    || t.equals(kind.label.toLowerCase(Locale.ROOT).replace('ё', 'е'))
                    || t.equals(kind.title.toLowerCase(Locale.ROOT).replace('ё', 'е'))) {
                return kind;
            }
        }
        if (t.equals("шнор") || t.startsWith("школы с низкими") || t.startsWith("низкие результаты")) {
            return LOW_RESULTS;
        }
        if (t.contains("необъектив")) {
            return NON_OBJECTIVE;
        }
        return null;
    }
}
