package ru.rsoko.account;

import org.jspecify.annotations.Nullable;
import ru.rsoko.access.Role;

/** A person who can be told something: an enabled account, where it belongs, and its e-mail address if it has one. */
public record Recipient(long accountId, String username, String fullName, Role role, long orgUnitId, String orgUnitName,
                        @Nullable Long regionId, @Nullable Long municipalityId, @Nullable String email) {

    public boolean hasEmail() {
        return email != null && !email.isBlank();
    }
}
