package ru.rsoko.directory;

import org.springframework.data.domain.PageRequest;
import ru.rsoko.access.Scope;

import java.util.LinkedHashMap;
import java.util.Map;

/** Names of the demo directory's organisations, which other modules' demo data and tests refer to. */
public final class DemoOrganisations {

    public static final String OPERATOR = "Оператор РСОКО (служба администрирования)";
    public static final String TVER = "Тверская область";
    public static final String TVER_COKO = "ГБУ Тверской области «Центр оценки качества образования»";
    public static final String TVER_MINISTRY = "Министерство образования Тверской области";
    public static final String SONKOVO = "Сонковский муниципальный округ";
    public static final String SONKOVO_SCHOOL = "МОУ «Берёзовская СОШ»";
    public static final String KALININ = "Калининский муниципальный округ";
    public static final String KALININ_SCHOOL = "МОУ «Ручьёвская СОШ»";
    public static final String TOMSK = "Томская область";
    public static final String TOIPKRO = "ОГБУ ДПО «Томский областной институт повышения квалификации и переподготовки работников образования»";
    public static final String TOMSK_DEPARTMENT = "Департамент общего образования Томской области";
    public static final String SEVERSK = "ЗАТО Северск";

    private DemoOrganisations() {
    }

    /** A demo region by name, with its time zone: for demo data computed from today in that region. */
    public static java.util.Optional<OrgUnit> region(DirectoryService directory, String name) {
        return java.util.Optional.ofNullable(byName(directory, name).get(name)).filter(u -> u.type() == OrgUnitType.REGION);
    }

    /** The demo organisations of these names that exist, by name: for the demo data of other modules. */
    public static Map<String, OrgUnit> byName(DirectoryService directory, String... names) {
        Map<String, OrgUnit> found = new LinkedHashMap<>();
        for (String name : names) {
            directory.find(Scope.all(), new OrgUnitFilter(null, null, name, null), PageRequest.of(0, 20)).stream()
                    .filter(u -> u.name().equals(name)).findFirst()
                    .ifPresent(u -> found.put(name, u));
        }
        return found;
    }
}
