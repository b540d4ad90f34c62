package ru.rsoko.account;

import ru.rsoko.access.Role;
import ru.rsoko.access.Scope;

import java.util.Map;

/** What other modules ask of accounts: figures for the administrators' home page. */
public interface AccountService {

    /** Enabled accounts in the scope, by role. */
    Map<Role, Long> countByRole(Scope scope);
}
