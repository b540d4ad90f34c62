package ru.rsoko.execution.web;

import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import ru.rsoko.execution.ExecutionRecord;
import ru.rsoko.platform.web.ConcurrentEditException;
import ru.rsoko.support.DemoUsers;
import ru.rsoko.support.Fixtures;
import ru.rsoko.support.IntegrationTest;
import ru.rsoko.support.MeetingFixtures;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Two people of a school report on the same record at once: the one who saves second gets the form back with what
 * they typed, the other person's newer report beside it and a Russian message — never a bare 409 page; a report over
 * the limit comes back the same way, with «Не больше N символов».
 */
@IntegrationTest
@org.junit.jupiter.api.Order(ru.rsoko.support.IntegrationTest.LATE)
class ExecutionFormConflictTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    DemoUsers users;
    @Autowired
    MeetingFixtures meetingFixtures;
    @Autowired
    Fixtures fixtures;

    @Test
    void theSecondWriterGetsTheFormBackWithTheirTextAndSeesTheOthers() throws Exception {
        ExecutionRecord record = record();
        post(record, "Отчёт первого: приказ издан", record.version()).andReturn();
        MvcResult second = post(record, "Отчёт второго: педсовет проведён", record.version()).andReturn();
        assertThat(second.getResponse().getStatus()).isEqualTo(302);

        String card = card(record, second);
        assertThat(card).contains(ConcurrentEditException.FORM_MESSAGE)
                .contains("Отчёт второго: педсовет проведён")   // the typed text, in the form
                .contains("Отчёт первого: приказ издан");        // the other person's, on the card
    }

    @Test
    void ofTenWritersAtOnceOneSavesAndEveryOtherGetsTheirTextBackNeverAnErrorPage() throws Exception {
        ExecutionRecord record = record();
        int writers = 10;
        CyclicBarrier together = new CyclicBarrier(writers);
        List<CompletableFuture<MvcResult>> all = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(writers)) {
            for (int i = 0; i < writers; i++) {
                String text = "Отчёт писавшего " + i;
                all.add(CompletableFuture.supplyAsync(() -> {
                    try {
                        together.await();
                        return post(record, text, record.version()).andReturn();
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                }, pool));
            }
            int saved = 0;
            for (CompletableFuture<MvcResult> f : all) {
                MvcResult result = f.get();
                assertThat(result.getResponse().getStatus()).isEqualTo(302);
                if ("Сохранено".equals(result.getFlashMap().get("message"))) {
                    saved++;
                } else {
                    assertThat(result.getFlashMap().get("error")).isEqualTo(ConcurrentEditException.FORM_MESSAGE);
                    assertThat((String) result.getFlashMap().get("draftReport")).startsWith("Отчёт писавшего ");
                }
            }
            assertThat(saved).isEqualTo(1);
        }
    }

    @Test
    void aReportOverTheLimitComesBackWithTheTextAndTheLimitNamed() throws Exception {
        ExecutionRecord record = record();
        String tooLong = "д".repeat(10_001);
        MvcResult result = post(record, tooLong, record.version()).andExpect(status().is3xxRedirection()).andReturn();
        assertThat(result.getFlashMap().get("error")).isEqualTo("Не больше 10000 символов в поле «Отчёт» (сейчас 10001)");
        assertThat(result.getFlashMap().get("draftReport")).isEqualTo(tooLong);
        assertThat(card(record, result)).contains("Не больше 10000 символов");
    }

    private ExecutionRecord record() {
        return meetingFixtures.execution(meetingFixtures.meeting("tver.coko", true), "1", fixtures.org("МОУ «Берёзовская СОШ»"));
    }

    private org.springframework.test.web.servlet.ResultActions post(ExecutionRecord record, String report, long version)
            throws Exception {
        return mvc.perform(multipart("/executions/{id}", record.id()).with(users.page("sonkovo.school")).with(csrf())
                .param("status", "IN_PROGRESS").param("report", report).param("version", String.valueOf(version)));
    }

    /** The card the redirect leads to, in the same session (kept in PostgreSQL), where the flash attributes wait. */
    private String card(ExecutionRecord record, MvcResult posted) throws Exception {
        Cookie session = posted.getResponse().getCookie("SESSION");
        assertThat(session).isNotNull();
        return mvc.perform(get("/executions/{id}", record.id()).cookie(session).with(users.page("sonkovo.school")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
    }
}
