package ru.rsoko.platform.spreadsheet;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The workbook written with our own UTF-8 writer and fast deflating is the workbook POI writes: the same texts come
 * back, whatever their characters, through POI and through the import's own reader.
 */
class StreamedWorkbookTest {

    static final List<String> TEXTS = List.of("МОУ «Берёзовская СОШ»", "a < b & c > d \"q\" 'a'", "эмодзи 😀 и 𝔸",
            "  пробелы по краям  ", "строка 1\nстрока 2\tтаб", "ё", "");

    @Test
    void theWriterEncodesAsJavaDoesWhateverTheCharactersAndHowTheyArrive() throws IOException {
        Random random = new Random(14);
        List<String> texts = new ArrayList<>(TEXTS);
        texts.add("одинокий \uD800 суррогат и \uDC00 второй, пара в конце \uD83D");
        for (int n = 0; n < 50; n++) {
            StringBuilder text = new StringBuilder();
            int length = random.nextInt(40_000);
            for (int i = 0; i < length; i++) {
                int kind = random.nextInt(10);
                text.append(kind < 4 ? (char) ('a' + random.nextInt(26)) : kind < 8 ? (char) ('а' + random.nextInt(32))
                        : kind == 8 ? (char) (0xD800 + random.nextInt(0x800)) : (char) (0x800 + random.nextInt(0xC000)));
            }
            texts.add(text.toString());
        }
        for (int way = 0; way < 3; way++) {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            StringBuilder all = new StringBuilder();
            try (StreamedWorkbook.Utf8Writer writer = new StreamedWorkbook.Utf8Writer(bytes)) {
                for (String text : texts) {
                    switch (way) {
                        case 0 -> text.chars().forEach(c -> {
                            try {
                                writer.write(c);
                            } catch (IOException e) {
                                throw new IllegalStateException(e);
                            }
                        });
                        case 1 -> writer.write(text);
                        default -> writer.write(text.toCharArray(), 0, text.length());
                    }
                    all.append(text);
                }
            }
            assertThat(bytes.toByteArray()).as("way " + way).isEqualTo(all.toString().getBytes(StandardCharsets.UTF_8));
        }
    }

    @Test
    void textsAndNumbersComeBackAsWrittenWithInlineAndSharedStrings() throws IOException {
        for (boolean shared : new boolean[]{false, true}) {
            byte[] file;
            try (SXSSFWorkbook workbook = new StreamedWorkbook(10, shared); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
                Sheet sheet = workbook.createSheet("Лист");
                for (int r = 0; r < 1_000; r++) {
                    Row row = sheet.createRow(r);
                    row.createCell(0).setCellValue(r);
                    row.createCell(1).setCellValue(TEXTS.get(r % TEXTS.size()) + " " + r);
                }
                workbook.write(out);
                file = out.toByteArray();
            }
            try (XSSFWorkbook poi = new XSSFWorkbook(new ByteArrayInputStream(file))) {
                Sheet sheet = poi.getSheet("Лист");
                assertThat(sheet.getLastRowNum()).isEqualTo(999);
                for (int r = 0; r < 1_000; r++) {
                    assertThat(sheet.getRow(r).getCell(0).getNumericCellValue()).isEqualTo(r);
                    assertThat(sheet.getRow(r).getCell(1).getStringCellValue()).isEqualTo(TEXTS.get(r % TEXTS.size()) + " " + r);
                }
            }
            List<String> read = new ArrayList<>();
            XlsxReader.read(new ByteArrayInputStream(file), "Лист", row -> read.add(row.cell(1).text()));
            assertThat(read).hasSize(1_000);
            for (int r = 0; r < 1_000; r++) {
                assertThat(read.get(r)).as("shared " + shared + ", row " + r)
                        .isEqualTo(XlsxReader.withoutControls(TEXTS.get(r % TEXTS.size()) + " " + r));
            }
        }
    }
}
