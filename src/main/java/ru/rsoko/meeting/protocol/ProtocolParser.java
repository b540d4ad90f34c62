package ru.rsoko.meeting.protocol;

import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/** Placeholder until the full parser lands: keeps every line as unplaced text. */
@Component
public class ProtocolParser {

    public ProtocolDraft parse(String text) {
        List<String> lines = text == null ? List.of() : Arrays.stream(text.split("\\R")).map(String::strip).filter(s -> !s.isEmpty()).toList();
        return new ProtocolDraft(null, null, null, null, null, null, List.of(), List.of(), List.of(), lines);
    }

    public ProtocolDraft parse(InputStream docx) throws IOException {
        return parse(new String(docx.readAllBytes(), StandardCharsets.UTF_8));
    }
}
