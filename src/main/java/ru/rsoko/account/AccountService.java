package ru.rsoko.account;

import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Page;
import ru.rsoko.access.CurrentUser;
import ru.rsoko.access.Role;
import ru.rsoko.access.Scope;
import ru.rsoko.platform.audit.PersonNames;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What other modules ask of accounts: figures for the administrators' home page, the people to tell something, and the
 * person an account stands for where no one signs in (a calendar app fetching its owner's feed), and the people's
 * names histories show instead of logins ({@link PersonNames#namesOf}).
 */
public interface AccountService extends PersonNames {

    /** Enabled accounts in the scope, by role. */
    Map<Role, Long> countByRole(Scope scope);

    /**
     * The enabled accounts that answer for these organisations: the accounts of each organisation itself, and for a
     * municipality also the municipal officers of its other organisations (a methodological centre's staff). One query.
     */
    List<Recipient> answeringFor(Collection<Long> orgUnitIds);

    /** The enabled municipal officers of these municipalities. */
    List<Recipient> municipalOfficers(Collection<Long> municipalityIds);

    /** The enabled regional staff of the region. */
    List<Recipient> regionalStaff(long regionId);

    /** Every enabled account of the region with one of the roles. */
    List<Recipient> ofRegion(long regionId, Collection<Role> roles);

    /** One enabled account. */
    Optional<Recipient> recipient(long accountId);

    /** Enabled accounts in the scope without an e-mail address, by name: they are told in the app only. */
    Page<Recipient> withoutEmail(Scope scope, Pageable pageable);

    /**
     * The user the account would sign in as, built as at login (role, organisation, region, enabled and locked as of
     * now); empty for an unknown account. The caller decides what a disabled or locked one may not do.
     */
    Optional<CurrentUser> user(long accountId);
}
