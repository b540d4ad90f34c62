package ru.rsoko.meeting.web;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import ru.rsoko.support.DemoUsers;
import ru.rsoko.support.IntegrationTest;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The import preview shows beside each decision the piece of the protocol it came from, its parties and deadline
 * highlighted, with what to check marked and counted; after a confirmation that fails, the same again.
 */
@IntegrationTest
class ProtocolImportSourcesPageTest {

    static final String PROTOCOL = """
            ПРОТОКОЛ № 7
            совещания руководителей «Итоги мониторинга»
            от 12.11.2021
            РЕШИЛИ:
            1. Обеспечить участие школ в региональной диагностике <script>alert(1)</script> функциональной грамотности.
            Ответственные – руководители ОО.
            Срок – до 10 декабря 2021 года.
            2. Разработать программы помощи школам в соответствии со сроками плана мероприятий.
            Ответственные – руководители МОУО.
            Срок – в соответствии со сроками плана мероприятий.
            """;

    @Autowired
    MockMvc mvc;
    @Autowired
    DemoUsers users;

    @Test
    void thePreviewShowsWhereEachDecisionCameFromWithItsPartyAndDeadlineMarked() throws Exception {
        String page = mvc.perform(multipart("/meetings/import").param("text", PROTOCOL)
                        .with(users.page("tomsk.coko")).with(csrf()))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);

        assertThat(page).contains("enctype=\"multipart/form-data\" novalidate id=\"draft-form\"")
                .contains("<mark class=\"source-party\">руководители ОО</mark>")
                .contains("<mark class=\"source-deadline\">до 10 декабря 2021 года</mark>")
                .contains("<mark class=\"source-party\">руководители МОУО</mark>")
                .contains("<mark class=\"source-date\">12.11.2021</mark>")
                // the protocol's text is shown as text, never as markup
                .contains("&lt;script&gt;alert(1)&lt;/script&gt;").doesNotContain("<script>alert(1)</script>")
                .contains("Проверьте 1 место")
                .contains("Проверьте: срок не распознан как дата или период: укажите вид срока");
        assertThat(page).contains("<mark class=\"source-number\">");
        assertThat(page.split("class=\"badge text-bg-success source-sure\"", -1)).hasSize(4); // the date, the number, decision 1
    }

    @Test
    void aConfirmationThatFailsShowsTheSourcesAgainForTheCorrectedForm() throws Exception {
        String page = mvc.perform(multipart("/meetings/import/confirm")
                        .param("meeting.kind", "MEETING").param("meeting.title", "").param("meeting.date", "12.11.2021")
                        .param("decisions[0].number", "1")
                        .param("decisions[0].text", "Обеспечить участие школ в региональной диагностике <script>alert(1)</script> "
                                + "функциональной грамотности.")
                        .param("decisions[0].responsibleText", "руководители ОО; Департамент культуры")
                        .param("decisions[0].deadlineText", "до 10 декабря 2021 года")
                        .param("sourceText", PROTOCOL)
                        .with(users.page("tomsk.coko")).with(csrf()))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);

        assertThat(page).contains("Укажите тему")
                .contains("<mark class=\"source-party\">руководители ОО</mark>")
                .contains("<mark class=\"source-deadline\">до 10 декабря 2021 года</mark>")
                .contains("Проверьте: ответственный не найден в тексте протокола: «Департамент культуры»")
                .contains("Проверьте: нет такой организации в справочнике: «Департамент культуры»")
                .contains("Проверьте 2 места");
    }

    @Test
    void checksAreCountedInRussian() {
        assertThat(new SourcePreview(java.util.List.of(), null, null, 1).checksLabel()).isEqualTo("Проверьте 1 место");
        assertThat(new SourcePreview(java.util.List.of(), null, null, 3).checksLabel()).isEqualTo("Проверьте 3 места");
        assertThat(new SourcePreview(java.util.List.of(), null, null, 5).checksLabel()).isEqualTo("Проверьте 5 мест");
        assertThat(new SourcePreview(java.util.List.of(), null, null, 12).checksLabel()).isEqualTo("Проверьте 12 мест");
        assertThat(new SourcePreview(java.util.List.of(), null, null, 21).checksLabel()).isEqualTo("Проверьте 21 место");
    }
}
