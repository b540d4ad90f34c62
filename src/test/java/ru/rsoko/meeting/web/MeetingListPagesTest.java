package ru.rsoko.meeting.web;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import ru.rsoko.meeting.domain.MeetingDemoData;
import ru.rsoko.support.DemoUsers;
import ru.rsoko.support.IntegrationTest;

import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The list of meetings: the filter's htmx request gets the results only; everyone sees what concerns them. */
@IntegrationTest
class MeetingListPagesTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    DemoUsers users;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aFilterOfHtmxGetsTheResultsFragmentAndABrowserTheWholePage() throws Exception {
        mvc.perform(get("/meetings").param("q", "Томской").with(users.page("tomsk.coko")))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("<html"), containsString("Совещания и протоколы"),
                        containsString("id=\"results\""), containsString(MeetingDemoData.TOMSK_SEMINAR))));

        mvc.perform(get("/meetings").param("q", "Томской").header("HX-Request", "true").with(users.page("tomsk.coko")))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(not(containsString("<html")), not(containsString("Новое мероприятие")),
                        containsString("id=\"results\""), containsString("id=\"meetings\""),
                        containsString(MeetingDemoData.TOMSK_SEMINAR), not(containsString(MeetingDemoData.TOMSK_MEETING)),
                        // the status draws itself: a signed protocol's badge
                        containsString("<span class=\"badge text-bg-primary\">Протокол направлен</span>"),
                        // and the execution module's figures of the meeting
                        containsString("<td class=\"text-end\">" + records(MeetingDemoData.TOMSK_SEMINAR) + "</td>"))));
    }

    @Test
    void theListFiltersByYear() throws Exception {
        String year = String.valueOf(jdbc.queryForObject("select extract(year from meeting_date)::int from meeting where title = ?",
                Integer.class, MeetingDemoData.TOMSK_SEMINAR));
        mvc.perform(get("/meetings").param("year", year).header("HX-Request", "true").with(users.page("tomsk.coko")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(MeetingDemoData.TOMSK_SEMINAR)));
        mvc.perform(get("/meetings").param("year", "1999").header("HX-Request", "true").with(users.page("tomsk.coko")))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString(MeetingDemoData.TOMSK_SEMINAR))));
    }

    private long records(String title) {
        return jdbc.queryForObject("select count(*) from execution e join meeting m on m.id = e.meeting_id where m.title = ?",
                Long.class, title);
    }

    @Test
    void aDirectorSeesTheMeetingsThatAssignedTheSchoolSomethingAndNoOthers() throws Exception {
        mvc.perform(get("/meetings").header("HX-Request", "true").with(users.page("sonkovo.school")))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString(MeetingDemoData.TVER_SEMINAR),
                        containsString(MeetingDemoData.SONKOVO_MEETING), not(containsString(MeetingDemoData.TOMSK_SEMINAR)))));
        // a municipal officer: the municipality's own meeting and the region's that assigned it something
        mvc.perform(get("/meetings").header("HX-Request", "true").with(users.page("sonkovo.mouo")))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString(MeetingDemoData.TVER_SEMINAR),
                        containsString(MeetingDemoData.SONKOVO_MEETING), not(containsString(MeetingDemoData.TOMSK_MEETING)))));
    }
}
