package ru.rsoko.directory.domain;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import ru.rsoko.access.Scope;
import ru.rsoko.directory.DirectoryService;
import ru.rsoko.directory.OrgUnit;
import ru.rsoko.support.Fixtures;
import ru.rsoko.support.IntegrationTest;
import ru.rsoko.support.StatementCounter;

import static org.assertj.core.api.Assertions.assertThat;

/** Organisations by id are read once and then kept, and a change of the directory shows at once. */
@IntegrationTest
class OrgUnitCacheTest {

    @Autowired
    DirectoryService directory;
    @Autowired
    OrgUnitService service;
    @Autowired
    Fixtures fixtures;

    @Test
    void anOrganisationIsReadOnceAndARenameShowsAtOnce() {
        OrgUnit municipality = fixtures.org("Сонковский муниципальный округ");
        OrgUnit school = fixtures.newSchool(municipality);
        directory.path(school.id());
        assertThat(StatementCounter.during(() -> {
            directory.get(Scope.all(), school.id());
            directory.path(school.id());
            directory.region(school.regionId());
        }).size()).isZero();

        OrgUnitForm form = OrgUnitForm.of(directory.get(Scope.all(), school.id()));
        form.setName(school.name() + " имени Пушкина");
        service.update(Scope.all(), school.id(), form);

        assertThat(directory.get(Scope.all(), school.id()).name()).endsWith("имени Пушкина");
        assertThat(directory.path(school.id()).getLast().name()).endsWith("имени Пушкина");
    }
}
