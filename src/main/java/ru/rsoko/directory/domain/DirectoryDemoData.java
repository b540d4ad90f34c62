package ru.rsoko.directory.domain;

import ru.rsoko.directory.OrgUnitType;
import ru.rsoko.directory.OrgUnitFilter;
import static ru.rsoko.directory.DemoOrganisations.*;

import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Component;
import ru.rsoko.access.Scope;
import ru.rsoko.platform.demo.DemoDataSet;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Two regions of the seeds: Tver (Europe/Moscow) with its ЦОКО, and Tomsk (Asia/Tomsk) with ТОИПКРО and the
 * department. Municipality and institution names are real; school and person names are invented.
 */
@Component
public class DirectoryDemoData implements DemoDataSet {


    private final OrgUnitService directory;

    DirectoryDemoData(OrgUnitService directory) {
        this.directory = directory;
    }

    @Override
    public String name() {
        return "directory";
    }

    @Override
    public int order() {
        return 10;
    }

    @Override
    public void load() {
        Scope all = Scope.all();
        unit(all, OrgUnitType.INSTITUTION, OPERATOR, "Оператор РСОКО", null, null, null);

        OrgUnitEntity tver = region(all, TVER, "Europe/Moscow");
        unit(all, OrgUnitType.INSTITUTION, TVER_COKO, "ГБУ ТО ЦОКО", tver, "Смирнова Ольга Николаевна", "coko@example.tver.ru");
        unit(all, OrgUnitType.INSTITUTION, TVER_MINISTRY, "Минобразования Тверской области", tver, "Кузнецов Андрей Викторович", null);
        unit(all, OrgUnitType.INSTITUTION, "ГБОУ ДПО «Тверской областной институт усовершенствования учителей»", "ТОИУУ", tver, null, null);
        municipality(all, tver, SONKOVO, "Сонковский", List.of(
                SONKOVO_SCHOOL, "МОУ «Заречная СОШ»", "МОУ «Лесновская СОШ»", "МОУ «Полевая ООШ»",
                "МОУ «Сосновская СОШ»", "МОУ «Озёрная ООШ»", "МОУ «Луговская НОШ»"));
        municipality(all, tver, KALININ, "Калининский", List.of(
                KALININ_SCHOOL, "МОУ «Кленовская СОШ»", "МОУ «Рябиновская СОШ»", "МОУ «Дубровская СОШ»",
                "МОУ «Светлая ООШ»", "МОУ «Родниковская СОШ»", "МОУ «Ольховская ООШ»", "МОУ «Васильковская СОШ»"));
        municipality(all, tver, "Город Тверь", "г. Тверь", List.of(
                "МОУ «Средняя школа № 101»", "МОУ «Средняя школа № 102»", "МОУ «Гимназия № 103»", "МОУ «Лицей № 104»"));
        municipality(all, tver, "Бежецкий муниципальный округ", "Бежецкий", List.of(
                "МОУ «Бежецкая СОШ № 21»", "МОУ «Крутецкая СОШ»", "МОУ «Гороховская ООШ»"));
        municipality(all, tver, "Кашинский городской округ", "Кашинский", List.of(
                "МОУ «Кашинская СОШ № 31»", "МОУ «Славковская ООШ»"));

        OrgUnitEntity tomsk = region(all, TOMSK, "Asia/Tomsk");
        unit(all, OrgUnitType.INSTITUTION, TOMSK_DEPARTMENT, "ДОО ТО", tomsk, "Новикова Елена Сергеевна", null);
        unit(all, OrgUnitType.INSTITUTION, TOIPKRO, "ТОИПКРО", tomsk, "Павлов Игорь Александрович", null);
        municipality(all, tomsk, SEVERSK, "ЗАТО Северск", List.of(
                "МБОУ «Средняя школа № 201»", "МБОУ «Средняя школа № 202»", "МБОУ «Лицей № 203»"));
        municipality(all, tomsk, "Городской округ Стрежевой", "ГО Стрежевой", List.of(
                "МОУ «Средняя школа № 211»", "МОУ «Средняя школа № 212»"));
        municipality(all, tomsk, "Город Томск", "г. Томск", List.of(
                "МАОУ «Средняя школа № 221»", "МАОУ «Гимназия № 222»", "МАОУ «Лицей № 223»", "МАОУ «Средняя школа № 224»"));
        municipality(all, tomsk, "Томский район", "Томский", List.of(
                "МБОУ «Кедровская СОШ»", "МБОУ «Берёзкинская СОШ»", "МБОУ «Таёжная ООШ»"));
        municipality(all, tomsk, "Асиновский район", "Асиновский", List.of(
                "МАОУ «Асиновская СОШ № 231»", "МБОУ «Осиновская СОШ»"));
        municipality(all, tomsk, "Каргасокский район", "Каргасокский", List.of(
                "МБОУ «Каргасокская СОШ № 241»", "МБОУ «Приречная СОШ»"));
    }

    private OrgUnitEntity region(Scope all, String name, String zone) {
        OrgUnitForm form = form(OrgUnitType.REGION, name, null, null, null);
        form.setTimeZone(zone);
        return directory.createEntity(all, form);
    }

    private void municipality(Scope all, OrgUnitEntity region, String name, String shortName, List<String> schools) {
        OrgUnitEntity municipality = unit(all, OrgUnitType.MUNICIPALITY, name, shortName, region, null, null);
        int i = 0;
        for (String school : schools) {
            String[] head = HEADS[(name.length() + i++) % HEADS.length];
            OrgUnitForm form = form(OrgUnitType.SCHOOL, school, municipality, head[0], null);
            form.setShortName(school.replaceFirst("^\\S+ ", "").replace("«", "").replace("»", ""));
            form.setPhone("+7 (900) 000-" + String.format("%02d-%02d", i, name.length() % 100));
            form.setAddress(region.getName() + ", " + shortName + ", ул. Школьная, д. " + i);
            directory.createEntity(all, form);
        }
    }

    private OrgUnitEntity unit(Scope all, OrgUnitType type, String name, String shortName, OrgUnitEntity parent, String head, String email) {
        OrgUnitForm form = form(type, name, parent, head, email);
        form.setShortName(shortName);
        return directory.createEntity(all, form);
    }

    private static OrgUnitForm form(OrgUnitType type, String name, OrgUnitEntity parent, String head, String email) {
        OrgUnitForm form = new OrgUnitForm();
        form.setType(type);
        form.setName(name);
        form.setParentId(parent == null ? null : parent.getId());
        form.setHeadName(head);
        form.setEmail(email);
        return form;
    }

    private static final String[][] HEADS = {
            {"Иванова Мария Петровна"}, {"Соколов Дмитрий Игоревич"}, {"Егорова Анна Викторовна"},
            {"Морозов Сергей Павлович"}, {"Волкова Татьяна Андреевна"}, {"Лебедев Алексей Юрьевич"},
            {"Козлова Наталья Сергеевна"}, {"Орлова Ирина Владимировна"}, {"Никитин Павел Олегович"}};

    /** Looks up a demo organisation by its exact name, for the demo sets of other features. */
}
