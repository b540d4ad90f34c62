package ru.rsoko.meeting.document;

import java.io.IOException;
import java.io.OutputStream;

/** Placeholder until the official form lands. */
public final class ProtocolDocx {

    private ProtocolDocx() {
    }

    public static void write(ProtocolDocumentModel model, OutputStream out) throws IOException {
        try (var doc = new org.apache.poi.xwpf.usermodel.XWPFDocument()) {
            doc.createParagraph().createRun().setText("ПРОТОКОЛ " + model.title());
            doc.write(out);
        }
    }
}
