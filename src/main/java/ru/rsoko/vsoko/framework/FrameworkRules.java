package ru.rsoko.vsoko.framework;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** How a framework's numbers, types and options are written by people: shared by the forms and the workbook. */
final class FrameworkRules {

    static final int MAX_CODE = 30;
    static final int MAX_DIRECTION_CODE = 20;

    private FrameworkRules() {
    }

    /** A number typed with a comma or a dot; empty is null; anything else is an {@link IllegalArgumentException}. */
    static BigDecimal number(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return new BigDecimal(text.strip().replace(" ", "").replace("\u00a0", "").replace(',', '.'));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(text.strip());
        }
    }

    /** The type as the workbook writes it. */
    static String typeLabel(ValueType type) {
        return switch (type) {
            case YES_NO -> "да/нет";
            case NUMBER -> "число";
            case PERCENT -> "процент";
            case CHOICE -> "выбор";
        };
    }

    static Optional<ValueType> type(String text) {
        String t = text == null ? "" : text.strip().toLowerCase(Locale.ROOT).replace(" ", "").replace("ё", "е");
        return switch (t) {
            case "да/нет", "данет", "да-нет" -> Optional.of(ValueType.YES_NO);
            case "число", "количество" -> Optional.of(ValueType.NUMBER);
            case "процент", "%", "доля" -> Optional.of(ValueType.PERCENT);
            case "выбор", "выборизвариантов" -> Optional.of(ValueType.CHOICE);
            default -> Optional.empty();
        };
    }

    /**
     * Options written «вариант = баллы», separated by {@code separator} (a line break on the form, «;» in the
     * workbook). A part that is not so is an {@link IllegalArgumentException} with that part.
     */
    static List<IndicatorOption> options(String text, String separator) {
        List<IndicatorOption> options = new ArrayList<>();
        if (text == null) {
            return options;
        }
        for (String part : text.split(separator)) {
            if (part.isBlank()) {
                continue;
            }
            int eq = part.lastIndexOf('=');
            String label = eq < 0 ? "" : part.substring(0, eq).strip();
            BigDecimal points;
            try {
                points = eq < 0 ? null : number(part.substring(eq + 1));
            } catch (IllegalArgumentException e) {
                points = null;
            }
            if (label.isEmpty() || points == null || points.signum() < 0 || label.contains(";")) {
                throw new IllegalArgumentException(part.strip());
            }
            options.add(new IndicatorOption(label, points));
        }
        return options;
    }

    static String optionsText(List<FrameworkView.Option> options) {
        return String.join("; ", options.stream().map(o -> o.label() + " = " + FrameworkForms.plain(o.points())).toList());
    }
}
