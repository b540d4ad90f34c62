package ru.rsoko.execution.web;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import ru.rsoko.support.DemoUsers;
import ru.rsoko.support.IntegrationTest;

import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The list of execution records: the filter's htmx request gets the results only, searched by the decision's text. */
@IntegrationTest
class ExecutionListPagesTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    DemoUsers users;

    @Test
    void aFilterOfHtmxGetsTheResultsFragmentAndABrowserTheWholePage() throws Exception {
        mvc.perform(get("/executions").param("q", "электронного банка").with(users.page("tomsk.coko")))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("<html"), containsString("<h1 class=\"h3\">Поручения</h1>"),
                        containsString("id=\"results\""), containsString("1. Активизировать работу"))));

        mvc.perform(get("/executions").param("q", "электронного банка").header("HX-Request", "true")
                        .with(users.page("tomsk.coko")))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(not(containsString("<html")), not(containsString("только просроченные")),
                        containsString("id=\"results\""), containsString("table-hover table-sm align-middle mb-0 executions"),
                        containsString("1. Активизировать работу"), not(containsString("2. Провести анализ")),
                        // the statuses draw themselves: a school that reported it done
                        containsString("<span class=\"badge text-bg-success\">Выполнено</span>"))));
    }

    @Test
    void homePagesShowTheRecordsAndMeetingsThroughTheModulesFaces() throws Exception {
        mvc.perform(get("/").with(users.page("tomsk.coko")))
                .andExpect(status().isOk())
                // the region's figures, and its latest meetings (which ones depends on what other tests made)
                .andExpect(content().string(allOf(containsString("id=\"region-overdue\""), containsString("href=\"/meetings/"))));
        mvc.perform(get("/").with(users.page("sonkovo.school")))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("id=\"my-tasks\""), containsString("data-execution="),
                        containsString("Утвердить школьные графики проведения ВПР"))));
    }
}
