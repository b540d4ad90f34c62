package ru.rsoko.results.recheck;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import ru.rsoko.access.Scope;
import ru.rsoko.directory.DemoOrganisations;
import ru.rsoko.objectivity.SchoolLists;
import ru.rsoko.plan.PlanAccess;
import ru.rsoko.plan.Procedure;
import ru.rsoko.platform.demo.DemoDataSet;
import ru.rsoko.results.Subject;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A demo re-check (sample content, invented marks): Tver's ВПР 2021 in grades 4–8, mathematics in the 5th grade, the
 * schools drawn by the LISTED rule from the 2021 lists — 5 schools × 6 works — with the same draw the page makes
 * ({@link RecheckSampler}). The seed is the first from 2021 up whose draw takes МОУ «Ручьёвская СОШ», so that anyone
 * re-doing the draw with it gets the same sample. Two experts have marked every work: Ручьёвская's four works of six
 * are marked lower by the experts (the re-check rule «≥ 30 % of ≥ 5 works» flags it), one work of another school is
 * lowered and one raised, the rest are confirmed.
 */
@Component
class RecheckDemoData implements DemoDataSet {

    static final int YEAR = 2021;
    static final int GRADE = 5;
    static final int SCHOOLS = 5;
    static final int WORKS = 6;

    private final JdbcTemplate jdbc;
    private final PlanAccess plans;
    private final SchoolLists lists;
    private final RecheckRepository rechecks;
    private final RecheckExpertRepository experts;
    private final RecheckWorkRepository works;

    RecheckDemoData(JdbcTemplate jdbc, PlanAccess plans, SchoolLists lists, RecheckRepository rechecks,
                    RecheckExpertRepository experts, RecheckWorkRepository works) {
        this.jdbc = jdbc;
        this.plans = plans;
        this.lists = lists;
        this.rechecks = rechecks;
        this.experts = experts;
        this.works = works;
    }

    @Override
    public String name() {
        return "rechecks";
    }

    @Override
    public int order() {
        return 110;
    }

    @Override
    public void load() {
        Long region = jdbc.query("select id from directory_org_unit where type = 'REGION' and name = ?",
                rs -> rs.next() ? rs.getLong(1) : null, DemoOrganisations.TVER);
        Long kalinin = jdbc.query("select id from directory_org_unit where type = 'SCHOOL' and name = ?",
                rs -> rs.next() ? rs.getLong(1) : null, DemoOrganisations.KALININ_SCHOOL);
        if (region == null || kalinin == null) {
            return;
        }
        Optional<Procedure> found = plans.ofYear(region, YEAR).flatMap(plan -> plans.procedures(plan).stream()
                .filter(p -> p.typeCode().equals("VPR") && (p.gradeList().isEmpty() || p.gradeList().contains(GRADE))
                        && !p.gradeList().contains(11))
                .findFirst());
        if (found.isEmpty()) {
            return;
        }
        Procedure procedure = found.get();
        Map<Long, TreeSet<String>> on = new TreeMap<>();
        for (SchoolLists.Listing l : lists.of(Scope.region(region), YEAR, YEAR)) {
            on.computeIfAbsent(l.schoolId(), k -> new TreeSet<>()).add("«" + l.kind().label() + "» " + YEAR);
        }
        Map<Long, String> listed = new TreeMap<>();
        on.forEach((k, v) -> listed.put(k, String.join(", ", v)));
        if (!listed.containsKey(kalinin)) {
            return;
        }
        List<RecheckSampler.Candidate> candidates = RecheckSampler.candidates(SampleRule.LISTED,
                Subject.MATHEMATICS.byLabel() + " " + GRADE + " кл.", Set0(), Set0(), Set0(), listed);
        long seed = YEAR;
        List<RecheckSampler.Picked> picked = RecheckSampler.draw(candidates, SCHOOLS, seed);
        while (picked.stream().noneMatch(p -> p.schoolId() == kalinin)) {
            picked = RecheckSampler.draw(candidates, SCHOOLS, ++seed);
        }
        Instant at = Instant.parse("2021-06-01T07:00:00Z");
        Recheck recheck = rechecks.saveAndFlush(new Recheck(region, procedure.id(), YEAR, Subject.MATHEMATICS.name(), GRADE,
                SampleRule.LISTED, SCHOOLS, WORKS, seed, at, "tver.coko"));
        RecheckExpert first = experts.save(new RecheckExpert(recheck.getId(), "Волкова Татьяна Андреевна",
                "учитель математики, эксперт предметной комиссии (образец)"));
        RecheckExpert second = experts.save(new RecheckExpert(recheck.getId(), "Кузнецов Павел Игоревич",
                "методист по математике, эксперт предметной комиссии (образец)"));
        experts.flush();
        Map<Long, Long> municipalities = new HashMap<>();
        jdbc.query("select id, municipality_id from directory_org_unit where id = any(?)", rs -> {
            municipalities.put(rs.getLong(1), rs.getObject(2, Long.class));
        }, (Object) picked.stream().map(RecheckSampler.Picked::schoolId).toArray(Long[]::new));
        List<RecheckWork> made = new ArrayList<>();
        int other = 0;
        for (RecheckSampler.Picked p : picked) {
            boolean ruchyi = p.schoolId() == kalinin;
            int otherIndex = ruchyi ? -1 : other++;
            for (int n = 1; n <= WORKS; n++) {
                RecheckWork w = new RecheckWork(recheck.getId(), p.schoolId(), municipalities.get(p.schoolId()),
                        RecheckSampler.code(p.order(), n), p.reason());
                w.setExpertId((p.order() % 2 == 1 ? first : second).getId());
                // the school's score of 20 points: 15–18 gives «5», 10–14 «4», 6–9 «3» (invented scale of the sample)
                int schoolScore = 8 + (n * 3 + p.order()) % 10;
                int expertScore = schoolScore;
                if (ruchyi && n <= 4 || otherIndex == 0 && n == 2) {
                    // five points fewer lowers every mark of the scale
                    expertScore = schoolScore - 5;
                } else if (otherIndex == 1 && n == 3) {
                    schoolScore = 12;
                    expertScore = 16;
                } else if (n % 3 == 0 && mark(schoolScore - 1) == mark(schoolScore)) {
                    // a point fewer, the same mark
                    expertScore = schoolScore - 1;
                }
                w.mark(BigDecimal.valueOf(schoolScore), mark(schoolScore), BigDecimal.valueOf(expertScore), mark(expertScore),
                        at.plusSeconds(86_400L * 7), "tver.coko");
                made.add(w);
            }
        }
        works.saveAll(made);
        works.flush();
    }

    private static java.util.Set<Long> Set0() {
        return java.util.Set.of();
    }

    static int mark(int score) {
        return score >= 15 ? 5 : score >= 10 ? 4 : score >= 6 ? 3 : 2;
    }
}
