package ru.rsoko.meeting.domain;

import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import ru.rsoko.access.Scope;
import ru.rsoko.directory.DirectoryService;
import ru.rsoko.directory.OrgUnit;
import ru.rsoko.directory.OrgUnitFilter;
import ru.rsoko.directory.OrgUnitType;
import ru.rsoko.meeting.ResponsibleKind;
import ru.rsoko.meeting.ResponsibleParty;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * Turns the protocol's words for responsible parties into structure: «руководители МОУО» is every municipality,
 * «руководители ОО» every school, «руководители МОУО: ЗАТО Северск, г.Томска, Томского района» those
 * municipalities, «ТОИПКРО» that institution. Names are matched as people write them: short names, other cases
 * («Томского района» for «Томский район»), «г.» for «город».
 */
@Component
public class ResponsibleResolver {

    public record Resolution(List<ResponsibleParty> parties, List<String> unresolved) {
        public boolean isComplete() {
            return unresolved.isEmpty() && !parties.isEmpty();
        }
    }

    private static final Pattern MUNICIPAL_BODIES = Pattern.compile(
            "(моуо|роо|руо|муниципальн\\S* орган\\S*|орган\\S* местного самоуправления|управлени\\S* образовани\\S*|муниципалитет\\S*|отдел\\S* образовани\\S*)");
    private static final Pattern SCHOOLS = Pattern.compile(
            "(^|\\s)(оо|оу|моу|школ\\S*|общеобразовательн\\S*|образовательн\\S* организац\\S*|образовательн\\S* учрежден\\S*)($|\\s)");

    private final DirectoryService directory;

    ResponsibleResolver(DirectoryService directory) {
        this.directory = directory;
    }

    /**
     * Splits the protocol's line of responsible parties into parties: «ТОИПКРО; руководители МОУО, руководители ОО»
     * is three, while «руководители МОУО: ЗАТО Северск, ГО Стрежевой» is one category with its list.
     */
    public static List<String> split(String text) {
        List<String> parts = new ArrayList<>();
        if (text == null) {
            return parts;
        }
        for (String part : text.split(";")) {
            String p = part.strip().replaceAll("[.]$", "");
            if (p.isEmpty()) {
                continue;
            }
            if (p.contains(":")) {
                parts.add(p);
            } else {
                // a comma before a participle («органов …, осуществляющих управление …») does not separate parties
                Arrays.stream(p.split(",(?!\\s*(осуществляющ|которы|в том числе))")).map(String::strip)
                        .filter(s -> !s.isEmpty()).forEach(parts::add);
            }
        }
        return parts;
    }

    /**
     * Resolves each wording against the meeting's region (or, for a municipal meeting, its municipality). The region's
     * organisations are read only when a wording names one, and once per transaction however many decisions a protocol
     * has.
     */
    @Transactional(readOnly = true)
    public Resolution resolve(List<String> wordings, long regionId, Long municipalityId) {
        Supplier<List<OrgUnit>> units = () -> organisationsOf(regionId);
        Set<ResponsibleParty> parties = new LinkedHashSet<>();
        List<String> unresolved = new ArrayList<>();
        for (String wording : wordings) {
            if (wording == null || wording.isBlank()) {
                continue;
            }
            List<ResponsibleParty> found = resolveOne(wording, units, municipalityId);
            if (found.isEmpty()) {
                unresolved.add(wording.strip());
            }
            parties.addAll(found);
        }
        return new Resolution(List.copyOf(parties), unresolved);
    }

    /** Resolves the responsible parties of each decision in one transaction: the region's organisations read once. */
    @Transactional(readOnly = true)
    public List<Resolution> resolveEach(List<List<String>> wordingsOfEach, long regionId, Long municipalityId) {
        return wordingsOfEach.stream().map(w -> resolve(w, regionId, municipalityId)).toList();
    }

    /** The active organisations of the region, read once per transaction (the resolver is asked once per decision). */
    private List<OrgUnit> organisationsOf(long regionId) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            return load(regionId);
        }
        @SuppressWarnings("unchecked")
        Map<Long, List<OrgUnit>> read = (Map<Long, List<OrgUnit>>) TransactionSynchronizationManager.getResource(this);
        if (read == null) {
            read = new HashMap<>();
            TransactionSynchronizationManager.bindResource(this, read);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResourceIfPossible(ResponsibleResolver.this);
                }
            });
        }
        return read.computeIfAbsent(regionId, this::load);
    }

    private List<OrgUnit> load(long regionId) {
        return directory.find(Scope.region(regionId), new OrgUnitFilter(null, null, null, true), Pageable.unpaged())
                .getContent();
    }

    private List<ResponsibleParty> resolveOne(String wording, Supplier<List<OrgUnit>> units, Long municipalityId) {
        String text = normalise(wording);
        String head = text;
        List<String> listed = List.of();
        int colon = text.indexOf(':');
        if (colon >= 0) {
            head = text.substring(0, colon).strip();
            listed = Arrays.stream(text.substring(colon + 1).split("[,;]|\\sи\\s")).map(String::strip).filter(s -> !s.isEmpty()).toList();
        }
        boolean municipalBodies = MUNICIPAL_BODIES.matcher(head).find();
        boolean schools = !municipalBodies && SCHOOLS.matcher(head).find();

        if (!listed.isEmpty() && (municipalBodies || schools)) {
            List<ResponsibleParty> parties = new ArrayList<>();
            for (String name : listed) {
                Optional<OrgUnit> municipality = match(name, units, OrgUnitType.MUNICIPALITY, municipalityId);
                if (municipality.isEmpty()) {
                    return List.of();
                }
                parties.add(municipalBodies ? ResponsibleParty.organisation(municipality.get().id())
                        : ResponsibleParty.schoolsOf(municipality.get().id()));
            }
            return parties;
        }
        if (municipalBodies && isCategory(head)) {
            return List.of(municipalityId != null ? ResponsibleParty.organisation(municipalityId)
                    : ResponsibleParty.category(ResponsibleKind.ALL_MUNICIPALITIES));
        }
        if (schools && isCategory(head)) {
            return List.of(municipalityId != null ? ResponsibleParty.schoolsOf(municipalityId)
                    : ResponsibleParty.category(ResponsibleKind.ALL_SCHOOLS));
        }
        return match(text, units, null, municipalityId).map(u -> List.of(ResponsibleParty.organisation(u.id())))
                .orElse(List.of());
    }

    /** A category speaks of a group («руководители МОУО»), not of one named body («Управление образования Томского района»). */
    private static boolean isCategory(String head) {
        return head.startsWith("руководител") || head.startsWith("все ") || head.startsWith("директор")
                || head.startsWith("специалист") || head.startsWith("заместител") || head.equals("моуо") || head.equals("оо")
                || head.equals("оу") || head.equals("роо") || head.contains("(далее");
    }

    private Optional<OrgUnit> match(String name, Supplier<List<OrgUnit>> units, OrgUnitType type, Long municipalityId) {
        String wanted = normalise(name);
        List<OrgUnit> candidates = units.get().stream()
                .filter(u -> type == null || u.type() == type)
                .filter(u -> municipalityId == null || municipalityId.equals(u.municipalityId()))
                .toList();
        for (OrgUnit unit : candidates) {
            if (wanted.equals(normalise(unit.name())) || (unit.shortName() != null && wanted.equals(normalise(unit.shortName())))) {
                return Optional.of(unit);
            }
        }
        String stems = stems(wanted);
        List<OrgUnit> byStems = candidates.stream()
                .filter(u -> stems.equals(stems(normalise(u.name())))
                        || (u.shortName() != null && stems.equals(stems(normalise(u.shortName())))))
                .toList();
        return byStems.size() == 1 ? Optional.of(byStems.getFirst()) : Optional.empty();
    }

    static String normalise(String text) {
        return text.toLowerCase(Locale.ROOT)
                .replace('ё', 'е')
                .replace('\u00A0', ' ')
                .replaceAll("\\*\\*", "")
                .replaceAll("\\((дистанционно|очно)\\)", "")
                .replaceAll("\\(далее[^)]*\\)", "")
                .replaceAll("[«»\"“”„]", "")
                .replaceAll("(?U)\\bг\\.\\s*", "город ")
                .replaceAll("(?U)\\bго\\b", "городской округ")
                .replaceAll("[.]+$", "")
                .replaceAll("\\s+", " ")
                .strip();
    }

    private static final List<String> ENDINGS = List.of("ого", "его", "ому", "ему", "ыми", "ими", "ым", "им", "ой", "ей",
            "ий", "ый", "ая", "яя", "ое", "ее", "ых", "их", "ую", "юю", "ом", "ем", "ах", "ях", "ам", "ям", "а", "я", "у", "ю",
            "е", "ы", "и", "о");

    /** Words without their case endings, so that «томского района» and «томский район» read alike. */
    static String stems(String text) {
        return Arrays.stream(text.split("[\\s,.-]+"))
                .filter(w -> !w.isEmpty())
                .map(ResponsibleResolver::stem)
                .reduce((a, b) -> a + " " + b).orElse("");
    }

    private static String stem(String word) {
        for (String ending : ENDINGS) {
            if (word.endsWith(ending) && word.length() - ending.length() >= 3) {
                return word.substring(0, word.length() - ending.length());
            }
        }
        return word;
    }
}
