package ru.rsoko.platform.docx;

import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTDocDefaults;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTFonts;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTRPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSpacing;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTStyles;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STLineSpacingRule;

import java.math.BigInteger;

/** What every official .docx of the product starts from: Times New Roman 14 pt, single spacing, Russian proofing. */
public final class HouseStyle {

    public static final String FONT = "Times New Roman";
    public static final int BODY_PT = 14;

    private HouseStyle() {
    }

    public static int twipsFromMm(double mm) {
        return (int) Math.round(mm * 1440 / 25.4);
    }

    /** The defaults every paragraph and run of the document starts from. */
    public static void applyDefaults(XWPFDocument document) {
        CTStyles styles = CTStyles.Factory.newInstance();
        CTDocDefaults defaults = styles.addNewDocDefaults();
        CTRPr run = defaults.addNewRPrDefault().addNewRPr();
        CTFonts fonts = run.addNewRFonts();
        fonts.setAscii(FONT);
        fonts.setHAnsi(FONT);
        fonts.setCs(FONT);
        fonts.setEastAsia(FONT);
        run.addNewSz().setVal(BigInteger.valueOf(BODY_PT * 2));
        run.addNewSzCs().setVal(BigInteger.valueOf(BODY_PT * 2));
        run.addNewLang().setVal("ru-RU");
        CTSpacing spacing = defaults.addNewPPrDefault().addNewPPr().addNewSpacing();
        spacing.setAfter(BigInteger.ZERO);
        spacing.setLine(BigInteger.valueOf(240));
        spacing.setLineRule(STLineSpacingRule.AUTO);
        document.createStyles().setStyles(styles);
    }
}
