package ru.rsoko.directory.domain;

import ru.rsoko.directory.OrgUnit;
import ru.rsoko.directory.OrgUnitType;

import org.springframework.jdbc.core.JdbcTemplate;
import jakarta.servlet.http.Cookie;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;
import ru.rsoko.access.Scope;
import ru.rsoko.platform.spreadsheet.ImportError;
import ru.rsoko.platform.spreadsheet.XlsxDownload;
import ru.rsoko.support.DemoUsers;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

/**
 * Uploads through the page exactly as a browser does (multipart, CSRF, a signed-in demo user) and reads the
 * database with plain SQL, so that "nothing written" is checked where it matters.
 */
final class ImportDriver {

    final MockMvc mvc;
    final DemoUsers users;
    final JdbcTemplate jdbc;
    final OrgUnitService directory;

    ImportDriver(MockMvc mvc, DemoUsers users, JdbcTemplate jdbc, OrgUnitService directory) {
        this.mvc = mvc;
        this.users = users;
        this.jdbc = jdbc;
        this.directory = directory;
    }

    /**
     * A browser's session: the application keeps sessions in PostgreSQL (Spring Session), so a session is the
     * SESSION cookie the server set, not a MockHttpSession.
     */
    static final class Browser {
        private Cookie session;

        <B extends AbstractMockHttpServletRequestBuilder<B>> B send(B request) {
            return session == null ? request : request.cookie(session);
        }

        MvcResult keep(MvcResult result) {
            Cookie set = result.getResponse().getCookie("SESSION");
            if (set != null) {
                session = set;
            }
            return result;
        }
    }

    /** What the page showed after an upload. */
    record Outcome(MvcResult result, DirectoryImportService.Summary summary, List<ImportError> errors, String html) {
    }

    /** The state of the tables an import may write: a rejected upload must leave all of it as it was. */
    record Counts(long units, long audited, long revisions) {
    }

    long regionId(String name) {
        return jdbc.queryForObject("select id from org_unit where type = 'REGION' and name = ?", Long.class, name);
    }

    long tver() {
        return regionId("Тверская область");
    }

    long tomsk() {
        return regionId("Томская область");
    }

    Counts counts() {
        return new Counts(
                jdbc.queryForObject("select count(*) from org_unit", Long.class),
                jdbc.queryForObject("select count(*) from org_unit_aud", Long.class),
                jdbc.queryForObject("select count(*) from revinfo", Long.class));
    }

    long countNamed(String namePart) {
        return jdbc.queryForObject("select count(*) from org_unit where name like ?", Long.class, "%" + namePart + "%");
    }

    Map<String, Object> unit(String name) {
        return jdbc.queryForMap("select * from org_unit where name = ?", name);
    }

    Outcome upload(String username, long regionId, byte[] file) throws Exception {
        return upload(username, regionId, file, "справочник.xlsx", new Browser());
    }

    Outcome upload(String username, long regionId, byte[] file, String fileName, Browser browser) throws Exception {
        MvcResult result = browser.keep(mvc.perform(browser.send(multipart("/directory/import")
                        .file(new MockMultipartFile("file", fileName, XlsxDownload.CONTENT_TYPE, file))
                        .param("regionId", String.valueOf(regionId)))
                        .with(csrf())
                        .with(users.page(username)))
                .andExpect(r -> assertThat(r.getResponse().getStatus()).as("200 when taken, 422 when refused").isIn(200, 422))
                .andExpect(view().name("directory/import"))
                .andReturn());
        Map<String, Object> model = result.getModelAndView().getModel();
        @SuppressWarnings("unchecked")
        List<ImportError> errors = (List<ImportError>) model.get("errors");
        assertThat(result.getResponse().getStatus()).as("a refused upload answers 422").isEqualTo(errors == null ? 200 : 422);
        return new Outcome(result, (DirectoryImportService.Summary) model.get("summary"), errors,
                result.getResponse().getContentAsString());
    }

    /** Uploads a file that must be refused and proves that not a single row was written. */
    List<ImportError> rejected(long regionId, byte[] file) throws Exception {
        Counts before = counts();
        Outcome outcome = upload("admin", regionId, file);
        assertThat(outcome.summary()).as("a rejected file has no summary").isNull();
        assertThat(outcome.errors()).as("errors shown on the page").isNotEmpty();
        assertThat(outcome.html()).contains("id=\"import-errors\"").contains("Файл не загружен, ничего не сохранено.")
                .doesNotContain("id=\"import-summary\"");
        assertThat(counts()).as("nothing written: organisations, their history, revisions").isEqualTo(before);
        return outcome.errors();
    }

    DirectoryImportService.Summary accepted(long regionId, byte[] file) throws Exception {
        Outcome outcome = upload("admin", regionId, file);
        assertThat(outcome.errors()).as("errors").isNull();
        assertThat(outcome.html()).contains("id=\"import-summary\"");
        return outcome.summary();
    }

    /** A municipality of Tver with schools, made through the directory's own service for a test to work on. */
    OrgUnit municipalityWithSchools(String name, String... schools) {
        OrgUnit region = directory.get(Scope.all(), tver());
        OrgUnitForm form = new OrgUnitForm();
        form.setType(OrgUnitType.MUNICIPALITY);
        form.setName(name);
        form.setParentId(region.id());
        OrgUnit municipality = directory.create(Scope.all(), form);
        for (String school : schools) {
            OrgUnitForm s = new OrgUnitForm();
            s.setType(OrgUnitType.SCHOOL);
            s.setName(school);
            s.setParentId(municipality.id());
            s.setPhone("+7 (900) 100-00-00");
            directory.create(Scope.all(), s);
        }
        return municipality;
    }
}
