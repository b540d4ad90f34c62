package ru.rsoko.meeting;

import com.jayway.jsonpath.JsonPath;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import ru.rsoko.meeting.domain.MeetingDemoData;
import ru.rsoko.support.DemoUsers;
import ru.rsoko.support.Fixtures;
import ru.rsoko.support.IntegrationTest;

import java.io.ByteArrayInputStream;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static ru.rsoko.support.DemoUsers.api;

@IntegrationTest
class MeetingApiTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    DemoUsers users;
    @Autowired
    JdbcTemplate jdbc;

    /** The body of a meeting as the protocol parser drafts it: responsible parties in the protocol's words. */
    static String draft(String title) {
        return """
                {"title": "%s", "date": "2021-04-16", "kind": "Семинара-совещания",
                 "agenda": [{"number": "1", "title": "Вступительное слово.", "speakers": ["Вторина Елена Вениаминовна, заместитель начальника ДОО ТО"]}],
                 "decisions": [
                   {"number": "1", "text": "Активизировать работу с банком заданий.", "responsible": ["руководители ОО"],
                    "deadline": {"kind": "BY_DATE", "dueDate": "2021-05-31", "originalText": "до 31 мая 2021 года"}},
                   {"number": "9", "text": "Организовать систему работы по единым подходам к оцениванию.",
                    "responsible": ["ТОИПКРО", "руководители МОУО", "руководители ОО"],
                    "deadline": {"kind": "ONGOING", "originalText": "постоянно"}}
                 ]}""".formatted(title);
    }

    @Test
    void aDraftBecomesAMeetingAndSigningItAssignsEveryResponsibleOrganisation() throws Exception {
        String created = mvc.perform(post("/api/v1/meetings").with(api("tomsk.coko")).contentType(MediaType.APPLICATION_JSON)
                        .content(draft(Fixtures.unique("Семинар по API"))))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.kind").value("SEMINAR_MEETING"))
                .andExpect(jsonPath("$.status").value("PLANNED"))
                .andExpect(jsonPath("$.decisions[1].responsibleParties.length()").value(3))
                .andExpect(jsonPath("$.decisions[1].deadline.originalText").value("постоянно"))
                .andReturn().getResponse().getContentAsString();
        int id = JsonPath.read(created, "$.id");

        long schools = jdbc.queryForObject("select count(*) from org_unit o join org_unit r on r.id = o.region_id "
                + "where r.name = 'Томская область' and o.type = 'SCHOOL' and o.active", Long.class);
        long municipalities = jdbc.queryForObject("select count(*) from org_unit o join org_unit r on r.id = o.region_id "
                + "where r.name = 'Томская область' and o.type = 'MUNICIPALITY' and o.active", Long.class);
        mvc.perform(post("/api/v1/meetings/{id}/sign", id).with(api("tomsk.coko")).param("version", String.valueOf(jdbc.queryForObject("select version from meeting where id = ?", Long.class, id))))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("SIGNED"))
                .andExpect(jsonPath("$.decisions[0].executions.total").value(schools))
                .andExpect(jsonPath("$.decisions[1].executions.total").value(1 + municipalities + schools));
        mvc.perform(post("/api/v1/meetings/{id}/sign", id).with(api("tomsk.coko")).param("version", String.valueOf(jdbc.queryForObject("select version from meeting where id = ?", Long.class, id))))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value("Протокол уже подписан"));
        mvc.perform(get("/api/v1/executions").param("meetingId", String.valueOf(id)).param("overdue", "true")
                        .with(api("tomsk.coko")))
                // the dated decision is long past; the ongoing one owes its first report only at the end of this quarter
                .andExpect(jsonPath("$.page.totalElements").value(schools));
    }

    @Test
    void wordsThatNameNoOneAreA400InRussian() throws Exception {
        mvc.perform(post("/api/v1/meetings").with(api("tomsk.coko")).contentType(MediaType.APPLICATION_JSON)
                        .content(draft(Fixtures.unique("Семинар")).replace("\"ТОИПКРО\"", "\"Институт Марса\"")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value(containsString("«Институт Марса»")));
        mvc.perform(post("/api/v1/meetings").with(api("tomsk.coko")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"title\": \"\", \"date\": null}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.title").value("Укажите тему"));
        mvc.perform(post("/api/v1/meetings").with(api("sonkovo.school")).contentType(MediaType.APPLICATION_JSON)
                        .content(draft("Школа не созывает")))
                .andExpect(status().isForbidden());
    }

    @Test
    void aPutWithAStaleVersionOverwritesNothing() throws Exception {
        String created = mvc.perform(post("/api/v1/meetings").with(api("tver.coko")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"title\": \"Исходная тема\", \"date\": \"2021-03-01\"}"))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        int id = JsonPath.read(created, "$.id");
        mvc.perform(put("/api/v1/meetings/{id}", id).with(api("tver.coko")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"title\": \"Первая правка\", \"date\": \"2021-03-01\", \"version\": 0}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.title").value("Первая правка"));
        mvc.perform(put("/api/v1/meetings/{id}", id).with(api("tver.coko")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"title\": \"Вторая правка\", \"date\": \"2021-03-01\", \"version\": 0}"))
                .andExpect(status().isConflict());
        mvc.perform(get("/api/v1/meetings/{id}", id).with(api("tver.coko")))
                .andExpect(jsonPath("$.title").value("Первая правка"));
        mvc.perform(get("/api/v1/meetings/{id}", id).with(api("tomsk.coko")))
                .andExpect(status().isNotFound());
    }

    @Test
    void theProtocolDocumentHoldsEveryDecisionWithItsResponsibleAndDeadline() throws Exception {
        long id = jdbc.queryForObject("select id from meeting where title = ?", Long.class, MeetingDemoData.TOMSK_SEMINAR);
        byte[] docx = mvc.perform(get("/meetings/{id}/protocol.docx", id).with(users.page("tomsk.coko")))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsByteArray();
        try (XWPFDocument document = new XWPFDocument(new ByteArrayInputStream(docx))) {
            List<String> lines = document.getParagraphs().stream().map(XWPFParagraph::getText).map(String::strip)
                    .filter(t -> !t.isEmpty()).toList();
            String all = String.join("\n", lines);
            assertThat(all).contains("ПРОТОКОЛ", "ПОВЕСТКА", "РЕШИЛИ", "Докладчик");
            List<String> decisions = jdbc.queryForList("select number || '. ' || text from decision where meeting_id = ? order by position",
                    String.class, id);
            assertThat(decisions).hasSize(10);
            for (String decision : decisions) {
                int at = indexOf(lines, decision);
                assertThat(at).as(decision).isNotNegative();
                assertThat(lines.get(at + 1)).startsWith("Ответственные –");
                assertThat(lines.get(at + 2)).startsWith("Срок –");
            }
            assertThat(all).contains("Ответственные – ТОИПКРО; руководители МОУО, руководители ОО", "Срок – до 31 мая 2021 года",
                    "Срок – постоянно по итогам процедур оценки качества образования");
        }
        byte[] letter = mvc.perform(get("/meetings/{id}/cover-letter.docx", id).with(users.page("tomsk.coko")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        try (XWPFDocument document = new XWPFDocument(new ByteArrayInputStream(letter))) {
            String text = new org.apache.poi.xwpf.extractor.XWPFWordExtractor(document).getText();
            assertThat(text).contains("06.05.2021", "57-2751", "О направлении протокола", "И.Б.Грабцевич");
        }
    }

    private static int indexOf(List<String> lines, String decision) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).replace('ё', 'е').equals(decision.replace('ё', 'е'))) {
                return i;
            }
        }
        return -1;
    }
}
