package ru.rsoko.meeting.domain;

import org.junit.jupiter.api.Test;
import ru.rsoko.meeting.protocol.ProtocolParser;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

/** What the import form is filled with from a parsed document. */
class ProtocolDraftsTest {

    @Test
    void theDocumentsNumberAndDateFillTheMeetingForm() {
        ImportForm form = new ProtocolDrafts().toForm(new ProtocolParser().parse("""
                ПРИКАЗ
                15.09.2022                                   № 245-од
                ПРИКАЗЫВАЮ:
                1. Утвердить план мероприятий."""), LocalDate.of(2026, 1, 1));

        assertThat(form.getMeeting().getProtocolNumber()).isEqualTo("245-од");
        assertThat(form.getMeeting().getDate()).isEqualTo(LocalDate.of(2022, 9, 15));
    }
}
