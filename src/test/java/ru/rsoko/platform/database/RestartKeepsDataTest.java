package ru.rsoko.platform.database;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.domain.PageRequest;
import ru.rsoko.RsokoApplication;
import ru.rsoko.access.Scope;
import ru.rsoko.directory.domain.OrgUnitService;
import ru.rsoko.directory.OrgUnit;
import ru.rsoko.directory.OrgUnitFilter;
import ru.rsoko.directory.domain.OrgUnitForm;
import ru.rsoko.directory.OrgUnitType;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The newcomer's way of running the product: no database configured, data under rsoko.data-dir.
 * What was added before a restart is there after it, and the demo data is loaded only once.
 */
class RestartKeepsDataTest {

    @TempDir
    Path dataDir;

    @Test
    void anOrganisationAddedBeforeARestartIsThereAfterIt() {
        String name = "МОУ «Школа, пережившая перезапуск»";
        try (ConfigurableApplicationContext app = start()) {
            // the embedded database's pool has the same timeouts as a configured one (application.properties)
            DatabaseRestartTest.assertPoolSettings(app.getBean(com.zaxxer.hikari.HikariDataSource.class));
            OrgUnitService directory = app.getBean(OrgUnitService.class);
            OrgUnit sonkovo = find(directory, "Сонковский муниципальный округ");
            OrgUnitForm form = new OrgUnitForm();
            form.setType(OrgUnitType.SCHOOL);
            form.setName(name);
            form.setParentId(sonkovo.id());
            directory.create(Scope.all(), form);
        }
        assertThat(Files.exists(dataDir.resolve("postgres").resolve("PG_VERSION"))).isTrue();

        try (ConfigurableApplicationContext app = start()) {
            OrgUnitService directory = app.getBean(OrgUnitService.class);
            assertThat(find(directory, name).parentName()).isEqualTo("Сонковский муниципальный округ");
            // the demo data was not loaded a second time
            assertThat(directory.find(Scope.all(), new OrgUnitFilter(OrgUnitType.REGION, null, "Тверская область", null),
                    PageRequest.of(0, 10)).getTotalElements()).isEqualTo(1);
        }
    }

    private ConfigurableApplicationContext start() {
        return new SpringApplicationBuilder(RsokoApplication.class).run(
                "--rsoko.data-dir=" + dataDir,
                "--server.port=0",
                "--spring.datasource.url=",
                "--logging.level.root=WARN");
    }

    private static OrgUnit find(OrgUnitService directory, String name) {
        return directory.find(Scope.all(), new OrgUnitFilter(null, null, name, null), PageRequest.of(0, 10))
                .stream().filter(u -> u.name().equals(name)).findFirst().orElseThrow();
    }
}
