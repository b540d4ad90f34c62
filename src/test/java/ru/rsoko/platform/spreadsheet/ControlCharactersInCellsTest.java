package ru.rsoko.platform.spreadsheet;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Control characters in an uploaded cell's text (Excel keeps them as _x0000_) never reach the database, which refuses
 * NUL in text: {@link XlsxReader} drops them as it reads a cell; tabs, line breaks and other characters stay.
 */
class ControlCharactersInCellsTest {

    @Test
    void nulEscAndOtherControlsAreDroppedTabsAndLineBreaksKept() {
        assertThat(XlsxReader.withoutControls("до\u0000после")).isEqualTo("допосле");
        assertThat(XlsxReader.withoutControls("\u001b[31mкрасный\u001b[0m\u007F")).isEqualTo("[31mкрасный[0m");
        assertThat(XlsxReader.withoutControls("строка 1\nстрока 2\tи\r\u202Eтак")).isEqualTo("строка 1\nстрока 2\tи\r\u202Eтак");
        assertThat(XlsxReader.withoutControls("обычный текст")).isEqualTo("обычный текст");
    }
}
