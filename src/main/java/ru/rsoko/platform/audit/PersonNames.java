package ru.rsoko.platform.audit;

import java.util.Collection;
import java.util.Map;

/**
 * Who stands behind a login, as histories name them. The platform only declares it; the account module answers
 * (its {@code AccountService}), so the platform never depends on accounts.
 */
public interface PersonNames {

    /** The full names of the accounts with these logins, in one query; a login without an account is left out. */
    Map<String, String> namesOf(Collection<String> usernames);
}
