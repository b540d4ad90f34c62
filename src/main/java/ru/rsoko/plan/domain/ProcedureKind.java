package ru.rsoko.plan.domain;

import org.jspecify.annotations.Nullable;
import ru.rsoko.plan.Procedure;

import java.math.BigDecimal;
import java.util.List;

/**
 * A kind of monitoring procedure (ВПР, РПР, НИКО…) as the pages show it: of the shared catalogue (no region) or a
 * region's own. Its grades, coverage target and observers are what a new procedure of the kind starts with.
 */
public record ProcedureKind(long id, @Nullable Long regionId, String code, String name, List<Integer> grades,
                            @Nullable BigDecimal coverageTarget, boolean observers, boolean vsoko, boolean active,
                            long version) {

    public boolean shared() {
        return regionId == null;
    }

    public String gradesText() {
        return Procedure.gradesText(grades);
    }
}
