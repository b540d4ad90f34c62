package ru.rsoko.meeting.correction;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import ru.rsoko.access.CurrentUser;
import ru.rsoko.meeting.DeadlineKind;
import ru.rsoko.meeting.domain.AgendaItemForm;
import ru.rsoko.meeting.domain.DecisionForm;
import ru.rsoko.meeting.domain.ImportForm;
import ru.rsoko.meeting.domain.MeetingForm;
import ru.rsoko.meeting.domain.ProtocolDrafts;
import ru.rsoko.meeting.protocol.ProtocolParser;
import ru.rsoko.platform.web.Formats;
import ru.rsoko.support.DemoUsers;
import ru.rsoko.support.Fixtures;
import ru.rsoko.support.IntegrationTest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * An import whose draft the person corrected keeps one correction with the text, the facts as parsed and as
 * confirmed; an untouched import and a failed creation keep none; administrators see their region's, download them as
 * corpus test cases, and nobody else reaches them.
 */
@IntegrationTest
class ProtocolCorrectionTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    DemoUsers users;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ProtocolParser parser;
    @Autowired
    ProtocolDrafts drafts;
    @Autowired
    ObjectMapper json;
    @Autowired
    UserDetailsService accounts;

    private CurrentUser principal(String username) {
        return (CurrentUser) accounts.loadUserByUsername(username);
    }

    static String protocol(String title) {
        return """
                ПРОТОКОЛ № 358

                Совещания

                «%s»

                24 ноября 2022 года

                ПОВЕСТКА:

                1. О результатах всероссийских проверочных работ.

                Докладчик – Иванова Ирина Петровна, начальник отдела оценки качества образования.

                РЕШИЛИ:

                1. Довести результаты ВПР до сведения общеобразовательных организаций.

                Ответственные – руководители МОУО.

                Срок – до 15 декабря 2022 года.

                2. Обеспечить объективность проведения ВПР.

                Ответственные – руководители ОО.

                Срок – постоянно.
                """.formatted(title);
    }

    @Test
    void aCorrectedDeadlineKeepsOneCorrectionWithTheFactsAsParsedAndAsConfirmed() throws Exception {
        String text = protocol(Fixtures.unique("Совещание о результатах ВПР"));
        long meeting = confirm("tver.coko", text, form -> {
            DecisionForm first = form.getDecisions().getFirst();
            first.setDeadlineText("до 20 декабря 2022 года");
            first.setDueDate(LocalDate.of(2022, 12, 20));
        });

        List<Map<String, Object>> rows = jdbc.queryForList("""
                select c.region_id, c.municipality_id, c.author, c.source_text, c.parsed::text as parsed,
                       c.confirmed::text as confirmed, c.differences::text as differences
                from protocol_correction c where c.meeting_id = ?""", meeting);
        assertThat(rows).hasSize(1);
        Map<String, Object> row = rows.getFirst();
        assertThat(row.get("source_text")).isEqualTo(text);
        assertThat(row.get("author")).isEqualTo(principal("tver.coko").fullName());
        assertThat(row.get("region_id")).isEqualTo(principal("tver.coko").regionId());
        assertThat(row.get("municipality_id")).isNull();

        ProtocolFacts parsed = json.readValue((String) row.get("parsed"), ProtocolFacts.class);
        ProtocolFacts confirmed = json.readValue((String) row.get("confirmed"), ProtocolFacts.class);
        assertThat(parsed).isEqualTo(ProtocolFacts.of(parser.parse(text)));
        assertThat(parsed.date()).isEqualTo("2022-11-24");
        assertThat(parsed.speakers()).containsExactly("Иванова И.П.");
        assertThat(parsed.decisions()).hasSize(2);
        assertThat(parsed.decisions().getFirst().deadline()).isEqualTo(new ProtocolFacts.Deadline("BY_DATE", "2022-12-15", null));
        assertThat(parsed.decisions().get(1).deadline()).isEqualTo(new ProtocolFacts.Deadline("ONGOING", null, null));

        // only the deadline of the first decision differs; everything else is the parser's
        assertThat(confirmed.decisions().getFirst().deadline()).isEqualTo(new ProtocolFacts.Deadline("BY_DATE", "2022-12-20", null));
        assertThat(confirmed).isEqualTo(new ProtocolFacts(null, parsed.date(), parsed.number(), parsed.speakers(), List.of(
                new ProtocolFacts.Decision(parsed.decisions().getFirst().number(), parsed.decisions().getFirst().text(),
                        parsed.decisions().getFirst().responsible(), new ProtocolFacts.Deadline("BY_DATE", "2022-12-20", null)),
                parsed.decisions().get(1))));
        assertThat(json.readTree((String) row.get("differences")).toString())
                .isEqualTo("[{\"fact\":\"DEADLINE\",\"where\":\"1\"}]");
    }

    @Test
    void anImportConfirmedAsTheParserReadItKeepsNothing() throws Exception {
        String text = protocol(Fixtures.unique("Совещание о результатах ВПР"));
        long meeting = confirm("tver.coko", text, form -> {
        });
        assertThat(jdbc.queryForObject("select count(*) from protocol_correction where meeting_id = ?", Integer.class, meeting)).isZero();
    }

    @Test
    void aCreationThatFailsKeepsNothing() throws Exception {
        String text = protocol(Fixtures.unique("Совещание о результатах ВПР"));
        ImportForm form = draft(text);
        form.getDecisions().getFirst().setDueDate(LocalDate.of(2022, 12, 20));
        form.getDecisions().get(1).setResponsibleText("Организация, которой нет в справочнике");
        mvc.perform(confirmRequest("tver.coko", form))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Не удалось определить ответственных")));
        assertThat(jdbc.queryForObject("select count(*) from protocol_correction where source_text = ?", Integer.class, text)).isZero();
        assertThat(jdbc.queryForObject("select count(*) from meeting where title = ?", Integer.class,
                form.getMeeting().getTitle())).isZero();
    }

    @Test
    void aMunicipalOfficersCorrectionIsKeptWithTheirMunicipality() throws Exception {
        String text = protocol(Fixtures.unique("Совещание о результатах ВПР")).replace("руководители МОУО", "руководители ОО");
        long meeting = confirm("sonkovo.mouo", text, form -> form.getDecisions().get(1).setText("Обеспечить объективность ВПР."));
        Map<String, Object> row = jdbc.queryForMap("select municipality_id, differences::text as differences "
                + "from protocol_correction where meeting_id = ?", meeting);
        assertThat(row.get("municipality_id")).isEqualTo(principal("sonkovo.mouo").municipalityId());
        assertThat(row.get("differences")).asString().contains("DECISION_TEXT");
    }

    @Test
    void theExportGivesTheCorpusFormatAndTheTextBack() throws Exception {
        String text = protocol(Fixtures.unique("Совещание о результатах ВПР"));
        long meeting = confirm("tver.coko", text, form -> {
            form.getDecisions().getFirst().setDeadlineKind(DeadlineKind.ONGOING);
            form.getDecisions().getFirst().setDueDate(null);
            form.getAgenda().getFirst().setSpeakers("Петрова Анна Сергеевна, методист");
        });
        long id = jdbc.queryForObject("select id from protocol_correction where meeting_id = ?", Long.class, meeting);
        ProtocolFacts confirmed = json.readValue(jdbc.queryForObject("select confirmed::text from protocol_correction where id = ?",
                String.class, id), ProtocolFacts.class);
        assertThat(confirmed.speakers()).containsExactly("Петрова А.С.");
        assertThat(confirmed.decisions().getFirst().deadline()).isEqualTo(new ProtocolFacts.Deadline("ONGOING", null, null));

        for (var request : List.of(get("/admin/protocol-corrections.zip").with(users.page("tver.admin")),
                get("/api/v1/admin/protocol-corrections/export").with(DemoUsers.api("tver.admin")))) {
            var response = mvc.perform(request).andExpect(status().isOk())
                    .andExpect(header().string("Content-Type", "application/zip")).andReturn().getResponse();
            Map<String, byte[]> entries = unzip(response.getContentAsByteArray());
            String name = entries.keySet().stream().filter(n -> n.endsWith("-correction-" + id + ".txt")).findFirst().orElseThrow();
            assertThat(name).matches("\\d{2,}-correction-\\d+\\.txt");
            String base = name.substring(0, name.length() - ".txt".length());
            assertThat(new String(entries.get(name), StandardCharsets.UTF_8)).isEqualTo(text);
            byte[] factsJson = entries.get(base + ".facts.json");
            // laid out as the corpus's files: a key per line, a decision per line
            assertThat(new String(factsJson, StandardCharsets.UTF_8)).startsWith("{\n  \"layout\": ")
                    .contains("\n  \"decisions\": [\n    {\"number\":").endsWith("}\n  ]\n}\n");
            JsonNode tree = json.readTree(factsJson);
            assertThat(tree.propertyNames()).containsExactly("layout", "date", "number", "speakers", "decisions");
            assertThat(tree.get("decisions").get(0).propertyNames()).containsExactly("number", "text", "responsible", "deadline");
            assertThat(tree.get("decisions").get(0).get("deadline").toString()).isEqualTo("{\"kind\":\"ONGOING\"}");
            assertThat(tree.get("decisions").get(1).get("deadline").toString()).isEqualTo("{\"kind\":\"ONGOING\"}");
            ProtocolFacts facts = json.readValue(factsJson, ProtocolFacts.class);
            assertThat(facts.layout()).contains("исправлено: выступившие, срок");
            assertThat(facts.withLayout(null)).isEqualTo(confirmed);
        }
    }

    @Test
    void administratorsSeeTheirRegionsCorrectionsAndNobodyElseDoes() throws Exception {
        String tverText = protocol(Fixtures.unique("Совещание о результатах ВПР"));
        long tverMeeting = confirm("tver.coko", tverText, form -> form.getDecisions().getFirst().setNumber("1.1"));
        long tver = jdbc.queryForObject("select id from protocol_correction where meeting_id = ?", Long.class, tverMeeting);
        String tomskText = protocol(Fixtures.unique("Совещание о результатах ВПР")).replace("руководители МОУО", "руководители ОО");
        long tomskMeeting = confirm("tomsk.coko", tomskText, form -> form.getDecisions().getFirst().setNumber("1.1"));
        long tomsk = jdbc.queryForObject("select id from protocol_correction where meeting_id = ?", Long.class, tomskMeeting);
        String tverTitle = jdbc.queryForObject("select title from meeting where id = ?", String.class, tverMeeting);
        String tomskMeetingTitle = jdbc.queryForObject("select title from meeting where id = ?", String.class, tomskMeeting);

        // the list: the region's own, with the day, who, the meeting, how many and which facts
        mvc.perform(get("/admin/protocol-corrections").with(users.page("tver.admin")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(tverTitle)))
                .andExpect(content().string(containsString("/meetings/" + tverMeeting)))
                .andExpect(content().string(containsString(principal("tver.coko").fullName())))
                .andExpect(content().string(containsString("номер решения")))
                .andExpect(content().string(not(containsString(tomskMeetingTitle))));
        mvc.perform(get("/admin/protocol-corrections").with(users.page("admin")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(tverTitle)))
                .andExpect(content().string(containsString(tomskMeetingTitle)));
        var page = json.readTree(mvc.perform(get("/api/v1/admin/protocol-corrections").param("size", "500")
                .with(DemoUsers.api("tver.admin"))).andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray());
        JsonNode mine = null;
        for (JsonNode c : page.get("content")) {
            assertThat(c.get("regionId").asLong()).isEqualTo(principal("tver.admin").regionId());
            if (c.get("id").asLong() == tver) {
                mine = c;
            }
        }
        assertThat(mine).isNotNull();
        assertThat(mine.get("corrected").asInt()).isEqualTo(1);
        assertThat(mine.get("kinds").toString()).isEqualTo("[\"DECISION_NUMBER\"]");
        assertThat(mine.get("meetingId").asLong()).isEqualTo(tverMeeting);

        // the card: the text and the facts side by side, the corrected one marked
        mvc.perform(get("/admin/protocol-corrections/" + tver).with(users.page("tver.admin")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("fact-corrected")))
                .andExpect(content().string(containsString("О результатах всероссийских проверочных работ")));
        // another region's: not found; other roles: refused
        mvc.perform(get("/admin/protocol-corrections/" + tomsk).with(users.page("tver.admin"))).andExpect(status().isNotFound());
        mvc.perform(post("/admin/protocol-corrections/" + tomsk + "/delete").with(users.page("tver.admin")).with(csrf()))
                .andExpect(status().isNotFound());
        mvc.perform(get("/admin/protocol-corrections/" + tver).with(users.page("tver.coko"))).andExpect(status().isForbidden());
        mvc.perform(get("/admin/protocol-corrections").with(users.page("sonkovo.mouo"))).andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/admin/protocol-corrections").with(DemoUsers.api("tver.coko"))).andExpect(status().isForbidden());
        mvc.perform(get("/admin/protocol-corrections/" + tomsk).with(users.page("admin"))).andExpect(status().isOk());
        var tverZip = unzip(mvc.perform(get("/admin/protocol-corrections.zip").with(users.page("tver.admin")))
                .andReturn().getResponse().getContentAsByteArray());
        assertThat(tverZip.keySet()).noneMatch(n -> n.contains("-correction-" + tomsk + "."));

        // deletion: the row is gone, the meeting stays
        mvc.perform(post("/admin/protocol-corrections/" + tver + "/delete").with(users.page("tver.admin")).with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(jdbc.queryForObject("select count(*) from protocol_correction where id = ?", Integer.class, tver)).isZero();
        assertThat(jdbc.queryForObject("select count(*) from meeting where id = ?", Integer.class, tverMeeting)).isOne();
        mvc.perform(get("/admin/protocol-corrections/" + tver).with(users.page("tver.admin"))).andExpect(status().isNotFound());
    }

    // ---- the draft as the page would send it back

    private ImportForm draft(String text) {
        ImportForm form = drafts.toForm(parser.parse(text), LocalDate.now());
        form.setSourceText(text);
        return form;
    }

    private long confirm(String user, String text, Consumer<ImportForm> correct) throws Exception {
        ImportForm form = draft(text);
        correct.accept(form);
        String location = mvc.perform(confirmRequest(user, form)).andExpect(status().is3xxRedirection())
                .andReturn().getResponse().getRedirectedUrl();
        assertThat(location).startsWith("/meetings/");
        return Long.parseLong(location.substring("/meetings/".length()));
    }

    private MockHttpServletRequestBuilder confirmRequest(String user, ImportForm form) {
        MockHttpServletRequestBuilder request = post("/meetings/import/confirm").with(users.page(user)).with(csrf());
        Map<String, String> params = new HashMap<>();
        MeetingForm m = form.getMeeting();
        params.put("meeting.kind", m.getKind().name());
        params.put("meeting.title", m.getTitle());
        params.put("meeting.date", m.getDate() == null ? null : Formats.DATE.format(m.getDate()));
        params.put("meeting.protocolNumber", m.getProtocolNumber());
        params.put("meeting.place", m.getPlace());
        params.put("meeting.chair", m.getChair());
        params.put("meeting.participants", m.getParticipants());
        for (int i = 0; i < form.getAgenda().size(); i++) {
            AgendaItemForm a = form.getAgenda().get(i);
            params.put("agenda[" + i + "].number", a.getNumber());
            params.put("agenda[" + i + "].title", a.getTitle());
            params.put("agenda[" + i + "].speakers", a.getSpeakers());
            params.put("agenda[" + i + "].heard", a.getHeard());
        }
        for (int i = 0; i < form.getDecisions().size(); i++) {
            DecisionForm d = form.getDecisions().get(i);
            String p = "decisions[" + i + "].";
            params.put(p + "number", d.getNumber());
            params.put(p + "text", d.getText());
            params.put(p + "responsibleText", d.getResponsibleText());
            params.put(p + "deadlineText", d.getDeadlineText());
            params.put(p + "deadlineKind", d.getDeadlineKind() == null ? "" : d.getDeadlineKind().name());
            params.put(p + "dueDate", d.getDueDate() == null ? "" : Formats.DATE.format(d.getDueDate()));
            params.put(p + "periodStart", d.getPeriodStart() == null ? "" : Formats.DATE.format(d.getPeriodStart()));
        }
        params.put("unplaced", form.getUnplaced());
        params.put("sourceText", form.getSourceText());
        params.forEach((name, value) -> {
            if (value != null) {
                request.param(name, value);
            }
        });
        return request;
    }

    static Map<String, byte[]> unzip(byte[] zip) throws Exception {
        Map<String, byte[]> entries = new HashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip), StandardCharsets.UTF_8)) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                entries.put(e.getName(), in.readAllBytes());
            }
        }
        return entries;
    }
}
