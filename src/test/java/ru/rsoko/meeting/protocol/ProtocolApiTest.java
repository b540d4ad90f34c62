package ru.rsoko.meeting.protocol;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import ru.rsoko.support.IntegrationTest;

import com.jayway.jsonpath.DocumentContext;
import com.jayway.jsonpath.JsonPath;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static ru.rsoko.support.DemoUsers.api;

/** The contract of {@code POST /api/v1/protocols/parse}: a draft in the agreed shape, nothing saved. */
@IntegrationTest
class ProtocolApiTest {

    static final MediaType TEXT_UTF8 = new MediaType("text", "plain", StandardCharsets.UTF_8);

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void theTextOfSeed002BecomesADraftWithEveryDecisionAndSavesNothing() throws Exception {
        long meetings = jdbc.queryForObject("select count(*) from meeting", Long.class);
        mvc.perform(post("/api/v1/protocols/parse").with(api("tomsk.coko")).contentType(TEXT_UTF8)
                        .content(ProtocolSamples.text(ProtocolSamples.SEED_002).getBytes(StandardCharsets.UTF_8)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.title").value("Управление качеством образования в Томской области: от региона к школе"))
                .andExpect(jsonPath("$.date").value("2021-04-16"))
                .andExpect(jsonPath("$.agenda.length()").value(5))
                .andExpect(jsonPath("$.agenda[0].number").value("1"))
                .andExpect(jsonPath("$.agenda[0].speakers[0]").value(startsWith("Вторина Елена Вениаминовна")))
                .andExpect(jsonPath("$.decisions.length()").value(10))
                .andExpect(jsonPath("$.decisions[0].number").value("1"))
                .andExpect(jsonPath("$.decisions[0].responsible[0]").value("руководители ОО"))
                .andExpect(jsonPath("$.decisions[0].deadline.kind").value("BY_DATE"))
                .andExpect(jsonPath("$.decisions[0].deadline.dueDate").value("2021-05-31"))
                .andExpect(jsonPath("$.decisions[0].deadline.originalText").value("до 31 мая 2021 года"))
                .andExpect(jsonPath("$.decisions[1].deadline.kind").value("BY_DATE_THEN_ONGOING"))
                .andExpect(jsonPath("$.decisions[1].deadline.dueDate").value("2021-06-10"))
                .andExpect(jsonPath("$.decisions[9].deadline.kind").value("ONGOING"));
        assertThat(jdbc.queryForObject("select count(*) from meeting", Long.class)).isEqualTo(meetings);
    }

    @Test
    void theDraftCarriesItsTextAndWhereEachFactOfItStands() throws Exception {
        String text = ProtocolSamples.text(ProtocolSamples.SEED_002);
        String body = mvc.perform(post("/api/v1/protocols/parse").with(api("tomsk.coko")).contentType(TEXT_UTF8)
                        .content(text.getBytes(StandardCharsets.UTF_8)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.sourceText").value(text))
                .andExpect(jsonPath("$.sources.dateConfidence.level").value("HIGH"))
                .andExpect(jsonPath("$.decisions[0].source.textConfidence.level").value("HIGH"))
                .andExpect(jsonPath("$.decisions[5].source.deadlineConfidence.level").value("CHECK"))
                .andExpect(jsonPath("$.decisions[5].source.deadlineConfidence.reason").value(startsWith("срок не распознан")))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);

        DocumentContext json = JsonPath.parse(body);
        String source = json.read("$.sourceText");
        assertThat(cut(source, json.read("$.sources.date"))).isEqualTo("16 апреля 2021");
        List<Map<String, Object>> decisions = json.read("$.decisions");
        assertThat(decisions).hasSize(10);
        for (Map<String, Object> d : decisions) {
            Map<String, Object> where = map(d.get("source"));
            assertThat(fold(cut(source, map(where.get("text"))))).isEqualTo(fold((String) d.get("text")));
            List<String> parties = list(d.get("responsible"));
            List<Object> spans = list(where.get("responsible"));
            assertThat(spans).hasSameSizeAs(parties);
            for (int i = 0; i < parties.size(); i++) {
                assertThat(cut(source, map(spans.get(i)))).isEqualTo(parties.get(i));
            }
            assertThat(cut(source, map(where.get("deadline")))).isEqualTo(map(d.get("deadline")).get("originalText"));
        }
    }

    @Test
    void anUploadedFilesSpansPointIntoTheTextExtractedFromIt() throws Exception {
        byte[] docx = ProtocolSamples.docxWithWordNumbering(ProtocolSamples.text(ProtocolSamples.SEED_002));
        String body = mvc.perform(multipart("/api/v1/protocols/parse").file(new MockMultipartFile("file", "protocol.docx",
                        "application/vnd.openxmlformats-officedocument.wordprocessingml.document", docx))
                        .with(api("tomsk.coko")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.sourceText").isNotEmpty())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);

        DocumentContext json = JsonPath.parse(body);
        String source = json.read("$.sourceText");
        assertThat(cut(source, json.read("$.decisions[9].source.deadline"))).isEqualTo("постоянно");
        assertThat(cut(source, json.read("$.decisions[0].source.responsible[0]"))).isEqualTo("руководители ОО");
    }

    private static String cut(String text, Map<String, Object> span) {
        return text.substring((Integer) span.get("start"), (Integer) span.get("end"));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object o) {
        return (Map<String, Object>) o;
    }

    @SuppressWarnings("unchecked")
    private static <T> List<T> list(Object o) {
        return (List<T>) o;
    }

    private static String fold(String s) {
        return FoldedText.of(s).chars;
    }

    @Test
    void textWithoutACharsetIsReadAsUtf8() throws Exception {
        mvc.perform(post("/api/v1/protocols/parse").with(api("tver.coko")).contentType(MediaType.TEXT_PLAIN)
                        .content(ProtocolSamples.text(ProtocolSamples.SEED_002).getBytes(StandardCharsets.UTF_8)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.date").value("2021-04-16"))
                .andExpect(jsonPath("$.decisions.length()").value(10));
    }

    @Test
    void theAnnouncementOfSeed004GivesTheMeetingsDateNotTheLetters() throws Exception {
        mvc.perform(post("/api/v1/protocols/parse").with(api("tomsk.coko")).contentType(TEXT_UTF8)
                        .content(ProtocolSamples.text(ProtocolSamples.SEED_004).getBytes(StandardCharsets.UTF_8)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.date").value("2020-10-27"))
                .andExpect(jsonPath("$.agenda.length()").value(5))
                .andExpect(jsonPath("$.decisions.length()").value(0));
    }

    @Test
    void anUploadedDocxIsReadLikeTheText() throws Exception {
        byte[] docx = ProtocolSamples.docxWithWordNumbering(ProtocolSamples.text(ProtocolSamples.SEED_002));
        mvc.perform(multipart("/api/v1/protocols/parse").file(new MockMultipartFile("file", "protocol.docx",
                        "application/vnd.openxmlformats-officedocument.wordprocessingml.document", docx))
                        .with(api("tomsk.coko")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.date").value("2021-04-16"))
                .andExpect(jsonPath("$.decisions.length()").value(10))
                .andExpect(jsonPath("$.decisions[9].number").value("10"))
                .andExpect(jsonPath("$.decisions[9].deadline.originalText").value("постоянно"));
    }

    @Test
    void badInputIsRefusedInRussian() throws Exception {
        mvc.perform(post("/api/v1/protocols/parse").with(api("tomsk.coko")).contentType(TEXT_UTF8).content(new byte[0]))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value(startsWith("Пустой текст")));
        mvc.perform(post("/api/v1/protocols/parse").with(api("tomsk.coko")).contentType(TEXT_UTF8).content("  \n\n "))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value(startsWith("Пустой текст")));
        mvc.perform(post("/api/v1/protocols/parse").with(api("tomsk.coko")).contentType(TEXT_UTF8)
                        .content("а".repeat(600_000)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value(startsWith("Текст слишком длинный")));
        mvc.perform(multipart("/api/v1/protocols/parse").file(new MockMultipartFile("file", "protocol.docx",
                        "application/octet-stream", "это не документ Word".getBytes(StandardCharsets.UTF_8)))
                        .with(api("tomsk.coko")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").isNotEmpty());
        mvc.perform(multipart("/api/v1/protocols/parse").with(api("tomsk.coko")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value(startsWith("Файл не получен")));
    }
}
