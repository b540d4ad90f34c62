package ru.rsoko.platform.audit;

import org.hibernate.envers.RevisionListener;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/** Stamps each revision with the signed-in user, or with the system actor for work done without one. */
public class RevisionUserListener implements RevisionListener {

    public static final String SYSTEM = "system";

    @Override
    public void newRevision(Object revisionEntity) {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        String username = auth != null && auth.isAuthenticated() && auth.getName() != null ? auth.getName() : SYSTEM;
        ((Revision) revisionEntity).setUsername(username);
    }
}
