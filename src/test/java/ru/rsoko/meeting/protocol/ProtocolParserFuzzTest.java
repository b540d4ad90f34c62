package ru.rsoko.meeting.protocol;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThatCode;

/**
 * Protocols nobody has seen: the markers of every layout shuffled into nonsense. Whatever comes, the parser
 * answers with a draft; a crash would leave the person with an error instead of their text.
 */
class ProtocolParserFuzzTest {

    static final List<String> PIECES = List.of("ПРОТОКОЛ", "Семинара-совещания", "«Итоги года»", "16 апреля 2021 года",
            "11.00", "г. Томск", "ПРЕДСЕДАТЕЛЬ:", "УЧАСТНИКИ:", "Присутствовали:", "Отсутствовали:", "ПОВЕСТКА:",
            "Повестка дня:", "СЛУШАЛИ:", "ВЫСТУПИЛИ:", "РЕШИЛИ:", "ПОСТАНОВИЛИ:", "По первому вопросу", "I.", "II.",
            "1.", "2.", "1.1.", "1.2.", "10.", "1)", "-", "–", "—", "•", "**", "Докладчик –", "Докладчики:",
            "Ответственные –", "Ответственный:", "Руководителям ОУ:", "руководители МОУО,", "руководители ОО;",
            "ТОИПКРО", "Срок –", "Срок:", "срок:", "до 31 мая 2021 года", "постоянно", "далее - постоянно",
            "в течение 2021-2022 учебного года", "по итогам процедур", "Иванов И.И.", "Е.В. Вторина",
            "Председатель", "Секретарь", "(", ")", "«", "»", ":", ";", ",", ".", "№ 57-2751", "от 06.05.2021",
            "Вторина Елена Вениаминовна, заместитель начальника", "", " ", "\t", "а");

    final ProtocolParser parser = new ProtocolParser();

    @Test
    void shuffledMarkersNeverBreakTheParser() {
        Random random = new Random(20211604);
        for (int round = 0; round < 3000; round++) {
            StringBuilder text = new StringBuilder();
            int length = 1 + random.nextInt(120);
            for (int i = 0; i < length; i++) {
                text.append(PIECES.get(random.nextInt(PIECES.size())));
                text.append(random.nextInt(3) == 0 ? "\n" : " ");
            }
            String protocol = text.toString();
            assertThatCode(() -> parser.parseStrictly(protocol)).as(protocol).doesNotThrowAnyException();
        }
    }

    @Test
    void linesOfMarkersAloneNeverBreakTheParser() {
        Random random = new Random(57_5129);
        for (int round = 0; round < 3000; round++) {
            StringBuilder text = new StringBuilder();
            int length = 1 + random.nextInt(40);
            for (int i = 0; i < length; i++) {
                text.append(PIECES.get(random.nextInt(PIECES.size()))).append('\n');
            }
            String protocol = text.toString();
            assertThatCode(() -> parser.parseStrictly(protocol)).as(protocol).doesNotThrowAnyException();
        }
    }

    static final List<String> DEADLINE_PIECES = List.of("до", "не позднее", "в течение", "ежеквартально", "постоянно",
            "далее", "-", "–", ",", ".", "31", "0", "99", "29", "февраля", "мая", "13", "2021", "2020-2021", "2021/22",
            "года", "г.", "учебного", "года", "квартала", "I", "IV", "полугодия", "31.02.2021", "99.99.9999",
            "00.00.0000", "1.1.1", "по итогам", "процедур", "2025", "999999999999", "числа", "месяца");

    @Test
    void deadlineWordsInAnyOrderGiveADeadline() {
        Random random = new Random(31_05_2021);
        for (int round = 0; round < 5000; round++) {
            StringBuilder text = new StringBuilder();
            int length = 1 + random.nextInt(8);
            for (int i = 0; i < length; i++) {
                text.append(DEADLINE_PIECES.get(random.nextInt(DEADLINE_PIECES.size()))).append(random.nextBoolean() ? " " : "");
            }
            String wording = text.toString();
            assertThatCode(() -> DeadlineParser.parse(wording, java.time.LocalDate.of(2021, 4, 16)))
                    .as(wording).doesNotThrowAnyException();
        }
    }
}
