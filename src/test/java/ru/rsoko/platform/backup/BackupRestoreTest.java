package ru.rsoko.platform.backup;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import ru.rsoko.RsokoApplication;
import ru.rsoko.support.DemoUsers;
import ru.rsoko.support.IntegrationTest;
import ru.rsoko.support.WebClientSession;

import javax.sql.DataSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Backup → restore → start: the test database (demo data and whatever the fixtures added) dumped, restored into a
 * fresh embedded PostgreSQL by starting the application with {@code --rsoko.backup.restore}, and every table compared
 * row for row (count and a checksum of its rows); then a person signs in on the restored application.
 */
@IntegrationTest
class BackupRestoreTest {

    @Autowired
    DataSource dataSource;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    MockMvc mvc;
    @Autowired
    DemoUsers users;
    @Autowired
    Backups backups;

    @TempDir
    Path temp;

    @Test
    void aDumpRestoredIntoAFreshDatabaseStartsTheApplicationWithEveryRecord() throws Exception {
        Path dump = temp.resolve("dump");
        Manifest manifest = DatabaseDump.dump(dataSource, dump);
        Map<String, String> source = checksums(jdbc);
        assertThat(manifest.tables()).extracting(Manifest.Table::name)
                .containsExactlyElementsOf(source.keySet())
                .contains("spring_session", "org_unit", "user_account");
        assertThat(manifest.rows()).isPositive();

        // a dump of a newer schema than this application knows is refused, before anything is written
        Path newer = temp.resolve("newer");
        Files.createDirectories(newer);
        Files.writeString(newer.resolve(DatabaseDump.MANIFEST), Files.readString(dump.resolve(DatabaseDump.MANIFEST))
                .replaceFirst("\"flywayVersion\"\\s*:\\s*\"[^\"]+\"", "\"flywayVersion\" : \"999\""));
        Path dataDir = temp.resolve("fresh");
        assertThatThrownBy(() -> start(dataDir, newer).close()).hasStackTraceContaining("V999");

        try (ConfigurableApplicationContext restored = start(dataDir, dump)) {
            JdbcTemplate copy = new JdbcTemplate(restored.getBean(DataSource.class));
            Map<String, String> after = checksums(copy);
            assertThat(after).as("every table: rows and checksum").containsExactlyEntriesOf(source);
            assertThat(copy.queryForObject("select max(version::int) from flyway_schema_history", Integer.class))
                    .isEqualTo(Integer.parseInt(manifest.flywayVersion()));
            // sequences go on after the largest id: a new row does not collide with a restored one
            Long maxId = copy.queryForObject("select max(id) from org_unit", Long.class);
            assertThat(copy.queryForObject("select last_value from org_unit_id_seq", Long.class)).isGreaterThanOrEqualTo(maxId);

            int port = Integer.parseInt(restored.getEnvironment().getProperty("local.server.port"));
            WebClientSession browser = new WebClientSession(port);
            assertThat(browser.login("sonkovo.school", DemoUsers.PASSWORD)).doesNotContain("error");
            var home = browser.get("/");
            assertThat(home.statusCode()).isEqualTo(200);
            assertThat(home.body()).contains("Берёзовская");
        }
    }

    @Test
    void aDeploymentAdministratorTakesADumpAndSeesItInTheList() throws Exception {
        String answer = mvc.perform(post("/api/v1/admin/backups").with(DemoUsers.api("admin")))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        String folder = JsonPath.read(answer, "$.folder");
        Path written = backups.dir().resolve(folder);
        try {
            assertThat(written.resolve(DatabaseDump.MANIFEST)).isRegularFile();
            assertThat(DatabaseDump.manifest(written).tables()).isNotEmpty();
            mvc.perform(get("/admin/backup").with(users.page("admin")))
                    .andExpect(status().isOk()).andExpect(content().string(containsString(folder)));
            mvc.perform(post("/admin/backup").with(users.page("admin"))
                            .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf()))
                    .andExpect(status().is3xxRedirection());
            mvc.perform(get("/admin/backup.xlsx").with(users.page("admin"))).andExpect(status().isOk());
            // a region's administrator: the whole database is not theirs
            mvc.perform(post("/api/v1/admin/backups").with(DemoUsers.api("tver.admin"))).andExpect(status().isForbidden());
            mvc.perform(get("/admin/backup").with(users.page("tver.admin"))).andExpect(status().isForbidden());
        } finally {
            for (Backups.Backup backup : backups.list()) {
                delete(backups.dir().resolve(backup.name()));
            }
        }
    }

    private static ConfigurableApplicationContext start(Path dataDir, Path dump) {
        return new SpringApplicationBuilder(RsokoApplication.class).run(
                "--rsoko.data-dir=" + dataDir,
                "--spring.datasource.url=",
                "--rsoko.backup.restore=" + dump,
                "--rsoko.demo-data=false",
                "--server.port=0",
                "--rsoko.notifications.mail-interval=PT24H",
                "--rsoko.notifications.reminder-cron=-",
                "--logging.level.root=WARN");
    }

    /** Every table of the public schema but Flyway's history: its rows and an md5 of its rows in a fixed order. */
    private static Map<String, String> checksums(JdbcTemplate jdbc) {
        List<String> tables = jdbc.queryForList("select c.relname from pg_class c join pg_namespace n on n.oid = c.relnamespace "
                + "where n.nspname = 'public' and c.relkind = 'r' and c.relname <> 'flyway_schema_history' order by c.relname",
                String.class);
        Map<String, String> sums = new LinkedHashMap<>();
        for (String table : tables) {
            sums.put(table, jdbc.queryForObject("select count(*) || ' ' || md5(coalesce(string_agg(t::text, E'\\n' "
                    + "order by t::text), '')) from public.\"" + table + "\" t", String.class));
        }
        return sums;
    }

    private static void delete(Path folder) throws IOException {
        if (Files.exists(folder)) {
            try (Stream<Path> files = Files.walk(folder)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
