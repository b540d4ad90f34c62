package ru.rsoko.platform.web;

import org.springframework.context.annotation.Configuration;
import org.springframework.format.Formatter;
import org.springframework.format.FormatterRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import java.text.ParseException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.Locale;

/**
 * Every date a form shows and reads is dd.MM.yyyy, whatever language the browser speaks: date fields are text inputs
 * («дд.мм.гггг») and this one formatter, registered for all forms and request parameters, prints 12.02.2026 and reads
 * 12.02.2026, 1.2.2026 and, for the API and links, the ISO 2026-02-12. Registered after Spring's own date formats,
 * it is the one every LocalDate of a form or a request parameter goes through.
 */
@Configuration(proxyBeanMethods = false)
public class DateFields implements WebMvcConfigurer {

    /** What a date field's placeholder and a wrong date's message show. */
    public static final String HINT = "дд.мм.гггг";
    /** What a field that is no date reads (the same as typeMismatch.java.time.LocalDate in messages.properties). */
    public static final String WRONG_DATE = "Укажите дату в виде дд.мм.гггг, например 12.02.2026";

    private static final DateTimeFormatter TYPED = DateTimeFormatter.ofPattern("d.M.uuuu").withResolverStyle(ResolverStyle.STRICT);

    @Override
    public void addFormatters(FormatterRegistry registry) {
        registry.addFormatterForFieldType(LocalDate.class, new DateFormatter());
    }

    /** dd.MM.yyyy out; d.M.yyyy or ISO in. */
    public static final class DateFormatter implements Formatter<LocalDate> {

        @Override
        public String print(LocalDate date, Locale locale) {
            return Formats.DATE.format(date);
        }

        @Override
        public LocalDate parse(String text, Locale locale) throws ParseException {
            String typed = text.strip();
            try {
                return typed.contains("-") ? LocalDate.parse(typed) : LocalDate.parse(typed, TYPED);
            } catch (DateTimeParseException e) {
                throw new ParseException("Дата «" + typed + "» — не дата: укажите её как " + HINT + ", например 12.02.2026", 0);
            }
        }
    }
}
