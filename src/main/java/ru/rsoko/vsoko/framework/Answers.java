package ru.rsoko.vsoko.framework;

import ru.rsoko.platform.web.Plurals;
import org.jspecify.annotations.Nullable;
import ru.rsoko.vsoko.framework.FrameworkView.IndicatorView;

import java.math.BigDecimal;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Reads an answer as people write it (on the form, in a workbook cell, in the API) into the stored number, and
 * shows a stored number as the answer again. One reader for every way in, so that a value means the same
 * wherever it came from.
 */
public final class Answers {

    private static final Pattern NUMBER = Pattern.compile("[+-]?\\d{1,12}([.,]\\d{1,2})?");
    private static final List<String> YES = List.of("да", "yes", "1", "true", "+", "имеется", "есть");
    private static final List<String> NO = List.of("нет", "no", "0", "false", "-", "отсутствует");
    public static final int MAX_URL = 2000;

    private Answers() {
    }

    /** A value the indicator cannot take, with what is wrong in Russian. */
    public static final class Invalid extends RuntimeException {
        public Invalid(String message) {
            super(message);
        }
    }

    /**
     * The stored number of an answer; null for an empty one.
     *
     * @throws Invalid when the answer does not fit the indicator
     */
    public static @Nullable BigDecimal read(Indicator indicator, @Nullable String text) {
        return read(indicator.getValueType(), labels(indicator), text);
    }

    /** The same for an indicator as pages read it. */
    public static @Nullable BigDecimal read(IndicatorView indicator, @Nullable String text) {
        return read(indicator.valueType(), indicator.optionLabels(), text);
    }

    private static @Nullable BigDecimal read(ValueType type, List<String> options, @Nullable String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String answer = text.strip().replace('\u00a0', ' ');
        String lower = answer.toLowerCase(Locale.ROOT);
        return switch (type) {
            case YES_NO -> {
                if (YES.contains(lower)) {
                    yield BigDecimal.ONE;
                }
                if (NO.contains(lower)) {
                    yield BigDecimal.ZERO;
                }
                throw new Invalid("ожидается «да» или «нет», а не «" + shorten(answer) + "»");
            }
            case NUMBER -> {
                BigDecimal number = number(answer, "ожидается число");
                if (number.signum() < 0) {
                    throw new Invalid("число не может быть отрицательным: " + shorten(answer));
                }
                yield number;
            }
            case PERCENT -> {
                BigDecimal percent = number(answer.replaceFirst("\\s*%$", ""), "ожидается процент от 0 до 100");
                if (percent.signum() < 0 || percent.compareTo(BigDecimal.valueOf(100)) > 0) {
                    throw new Invalid("процент должен быть от 0 до 100, а не " + shorten(answer));
                }
                yield percent;
            }
            case CHOICE -> {
                for (int i = 0; i < options.size(); i++) {
                    if (options.get(i).strip().equalsIgnoreCase(answer)) {
                        yield BigDecimal.valueOf(i + 1);
                    }
                }
                if (answer.matches("\\d{1,3}")) {
                    int n = Integer.parseInt(answer);
                    if (n >= 1 && n <= options.size()) {
                        yield BigDecimal.valueOf(n);
                    }
                }
                throw new Invalid("нет такого варианта: «" + shorten(answer) + "»; варианты: "
                        + String.join("; ", options));
            }
        };
    }

    /** The answer as people read it: «да», «12», «85 %», the option's label; empty for no answer. */
    public static String show(Indicator indicator, @Nullable BigDecimal value) {
        return show(indicator.getValueType(), labels(indicator), value);
    }

    /** The same for an indicator as pages read it. */
    public static String show(IndicatorView indicator, @Nullable BigDecimal value) {
        return show(indicator.valueType(), indicator.optionLabels(), value);
    }

    private static String show(ValueType type, List<String> options, @Nullable BigDecimal value) {
        if (value == null) {
            return "";
        }
        return switch (type) {
            case YES_NO -> value.signum() > 0 ? "да" : "нет";
            case NUMBER -> plain(value);
            case PERCENT -> plain(value) + " %";
            case CHOICE -> {
                int n = value.intValue();
                yield n >= 1 && n <= options.size() ? options.get(n - 1) : plain(value);
            }
        };
    }

    /** The answer as the form's input holds it: «да»/«нет», a number, the option's number. */
    public static String input(ValueType type, @Nullable BigDecimal value) {
        if (value == null) {
            return "";
        }
        return type == ValueType.YES_NO ? (value.signum() > 0 ? "да" : "нет") : plain(value);
    }

    /** The labels of a choice's options; only a choice needs them. */
    private static List<String> labels(Indicator indicator) {
        return indicator.getValueType() == ValueType.CHOICE
                ? indicator.getOptions().stream().map(IndicatorOption::getLabel).toList() : List.of();
    }

    /**
     * An evidence link: empty is none; otherwise a well-formed http(s) address of a site.
     *
     * @throws Invalid when it is not one
     */
    public static @Nullable String link(@Nullable String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String url = text.strip();
        if (url.length() > MAX_URL) {
            throw new Invalid("ссылка длиннее " + Plurals.of(MAX_URL, "знака", "знаков", "знаков"));
        }
        try {
            URI uri = new URI(url);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null || !uri.getHost().contains(".")) {
                throw new Invalid("ссылка должна начинаться с http:// или https:// и вести на сайт: «" + shorten(url) + "»");
            }
            return url;
        } catch (URISyntaxException e) {
            throw new Invalid("ссылка записана с ошибкой: «" + shorten(url) + "»");
        }
    }

    private static BigDecimal number(String text, String expected) {
        String compact = text.replace(" ", "");
        if (!NUMBER.matcher(compact).matches()) {
            throw new Invalid(expected + ", а не «" + shorten(text) + "»");
        }
        return new BigDecimal(compact.replace(',', '.'));
    }

    private static String plain(BigDecimal value) {
        return value.stripTrailingZeros().toPlainString().replace('.', ',');
    }

    private static String shorten(String text) {
        return text.length() > 60 ? text.substring(0, 57) + "…" : text;
    }
}
