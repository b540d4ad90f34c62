package ru.rsoko.platform.web;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import ru.rsoko.support.DemoUsers;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import ru.rsoko.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** A count on a page takes the word that agrees with it («72 поручения», not «72 поручений»). */
@IntegrationTest
class CountedWordsOnPagesTest {

    private static final Pattern REGION_TOTAL =
            Pattern.compile(">(\\d+)</div><div [^>]*id=\"region-total-word\"[^>]*>([^<]+)</div>");
    private static final Pattern MEETING_TOTAL =
            Pattern.compile(">(\\d+)</div><div [^>]*id=\"execution-total-word\"[^>]*>([^<]+)</div>");

    @Autowired
    MockMvc mvc;
    @Autowired
    DemoUsers users;

    @Test
    void theRegionsHomeCountsItsRecordsWithTheWordThatAgrees() throws Exception {
        String home = page("/", "tver.coko");
        Matcher total = REGION_TOTAL.matcher(home);
        assertThat(total.find()).as("число поручений региона и слово под ним").isTrue();
        long n = Long.parseLong(total.group(1));
        assertThat(n).isPositive();
        assertThat(total.group(2)).isEqualTo(Plurals.word(n, "поручение", "поручения", "поручений"));
    }

    @Test
    void aSignedMeetingCountsItsRecordsWithTheWordThatAgrees() throws Exception {
        String list = page("/meetings", "tver.coko");
        Matcher link = Pattern.compile("href=\"/meetings/(\\d+)\"").matcher(list);
        int checked = 0;
        while (link.find() && checked < 5) {
            Matcher total = MEETING_TOTAL.matcher(page("/meetings/" + link.group(1), "tver.coko"));
            if (total.find()) {
                long n = Long.parseLong(total.group(1));
                assertThat(total.group(2)).as("совещание %s", link.group(1))
                        .isEqualTo(Plurals.word(n, "поручение", "поручения", "поручений"));
                checked++;
            }
        }
        assertThat(checked).as("подписанные совещания с поручениями в демонстрационных данных").isPositive();
    }

    private String page(String path, String username) throws Exception {
        return mvc.perform(get(path).with(users.page(username))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
    }
}
