package ru.rsoko.meeting.document;

import java.io.IOException;
import java.io.OutputStream;

/** Placeholder until the official form lands. */
public final class LetterDocx {

    private LetterDocx() {
    }

    public static void write(LetterModel model, OutputStream out) throws IOException {
        try (var doc = new org.apache.poi.xwpf.usermodel.XWPFDocument()) {
            doc.createParagraph().createRun().setText(model.subject());
            doc.write(out);
        }
    }
}
