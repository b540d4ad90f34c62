package ru.rsoko.results.recheck;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The draw alone: deterministic from the seed, each rule's candidates with their reasons, the codes. */
class RecheckSamplerTest {

    static final String WHAT = "по математике 5 кл.";

    @Test
    void theSameCandidatesAndSeedGiveTheSameSchoolsInTheSameOrder() {
        List<RecheckSampler.Candidate> candidates = RecheckSampler.candidates(SampleRule.RANDOM, WHAT,
                Set.of(5L, 3L, 9L, 1L, 7L, 11L), Set.of(), Set.of(), Map.of());
        List<RecheckSampler.Picked> first = RecheckSampler.draw(candidates, 3, 42);
        // the order the candidates come in does not matter: they are sorted by id before the shuffle
        List<RecheckSampler.Picked> again = RecheckSampler.draw(candidates.reversed(), 3, 42);
        assertThat(again).isEqualTo(first);
        assertThat(first).extracting(RecheckSampler.Picked::order).containsExactly(1, 2, 3);
        assertThat(first).extracting(RecheckSampler.Picked::schoolId).doesNotHaveDuplicates()
                .allMatch(id -> Set.of(5L, 3L, 9L, 1L, 7L, 11L).contains(id));
        // java.util.Random(42) shuffling [1, 3, 5, 7, 9, 11]: the draw anyone can re-do
        List<Long> sorted = new java.util.ArrayList<>(List.of(1L, 3L, 5L, 7L, 9L, 11L));
        java.util.Collections.shuffle(sorted, new java.util.Random(42));
        assertThat(first).extracting(RecheckSampler.Picked::schoolId).containsExactlyElementsOf(sorted.subList(0, 3));
        assertThat(first.getFirst().reason())
                .isEqualTo("случайный выбор среди 6 ОО с результатами по математике 5 кл.; выпала при жеребьёвке (seed 42)");
        // another seed, another draw (for these candidates)
        assertThat(RecheckSampler.draw(candidates, 3, 43)).isNotEqualTo(first);
    }

    @Test
    void randomFallsBackToTheParticipantsWhenNoSchoolHasResults() {
        List<RecheckSampler.Candidate> candidates = RecheckSampler.candidates(SampleRule.RANDOM, WHAT, Set.of(),
                Set.of(2L, 4L), Set.of(9L), Map.of(8L, "«ШНОР» 2021"));
        assertThat(candidates).extracting(RecheckSampler.Candidate::schoolId).containsExactly(2L, 4L);
        // all of them wanted: no lot is drawn, the reason says so
        assertThat(RecheckSampler.draw(candidates, 5, 1)).extracting(RecheckSampler.Picked::reason)
                .containsOnly("случайный выбор среди 2 ОО — участников процедуры (результатов по математике 5 кл. нет)");
    }

    @Test
    void signsTakeTheSchoolsTheRulesFlagAndListedThoseOnTheLists() {
        List<RecheckSampler.Candidate> signs = RecheckSampler.candidates(SampleRule.SIGNS, WHAT, Set.of(1L, 2L),
                Set.of(1L, 2L, 3L), Set.of(3L, 2L), Map.of(1L, "«ШНОР» 2021"));
        assertThat(signs).containsExactly(
                new RecheckSampler.Candidate(2L, "признаки необъективности по математике 5 кл. по правилам региона"),
                new RecheckSampler.Candidate(3L, "признаки необъективности по математике 5 кл. по правилам региона"));

        List<RecheckSampler.Candidate> listed = RecheckSampler.candidates(SampleRule.LISTED, WHAT, Set.of(1L), Set.of(),
                Set.of(3L), Map.of(7L, "«Признаки необъективности» 2021", 4L, "«ШНОР» 2021"));
        assertThat(listed).containsExactly(new RecheckSampler.Candidate(4L, "в списке года: «ШНОР» 2021"),
                new RecheckSampler.Candidate(7L, "в списке года: «Признаки необъективности» 2021"));
        assertThat(RecheckSampler.candidates(SampleRule.SIGNS, WHAT, Set.of(1L), Set.of(1L), Set.of(), Map.of())).isEmpty();
    }

    @Test
    void codesAreTheSchoolsOrderAndTheWorksNumber() {
        assertThat(RecheckSampler.code(42, 3)).isEqualTo("0042-03");
        assertThat(RecheckSampler.code(1, 12)).isEqualTo("0001-12");
    }
}
