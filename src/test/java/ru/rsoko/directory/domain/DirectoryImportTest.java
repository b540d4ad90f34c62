package ru.rsoko.directory.domain;

import ru.rsoko.directory.OrgUnit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import ru.rsoko.platform.spreadsheet.ImportError;
import ru.rsoko.support.DemoUsers;
import ru.rsoko.support.IntegrationTest;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static ru.rsoko.directory.domain.DirectoryExcel.ACTIVE;
import static ru.rsoko.directory.domain.DirectoryExcel.ADDRESS;
import static ru.rsoko.directory.domain.DirectoryExcel.EMAIL;
import static ru.rsoko.directory.domain.DirectoryExcel.HEAD;
import static ru.rsoko.directory.domain.DirectoryExcel.INN;
import static ru.rsoko.directory.domain.DirectoryExcel.PHONE;
import static ru.rsoko.directory.domain.DirectoryExcel.SHORT_NAME;
import static ru.rsoko.directory.domain.ImportWorkbooks.book;
import static ru.rsoko.directory.domain.ImportWorkbooks.municipality;
import static ru.rsoko.directory.domain.ImportWorkbooks.school;
import static ru.rsoko.directory.domain.ImportWorkbooks.with;

/** Files that are right: they load whole, count right, and loading them again changes nothing. */
@IntegrationTest
class DirectoryImportTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    DemoUsers users;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    OrgUnitService directory;

    ImportDriver imports;
    String n;

    @BeforeEach
    void setUp() {
        imports = new ImportDriver(mvc, users, jdbc, directory);
        n = String.valueOf(System.nanoTime());
    }

    @Test
    void aNewMunicipalityWithItsSchoolsIsCreatedAndAnExistingSchoolFoundByNameIsUpdated() throws Exception {
        OrgUnit existingMunicipality = imports.municipalityWithSchools("Существующий МО " + n, "Существующая СОШ " + n);
        long existingSchoolId = ((Number) imports.unit("Существующая СОШ " + n).get("id")).longValue();
        String newMunicipality = "Новый муниципальный округ " + n;
        byte[] file = book(
                // a school above the municipality it belongs to: the order of rows does not matter
                with(with(school("МОУ «Первая СОШ» " + n, newMunicipality), INN, 6901234567L), EMAIL, "first@example.ru"),
                with(municipality(newMunicipality), SHORT_NAME, "Новый " + n),
                with(school("МОУ «Вторая ООШ» " + n, newMunicipality.toUpperCase()), HEAD, "Иванова Анна Петровна"),
                with(with(school("  Существующая   СОШ " + n + " ", existingMunicipality.name()), ADDRESS, "с. Новое, ул. Школьная, 1"),
                        PHONE, "+7 (48246) 2-11-11"));

        ImportDriver.Counts before = imports.counts();
        DirectoryImportService.Summary summary = imports.accepted(imports.tver(), file);

        assertThat(summary.created()).isEqualTo(3);
        assertThat(summary.updated()).isEqualTo(1);
        assertThat(summary.unchanged()).isZero();
        assertThat(imports.counts().units()).isEqualTo(before.units() + 3);

        Map<String, Object> municipality = imports.unit(newMunicipality);
        assertThat(municipality).containsEntry("type", "MUNICIPALITY").containsEntry("short_name", "Новый " + n)
                .containsEntry("parent_id", imports.tver()).containsEntry("region_id", imports.tver())
                .containsEntry("active", true);
        Object municipalityId = municipality.get("id");
        assertThat(imports.unit("МОУ «Первая СОШ» " + n)).containsEntry("type", "SCHOOL")
                .containsEntry("parent_id", municipalityId).containsEntry("municipality_id", municipalityId)
                .containsEntry("region_id", imports.tver())
                .containsEntry("inn", "6901234567").containsEntry("email", "first@example.ru");
        assertThat(imports.unit("МОУ «Вторая ООШ» " + n)).containsEntry("parent_id", municipalityId)
                .containsEntry("head_name", "Иванова Анна Петровна");
        Map<String, Object> updated = imports.unit("Существующая СОШ " + n);
        assertThat(((Number) updated.get("id")).longValue()).isEqualTo(existingSchoolId);
        assertThat(updated).containsEntry("address", "с. Новое, ул. Школьная, 1").containsEntry("phone", "+7 (48246) 2-11-11")
                .containsEntry("parent_id", existingMunicipality.id());

        // the same file again: nothing new, nothing changed, not even a history entry
        ImportDriver.Counts afterFirst = imports.counts();
        DirectoryImportService.Summary again = imports.accepted(imports.tver(), file);
        assertThat(again.created()).isZero();
        assertThat(again.updated()).isZero();
        assertThat(again.unchanged()).isEqualTo(4);
        assertThat(imports.counts()).isEqualTo(afterFirst);
        assertThat(imports.countNamed(n)).isEqualTo(5);
    }

    @Test
    void aMunicipalityIsDeactivatedTogetherWithAllItsSchoolsInOneFile() throws Exception {
        String name = "Упраздняемый МО " + n;
        imports.municipalityWithSchools(name, "Школа А " + n, "Школа Б " + n);
        // the municipality comes first in the file: the import still switches off its schools before it
        byte[] file = book(
                with(municipality(name), ACTIVE, "нет"),
                with(school("Школа А " + n, name), ACTIVE, "нет"),
                with(school("Школа Б " + n, name), ACTIVE, "Нет"));

        DirectoryImportService.Summary summary = imports.accepted(imports.tver(), file);

        assertThat(summary.created()).isZero();
        assertThat(summary.updated()).isEqualTo(3);
        assertThat(imports.unit(name)).containsEntry("active", false);
        assertThat(imports.unit("Школа А " + n)).containsEntry("active", false);
        assertThat(imports.unit("Школа Б " + n)).containsEntry("active", false);

        // and back on, parents first, whatever the order of rows
        DirectoryImportService.Summary back = imports.accepted(imports.tver(), book(
                with(school("Школа Б " + n, name), ACTIVE, "да"),
                with(municipality(name), ACTIVE, "да")));
        assertThat(back.updated()).isEqualTo(2);
        assertThat(imports.unit(name)).containsEntry("active", true);
        assertThat(imports.unit("Школа Б " + n)).containsEntry("active", true);
        assertThat(imports.unit("Школа А " + n)).containsEntry("active", false);
    }

    @Test
    void deactivatingAMunicipalityWhileOneOfItsSchoolsStaysActiveIsRejectedAndNothingChanges() throws Exception {
        String name = "Частично закрываемый МО " + n;
        imports.municipalityWithSchools(name, "Школа В " + n, "Школа Г " + n);
        byte[] file = book(
                with(school("Школа В " + n, name), ACTIVE, "нет"),
                with(municipality(name), ACTIVE, "нет"),
                with(school("Школа Г " + n, name), ACTIVE, "да"));

        assertThat(imports.rejected(imports.tver(), file)).containsExactly(new ImportError(3, "Активна",
                "Муниципалитет «" + name + "» нельзя деактивировать: в нём остаются активные организации (1): «Школа Г " + n
                        + "». Укажите «нет» в столбце «Активна» и для них или оставьте муниципалитет активным."));
        assertThat(imports.unit(name)).containsEntry("active", true);
        assertThat(imports.unit("Школа В " + n)).as("the school switched off earlier in the same file").containsEntry("active", true);
    }

    @Test
    void aSchoolCannotBeSwitchedOnUnderAnInactiveMunicipality() throws Exception {
        String name = "Закрытый МО " + n;
        imports.municipalityWithSchools(name, "Школа Д " + n);
        imports.accepted(imports.tver(), book(with(municipality(name), ACTIVE, "нет"), with(school("Школа Д " + n, name), ACTIVE, "нет")));

        assertThat(imports.rejected(imports.tver(), book(with(school("Школа Д " + n, name), ACTIVE, "да"))))
                .containsExactly(new ImportError(2, "Активна", "«Школа Д " + n + "» нельзя активировать, пока деактивирована "
                        + "вышестоящая организация «" + name + "»: укажите «да» в столбце «Активна» и для неё."));
        assertThat(imports.unit("Школа Д " + n)).containsEntry("active", false);
    }

    @Test
    void aSchoolCanBeAddedToAMunicipalityThatTheSameFileSwitchesBackOn() throws Exception {
        String name = "Возвращаемый МО " + n;
        imports.accepted(imports.tver(), book(with(municipality(name), ACTIVE, "нет")));
        assertThat(imports.unit(name)).containsEntry("active", false);

        DirectoryImportService.Summary summary = imports.accepted(imports.tver(), book(
                school("Новая школа " + n, name),
                with(municipality(name), ACTIVE, "да")));

        assertThat(summary.created()).isEqualTo(1);
        assertThat(summary.updated()).isEqualTo(1);
        assertThat(imports.unit("Новая школа " + n)).containsEntry("active", true);
    }

    @Test
    void aMunicipalityMayBeNamedByItsShortName() throws Exception {
        String name = "МОУ «Краткая СОШ» " + n;
        DirectoryImportService.Summary summary = imports.accepted(imports.tver(), book(school(name, "Сонковский")));
        assertThat(summary.created()).isEqualTo(1);
        assertThat(imports.unit(name)).containsEntry("parent_id",
                ((Number) imports.unit("Сонковский муниципальный округ").get("id")).longValue());
    }
}
