package ru.rsoko.results.recheck;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;

/**
 * The draw of a re-check's sample, pure and deterministic: the same candidates and the same seed give the same schools
 * in the same order, so that anyone can re-do a draw and check it. The candidates are sorted by id, shuffled with
 * {@code java.util.Random(seed)} and the first ones taken; each school's order in the draw is its code's first part
 * («0002-05»: the second school drawn, its fifth work).
 */
final class RecheckSampler {

    private RecheckSampler() {
    }

    /** A school the rule allows, with why. */
    record Candidate(long schoolId, String reason) {
    }

    /** A school drawn: its order in the draw (from 1) and why it is in the sample. */
    record Picked(long schoolId, int order, String reason) {
    }

    /**
     * The candidates of a rule. RANDOM: the schools with results of the procedure's subject and grade, or when there
     * are none the procedure's participants; SIGNS: the schools the objectivity rules flag; LISTED: the schools on the
     * year's lists (each with the lists it is on).
     */
    static List<Candidate> candidates(SampleRule rule, String what, Set<Long> withResults, Set<Long> participants,
                                      Set<Long> signed, Map<Long, String> listed) {
        List<Candidate> out = new ArrayList<>();
        switch (rule) {
            case RANDOM -> {
                if (!withResults.isEmpty()) {
                    for (long id : new TreeSet<>(withResults)) {
                        out.add(new Candidate(id, "случайный выбор среди " + withResults.size() + " ОО с результатами " + what));
                    }
                } else {
                    for (long id : new TreeSet<>(participants)) {
                        out.add(new Candidate(id, "случайный выбор среди " + participants.size()
                                + " ОО — участников процедуры (результатов " + what + " нет)"));
                    }
                }
            }
            case SIGNS -> {
                for (long id : new TreeSet<>(signed)) {
                    out.add(new Candidate(id, "признаки необъективности " + what + " по правилам региона"));
                }
            }
            case LISTED -> new java.util.TreeMap<>(listed).forEach((id, lists) ->
                    out.add(new Candidate(id, "в списке года: " + lists)));
        }
        return out;
    }

    /** Draws up to {@code wanted} schools of the candidates with the seed. */
    static List<Picked> draw(Collection<Candidate> candidates, int wanted, long seed) {
        List<Candidate> sorted = new ArrayList<>(candidates);
        sorted.sort(Comparator.comparingLong(Candidate::schoolId));
        java.util.Collections.shuffle(sorted, new Random(seed));
        List<Picked> picked = new ArrayList<>();
        for (int i = 0; i < Math.min(wanted, sorted.size()); i++) {
            Candidate c = sorted.get(i);
            String reason = sorted.size() > wanted ? c.reason() + "; выпала при жеребьёвке (seed " + seed + ")" : c.reason();
            picked.add(new Picked(c.schoolId(), i + 1, reason));
        }
        return picked;
    }

    /** «0002-05»: the school's order in the draw and the work's number. */
    static String code(int schoolOrder, int work) {
        return String.format("%04d-%02d", schoolOrder, work);
    }
}
