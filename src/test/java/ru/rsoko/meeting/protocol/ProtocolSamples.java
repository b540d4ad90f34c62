package ru.rsoko.meeting.protocol;

import org.apache.poi.xwpf.usermodel.XWPFAbstractNum;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFNumbering;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTAbstractNum;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTLvl;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTNumLvl;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STNumberFormat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The protocols of the tests: the public documents of the seeds and protocols written for these tests in other
 * layouts (src/test/resources/protocols), and the same texts as Word documents built with POI the way Word
 * stores them — numbers typed into the text, or Word's automatic numbering, which keeps them out of it.
 */
final class ProtocolSamples {

    static final String SEED_002 = "002_207991ec1bc31b98.txt";
    static final String SEED_004 = "004_c28f2da068f09783.txt";

    /** «1. » and «1.2. » at a line's start: what Word's automatic numbering would show there. */
    private static final Pattern LIST_NUMBER = Pattern.compile("^([1-9]\\d?)\\.(?:([1-9]\\d?)\\.)?\\s+(.*)$");

    private ProtocolSamples() {
    }

    static String text(String name) {
        try (InputStream in = ProtocolSamples.class.getResourceAsStream("/protocols/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no test protocol " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The text as a .docx, a paragraph a line, «**…**» as bold runs, numbers typed in. */
    static byte[] docxWithTypedNumbers(String text) {
        return docx(text, false);
    }

    /**
     * The text as a .docx whose «1.» and «1.1.» lines are items of Word's automatic two-level list
     * («%1.» and «%1.%2.»); a list that starts again from 1 is a new list instance with a start override, which is
     * how Word stores «Начать заново с 1».
     */
    static byte[] docxWithWordNumbering(String text) {
        return docx(text, true);
    }

    static InputStream stream(byte[] bytes) {
        return new ByteArrayInputStream(bytes);
    }

    static byte[] bytes(XWPFDocument document) {
        try (document; ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            document.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] docx(String text, boolean wordNumbering) {
        XWPFDocument document = new XWPFDocument();
        WordList list = wordNumbering ? new WordList(document) : null;
        for (String line : text.split("\\R", -1)) {
            XWPFParagraph paragraph = document.createParagraph();
            String content = line;
            Matcher number = LIST_NUMBER.matcher(line);
            if (list != null && number.matches()) {
                list.item(paragraph, Integer.parseInt(number.group(1)), number.group(2) == null ? 0 : 1);
                content = number.group(3);
            }
            runs(paragraph, content);
        }
        return bytes(document);
    }

    /** «**bold**» parts as bold runs, the rest as plain runs, as Word splits a paragraph. */
    private static void runs(XWPFParagraph paragraph, String content) {
        String[] parts = content.split("\\*\\*", -1);
        for (int i = 0; i < parts.length; i++) {
            if (parts[i].isEmpty()) {
                continue;
            }
            XWPFRun run = paragraph.createRun();
            run.setBold(i % 2 == 1);
            run.setText(parts[i]);
        }
    }

    /** One two-level list definition and its instances. */
    private static final class WordList {

        private final XWPFNumbering numbering;
        private final BigInteger abstractId;
        private BigInteger numId;

        WordList(XWPFDocument document) {
            numbering = document.createNumbering();
            CTAbstractNum definition = CTAbstractNum.Factory.newInstance();
            definition.setAbstractNumId(BigInteger.ONE);
            level(definition, 0, "%1.");
            level(definition, 1, "%1.%2.");
            abstractId = numbering.addAbstractNum(new XWPFAbstractNum(definition, numbering));
        }

        void item(XWPFParagraph paragraph, int number, int level) {
            if (numId == null) {
                numId = numbering.addNum(abstractId);
            } else if (level == 0 && number == 1) {
                numId = numbering.addNum(abstractId);
                CTNumLvl restart = numbering.getNum(numId).getCTNum().addNewLvlOverride();
                restart.setIlvl(BigInteger.ZERO);
                restart.addNewStartOverride().setVal(BigInteger.ONE);
            }
            paragraph.setNumID(numId);
            paragraph.setNumILvl(BigInteger.valueOf(level));
        }

        private static void level(CTAbstractNum definition, int level, String text) {
            CTLvl lvl = definition.addNewLvl();
            lvl.setIlvl(BigInteger.valueOf(level));
            lvl.addNewStart().setVal(BigInteger.ONE);
            lvl.addNewNumFmt().setVal(STNumberFormat.DECIMAL);
            lvl.addNewLvlText().setVal(text);
        }
    }
}
