package ru.rsoko.meeting.protocol;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** A half-million-character protocol (the corpus one after another) is read in well under a second. */
class ProtocolSpeedTest {

    @Test
    void aHalfMillionCharacterProtocolIsParsedQuickly() throws IOException {
        StringBuilder text = new StringBuilder();
        List<Path> files;
        try (Stream<Path> s = Files.list(Path.of("src/test/resources/protocols/corpus"))) {
            files = s.filter(p -> p.toString().endsWith(".txt")).sorted().toList();
        }
        while (text.length() < 500_000) {
            for (Path p : files) {
                text.append(Files.readString(p, StandardCharsets.UTF_8)).append('\n');
            }
        }
        String whole = text.toString();
        ProtocolParser parser = new ProtocolParser();
        long best = Long.MAX_VALUE;
        long bestLines = Long.MAX_VALUE;
        String fingerprint = null;
        for (int round = 0; round < 4; round++) {
            long started = System.nanoTime();
            List<String> lines = ProtocolText.lines(whole);
            bestLines = Math.min(bestLines, (System.nanoTime() - started) / 1_000_000);
            started = System.nanoTime();
            ProtocolDraft draft = parser.parse(whole);
            best = Math.min(best, (System.nanoTime() - started) / 1_000_000);
            fingerprint = Integer.toHexString(draft.toString().hashCode()) + "/" + lines.hashCode();
        }
        System.out.println("500k: lines " + bestLines + " ms, parse " + best + " ms, " + fingerprint);
        assertThat(best).isLessThan(3_000);
    }
}
