package ru.rsoko.meeting.document;

import ru.rsoko.platform.docx.RussianDates;
import ru.rsoko.platform.docx.Wording;
import ru.rsoko.platform.docx.OfficialDocx;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import ru.rsoko.meeting.document.LetterModel.Appendix;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * An official letter as a .docx in the form of seeds 002 and 004: the letterhead at the top left with the
 * letter's date and number and «на № _____ от _____» under it, then the subject; the addressees at the top right;
 * the appeal, the body, the requests as a «-» list, «Приложение: …», the signature, the executor's contacts at the
 * bottom left, and the appendix, when there is one, from a new page.
 */
public final class LetterDocx {

    private static final int LETTERHEAD_WIDTH = OfficialDocx.twipsFromMm(85);
    private static final int ADDRESSEE_INDENT = OfficialDocx.twipsFromMm(10);
    private static final int APPENDIX_CAPTION_INDENT = OfficialDocx.twipsFromMm(95);

    private final LetterModel model;
    private final OfficialDocx docx;

    private LetterDocx(LetterModel model, OfficialDocx docx) {
        this.model = model;
        this.docx = docx;
    }

    /** Writes the letter to {@code out}, which stays open. */
    public static void write(LetterModel model, OutputStream out) throws IOException {
        Objects.requireNonNull(model, "model");
        OfficialDocx docx = new OfficialDocx(Wording.isBlank(model.subject()) ? "Письмо" : model.subject());
        new LetterDocx(model, docx).build();
        docx.write(out);
    }

    private void build() {
        headerBlock();
        appeal();
        body();
        requests();
        attachment();
        docx.signature(model.signatoryPosition(), model.signatoryName(), 36);
        executor();
        appendix();
    }

    /** The corner blank: letterhead, registration and subject on the left, the addressees on the right. */
    private void headerBlock() {
        XWPFTable table = docx.layoutTable(LETTERHEAD_WIDTH, OfficialDocx.TEXT_WIDTH - LETTERHEAD_WIDTH);
        XWPFTableCell left = table.getRow(0).getCell(0);
        XWPFTableCell right = table.getRow(0).getCell(1);
        boolean hasLetterhead = OfficialDocx.letterhead(() -> OfficialDocx.paragraph(left), model.header()).isPresent();
        registration(left, hasLetterhead);
        subject(left);
        addressees(right);
    }

    /** «06.05.2021 № 57-2751» and «на № _____ от _____»; blanks to fill in by hand while the letter has none. */
    private void registration(XWPFTableCell cell, boolean afterLetterhead) {
        String date = model.date() == null ? "__________" : RussianDates.shortDate(model.date());
        OfficialDocx.paragraph(cell).centred().spaceBefore(afterLetterhead ? 12 : 0)
                .small(date + " " + Wording.numberSign(model.number()));
        OfficialDocx.paragraph(cell).centred().small("на № _____ от _____");
    }

    private void subject(XWPFTableCell cell) {
        if (!Wording.isBlank(model.subject())) {
            OfficialDocx.paragraph(cell).spaceBefore(12).text(model.subject());
        }
    }

    private void addressees(XWPFTableCell cell) {
        List<String> addressees = Wording.present(model.addressees());
        for (int i = 0; i < addressees.size(); i++) {
            OfficialDocx.paragraph(cell).indentLeft(ADDRESSEE_INDENT).spaceBefore(i == 0 ? 0 : 12)
                    .text(addressees.get(i));
        }
    }

    private void appeal() {
        if (!Wording.isBlank(model.appeal())) {
            docx.paragraph().centred().spaceBefore(24).spaceAfter(12).text(model.appeal());
        }
    }

    private void body() {
        for (String entry : Wording.present(model.body())) {
            for (String paragraph : Wording.paragraphsOf(entry)) {
                docx.paragraph().justified().firstLineIndent().text(paragraph);
            }
        }
    }

    /** The requests as in seed 004: «- …;» each, the last ending with «.». */
    private void requests() {
        List<String> requests = Wording.present(model.requests()).stream().map(LetterDocx::withoutBullet).toList();
        for (int i = 0; i < requests.size(); i++) {
            docx.paragraph().justified().firstLineIndent()
                    .text("- " + Wording.listItem(requests.get(i), i == requests.size() - 1));
        }
    }

    private static String withoutBullet(String request) {
        String r = request;
        while (!r.isEmpty() && "-–—•".indexOf(r.charAt(0)) >= 0) {
            r = r.substring(1).strip();
        }
        return r;
    }

    /** «Приложение: на 3 л. в 1 экз.», whether the model gives the whole line or only what follows the colon. */
    private void attachment() {
        String attachment = Wording.clean(model.attachment());
        if (attachment.isEmpty()) {
            return;
        }
        if (!attachment.toLowerCase(Locale.ROOT).startsWith("приложени")) {
            attachment = "Приложение: " + attachment;
        }
        docx.paragraph().justified().spaceBefore(12).text(attachment);
    }

    private void executor() {
        List<String> lines = Wording.paragraphsOf(model.executor());
        for (int i = 0; i < lines.size(); i++) {
            docx.paragraph().spaceBefore(i == 0 ? 48 : 0).small(lines.get(i));
        }
    }

    private void appendix() {
        Appendix appendix = model.appendix();
        if (appendix == null || Wording.isBlank(appendix.title()) && Wording.present(appendix.lines()).isEmpty()) {
            return;
        }
        docx.paragraph().pageBreakBefore().indentLeft(APPENDIX_CAPTION_INDENT).text(appendixCaption(appendix));
        if (!Wording.isBlank(appendix.title())) {
            docx.paragraph().centred().spaceBefore(24).spaceAfter(12).keepWithNext().bold(appendix.title());
        }
        for (String line : Wording.present(appendix.lines())) {
            for (String paragraph : Wording.paragraphsOf(line)) {
                docx.paragraph().justified().firstLineIndent().text(paragraph);
            }
        }
    }

    /** The model's caption, or «Приложение к письму от 26.10.2020 № 57-5129» made from the letter's own. */
    private String appendixCaption(Appendix appendix) {
        if (!Wording.isBlank(appendix.caption())) {
            return appendix.caption();
        }
        String date = model.date() == null ? "__________" : RussianDates.shortDate(model.date());
        return "Приложение\nк письму от " + date + " " + Wording.numberSign(model.number());
    }
}
