package ru.rsoko.results;

import org.jspecify.annotations.Nullable;

import java.util.Locale;

/** The school subjects assessment procedures test. The code is what {@code procedure_result.subject} keeps. */
public enum Subject {
    RUSSIAN("Русский язык", "по русскому языку"),
    MATHEMATICS("Математика", "по математике"),
    WORLD("Окружающий мир", "по окружающему миру"),
    HISTORY("История", "по истории"),
    SOCIAL_STUDIES("Обществознание", "по обществознанию"),
    GEOGRAPHY("География", "по географии"),
    BIOLOGY("Биология", "по биологии"),
    PHYSICS("Физика", "по физике"),
    CHEMISTRY("Химия", "по химии"),
    ENGLISH("Английский язык", "по английскому языку"),
    GERMAN("Немецкий язык", "по немецкому языку"),
    FRENCH("Французский язык", "по французскому языку"),
    LITERATURE("Литература", "по литературе"),
    INFORMATICS("Информатика", "по информатике");

    private final String label;
    private final String byLabel;

    Subject(String label, String byLabel) {
        this.label = label;
        this.byLabel = byLabel;
    }

    /** «Математика». */
    public String label() {
        return label;
    }

    /** «по математике», as a reason reads: «доля «5» по математике 5 кл.». */
    public String byLabel() {
        return byLabel;
    }

    /** The subject a person typed: the label, the code or a common short form («рус. яз.», «матем.»); null if none fits. */
    public static @Nullable Subject parse(@Nullable String text) {
        if (text == null) {
            return null;
        }
        String t = text.strip().toLowerCase(Locale.ROOT).replace('ё', 'е').replaceAll("\\s+", " ");
        if (t.isEmpty()) {
            return null;
        }
        for (Subject s : values()) {
            if (t.equals(s.name().toLowerCase(Locale.ROOT)) || t.equals(s.label.toLowerCase(Locale.ROOT).replace('ё', 'е'))) {
                return s;
            }
        }
        String d = t.replace(".", " ").replaceAll("\\s+", " ").strip();
        if (d.startsWith("рус")) {
            return RUSSIAN;
        }
        if (d.startsWith("мат")) {
            return MATHEMATICS;
        }
        if (d.startsWith("окр")) {
            return WORLD;
        }
        if (d.startsWith("ист")) {
            return HISTORY;
        }
        if (d.startsWith("общ")) {
            return SOCIAL_STUDIES;
        }
        if (d.startsWith("геог")) {
            return GEOGRAPHY;
        }
        if (d.startsWith("биол")) {
            return BIOLOGY;
        }
        if (d.startsWith("физ") && !d.startsWith("физкульт") && !d.startsWith("физическ")) {
            return PHYSICS;
        }
        if (d.startsWith("хим")) {
            return CHEMISTRY;
        }
        if (d.startsWith("англ")) {
            return ENGLISH;
        }
        if (d.startsWith("нем")) {
            return GERMAN;
        }
        if (d.startsWith("франц")) {
            return FRENCH;
        }
        if (d.startsWith("лит")) {
            return LITERATURE;
        }
        if (d.startsWith("информ")) {
            return INFORMATICS;
        }
        return null;
    }
}
