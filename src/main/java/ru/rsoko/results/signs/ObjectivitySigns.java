package ru.rsoko.results.signs;

import org.springframework.stereotype.Service;
import ru.rsoko.results.Subject;

import java.util.Set;

/**
 * The signs of non-objectivity computed by the region's rules. PLACEHOLDER of the foundation commit: the signs
 * helper replaces this class with the rules.
 */
@Service
class ObjectivitySigns implements SchoolsWithSigns {

    @Override
    public Set<Long> of(long regionId, int year, Subject subject, int grade) {
        return Set.of();
    }
}
