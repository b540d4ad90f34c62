package ru.rsoko.participation.domain;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import ru.rsoko.access.Scope;
import ru.rsoko.directory.DirectoryService;
import ru.rsoko.directory.GradePupils;
import ru.rsoko.directory.SchoolYear;
import ru.rsoko.plan.Procedure;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Pupils per grade are the directory's: participation reads them to prefill a grade without data (the form, the
 * template) and gives back what people type, so that the figure of the procedure's school year is entered once. The
 * procedure's school year is that of the day it is held from.
 */
@Component
class DirectoryPupils {

    private final DirectoryService directory;
    private final JdbcTemplate jdbc;

    DirectoryPupils(DirectoryService directory, JdbcTemplate jdbc) {
        this.directory = directory;
        this.jdbc = jdbc;
    }

    static SchoolYear schoolYear(Procedure procedure) {
        return SchoolYear.of(procedure.effectiveStart());
    }

    /** The directory's figures of the schools in the procedure's school year, by {@link ParticipationWriter.Write#key}. */
    Map<Long, Integer> figures(Procedure procedure, Collection<Long> schoolIds) {
        Map<Long, Integer> figures = new HashMap<>();
        directory.pupils(schoolIds, schoolYear(procedure))
                .forEach(g -> figures.put(ParticipationWriter.Write.key(g.schoolId(), g.grade()), g.pupils()));
        return figures;
    }

    /** The pupils the procedure stores now for these schools, by {@link ParticipationWriter.Write#key}: read before a write. */
    Map<Long, Integer> stored(long procedureId, List<ParticipationWriter.Write> writes) {
        Map<Long, Integer> stored = new HashMap<>();
        if (writes.isEmpty()) {
            return stored;
        }
        jdbc.query("select school_id, grade, pupils from participation where procedure_id = ? and school_id = any(?)",
                rs -> {
                    stored.put(ParticipationWriter.Write.key(rs.getLong(1), rs.getInt(2)), rs.getInt(3));
                }, procedureId, writes.stream().map(ParticipationWriter.Write::schoolId).distinct().toArray(Long[]::new));
        return stored;
    }

    /**
     * Gives the directory the pupils typed: of new rows and of rows whose pupils changed. A row written again with its
     * old pupils (only participants or observers changed) leaves the directory's figure alone, which may be newer.
     */
    void giveBack(Scope scope, String username, Procedure procedure, List<ParticipationWriter.Write> writes,
                  Map<Long, Integer> storedBefore) {
        List<GradePupils.Figure> typed = new ArrayList<>();
        for (ParticipationWriter.Write w : writes) {
            Integer before = storedBefore.get(w.key());
            if (before == null || before != w.pupils()) {
                typed.add(new GradePupils.Figure(w.schoolId(), w.grade(), w.pupils()));
            }
        }
        if (!typed.isEmpty()) {
            directory.recordPupils(scope, username, schoolYear(procedure), typed);
        }
    }
}
