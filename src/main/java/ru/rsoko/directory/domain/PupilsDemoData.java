package ru.rsoko.directory.domain;

import org.springframework.stereotype.Component;
import ru.rsoko.access.Scope;
import ru.rsoko.directory.OrgUnit;
import ru.rsoko.directory.OrgUnitType;
import ru.rsoko.directory.SchoolYear;
import ru.rsoko.platform.demo.DemoDataSet;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Pupils per grade of every demo school in the current school year of its region and the one before, so that the
 * participation forms and templates of the demo show them prefilled. A primary school (НОШ) has grades 1–4, a basic
 * one (ООШ) 1–9, the others 1–11; city schools, gymnasiums and lyceums are larger than village ones, and the upper
 * grades smaller. Figures come from the school's name, so every start gives the same ones.
 */
@Component
class PupilsDemoData implements DemoDataSet {

    private final OrgUnitService directory;
    private final GradePupilsWriter writer;
    private final Clock clock;

    PupilsDemoData(OrgUnitService directory, GradePupilsWriter writer, Clock clock) {
        this.directory = directory;
        this.writer = writer;
        this.clock = clock;
    }

    @Override
    public String name() {
        return "directory-pupils";
    }

    @Override
    public int order() {
        return 11;
    }

    @Override
    public void load() {
        Map<SchoolYear, List<GradePupilsWriter.Write>> byYear = new TreeMap<>();
        for (OrgUnit region : directory.regions(Scope.all())) {
            SchoolYear current = SchoolYear.current(clock, region.zone());
            for (OrgUnit school : directory.active(Scope.region(region.id()), OrgUnitType.SCHOOL)) {
                int lastGrade = school.name().contains("НОШ") ? 4 : school.name().contains("ООШ") ? 9 : 11;
                boolean large = school.name().contains("Гимназия") || school.name().contains("Лицей")
                        || school.name().contains("Средняя школа");
                int seed = Math.floorMod(school.name().hashCode(), 97);
                for (int back = 0; back <= 1; back++) {
                    SchoolYear year = new SchoolYear(current.start() - back);
                    for (int grade = 1; grade <= lastGrade; grade++) {
                        int base = large ? 52 + seed % 30 : 9 + seed % 14;
                        int upper = grade >= 10 ? base / 2 : base;
                        int pupils = Math.max(1, upper + (seed + grade * 7 + back * 3) % 9 - 4);
                        byYear.computeIfAbsent(year, y -> new ArrayList<>()).add(new GradePupilsWriter.Write(school.id(),
                                school.regionId(), school.municipalityId(), grade, pupils, null));
                    }
                }
            }
        }
        byYear.forEach((year, writes) -> writer.write("demo", year, writes, false));
    }
}
