package ru.rsoko.meeting.protocol;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import ru.rsoko.meeting.domain.ImportForm;
import ru.rsoko.support.DemoUsers;
import ru.rsoko.support.IntegrationTest;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static ru.rsoko.support.DemoUsers.api;

/**
 * .pdf and .doc protocols through the import page and {@code POST /api/v1/protocols/parse}: read into the same draft
 * as the seed's text, the page's draft carrying the file's text as its source; a scan refused with its message,
 * 422 on the page, and nothing written.
 */
@IntegrationTest
class ProtocolFileUploadTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    DemoUsers users;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void theApiReadsTheSeedAsPdfAndAsDoc() throws Exception {
        for (String name : new String[]{"seed-002.pdf", "seed-002.doc"}) {
            mvc.perform(multipart("/api/v1/protocols/parse").file(new MockMultipartFile("file", name,
                            MediaType.APPLICATION_OCTET_STREAM_VALUE, ProtocolFilesTest.file(name))).with(api("tomsk.coko")))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.date").value("2021-04-16"))
                    .andExpect(jsonPath("$.decisions.length()").value(10))
                    .andExpect(jsonPath("$.decisions[0].responsible[0]").value("руководители ОО"))
                    .andExpect(jsonPath("$.decisions[0].deadline.originalText").value("до 31 мая 2021 года"))
                    .andExpect(jsonPath("$.decisions[9].number").value("10"))
                    .andExpect(jsonPath("$.decisions[9].deadline.kind").value("ONGOING"));
        }
    }

    @Test
    void theApiRefusesAScanInRussian() throws Exception {
        mvc.perform(multipart("/api/v1/protocols/parse").file(new MockMultipartFile("file", "скан.pdf", "application/pdf",
                        ProtocolFilesTest.file("scan.pdf"))).with(api("tomsk.coko")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value(startsWith("В файле PDF нет текстового слоя: похоже, это скан.")));
    }

    @Test
    void thePageReadsAPdfAndADocIntoADraftWhoseSourceIsTheFilesText() throws Exception {
        for (String name : new String[]{"seed-002.pdf", "seed-002.doc"}) {
            MvcResult result = mvc.perform(multipart("/meetings/import").file(new MockMultipartFile("file", name,
                            MediaType.APPLICATION_OCTET_STREAM_VALUE, ProtocolFilesTest.file(name)))
                            .with(users.page("tomsk.coko")).with(csrf()).accept(MediaType.TEXT_HTML))
                    .andExpect(status().isOk()).andReturn();
            ImportForm form = (ImportForm) result.getModelAndView().getModel().get("form");
            assertThat(form.getDecisions()).as(name).hasSize(10);
            assertThat(form.getSourceText()).as(name).isEqualTo(ProtocolFilesTest.text(name));
            assertThat(result.getResponse().getContentAsString(StandardCharsets.UTF_8))
                    .contains("Управление качеством образования в Томской области: от региона к школе");
        }
    }

    @Test
    void thePageRefusesAScanWith422AndWritesNothing() throws Exception {
        long meetings = jdbc.queryForObject("select count(*) from meeting", Long.class);
        MvcResult result = mvc.perform(multipart("/meetings/import").file(new MockMultipartFile("file", "скан.pdf",
                        "application/pdf", ProtocolFilesTest.file("scan.pdf")))
                        .with(users.page("tomsk.coko")).with(csrf()).accept(MediaType.TEXT_HTML))
                .andExpect(status().isUnprocessableContent()).andReturn();
        assertThat(result.getResponse().getContentAsString(StandardCharsets.UTF_8))
                .contains("В файле PDF нет текстового слоя: похоже, это скан. Распознайте текст (OCR) или загрузите "
                        + ".docx, .doc или текст протокола.");
        assertThat(jdbc.queryForObject("select count(*) from meeting", Long.class)).isEqualTo(meetings);
    }

    @Test
    void thePageNamesTheFormatsItTakes() throws Exception {
        String page = mvc.perform(get("/meetings/import").with(users.page("tomsk.coko")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("Файл протокола (.docx, .doc, .pdf)", "accept=\".docx,.doc,.pdf,");
    }
}
