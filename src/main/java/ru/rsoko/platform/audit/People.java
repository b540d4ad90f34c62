package ru.rsoko.platform.audit;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * People's names for the logins stamped on changes («tver.coko» → «Смирнова Ольга Петровна»): every history, report
 * and comment a user reads names the person, the login being only a hint. Work done by the application itself reads
 * «Система (автоматически)», the demo data «Демонстрационные данные»; a login whose account is gone stays a login.
 * Ask once per page with every login on it ({@link #of}), never once per row.
 */
@Component
public class People {

    public static final String SYSTEM_NAME = "Система (автоматически)";
    public static final String DEMO = "demo";
    public static final String DEMO_NAME = "Демонстрационные данные";

    private final ObjectProvider<PersonNames> source;

    public People(ObjectProvider<PersonNames> source) {
        this.source = source;
    }

    /** The names of these logins, with one query to the accounts. */
    public Names of(Collection<@Nullable String> usernames) {
        Set<String> asked = usernames.stream().filter(Objects::nonNull)
                .filter(u -> !u.equals(RevisionUserListener.SYSTEM) && !u.equals(DEMO)).collect(Collectors.toSet());
        PersonNames accounts = source.getIfAvailable();
        Map<String, String> found = asked.isEmpty() || accounts == null ? Map.of() : accounts.namesOf(asked);
        return new Names(new HashMap<>(found));
    }

    /** One login's name (a card with a single author); a list asks {@link #of} once for all its rows. */
    public String nameOf(@Nullable String username) {
        return of(username == null ? Set.of() : Set.of(username)).of(username);
    }

    /** Names of the logins of one page; templates write {@code ${names.of(login)}} with the login as the title. */
    public record Names(Map<String, String> byLogin) {

        public static final Names NONE = new Names(Map.of());

        /** The person's full name; the system and the demo data by what they are; an unknown login as it is. */
        public String of(@Nullable String username) {
            if (username == null) {
                return "";
            }
            if (username.equals(RevisionUserListener.SYSTEM)) {
                return SYSTEM_NAME;
            }
            if (username.equals(DEMO)) {
                return DEMO_NAME;
            }
            return byLogin.getOrDefault(username, username);
        }
    }
}
