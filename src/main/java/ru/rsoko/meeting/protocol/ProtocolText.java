package ru.rsoko.meeting.protocol;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns a pasted protocol into clean lines, one paragraph each: the same text whether it came from Word, a
 * converter's markdown («**ДЕПАРТАМЕНТ**», «&lt;http://…&gt;», «1\.»), a web page or an e-mail (Windows line ends,
 * non-breaking and zero-width spaces, soft hyphens). Blank lines are dropped; nothing else is.
 */
final class ProtocolText {

    private static final Pattern SPACES = Pattern.compile("[\\t\\u00a0\\u1680\\u2000-\\u200a\\u202f\\u205f\\u3000]");
    private static final Pattern EDGE_SPACES = Pattern.compile(
            "^[\\s\\u00a0\\u1680\\u2000-\\u200d\\u202f\\u205f\\u2060\\u3000\\ufeff]+|[\\s\\u00a0\\u1680\\u2000-\\u200d\\u202f\\u205f\\u2060\\u3000\\ufeff]+$");
    private static final Pattern INVISIBLE = Pattern.compile("[\\u200b-\\u200d\\u2060\\ufeff\\u00ad]");
    private static final Pattern BOLD = Pattern.compile("\\*\\*");
    private static final Pattern UNDERSCORE_BOLD = Pattern.compile("(?<![_\\p{L}\\d])__(?=[^_\\s])(.+?)(?<=[^_\\s])__(?![_\\p{L}\\d])");
    private static final Pattern HEADING = Pattern.compile("^#{1,6}\\s+");
    private static final Pattern ESCAPE = Pattern.compile("\\\\([\\\\`*_{}\\[\\]()#+\\-.!<>|\"])");
    private static final Pattern BOOKMARK = Pattern.compile("\\[bookmark:[^\\]]*]");
    private static final Pattern ANGLE_LINK = Pattern.compile("<((?:https?|ftp|mailto):[^>\\s]+)>");
    private static final Pattern MD_LINK = Pattern.compile("\\[([^\\]]+)]\\(((?:https?|mailto):[^)\\s]+)\\)");
    private static final Pattern MANY_SPACES = Pattern.compile(" {2,}");
    private static final Pattern BULLET = Pattern.compile("^[-–—•·▪●◦○■□➢►✓*\\uf0a7\\uf0b7\\uf0d8\\uf076\\uf0fc]\\s*(?=\\S)");
    /** «Р Е Ш И Л И», «П Р И К А З Ы В А Ю»: a word written with its letters spaced out. */
    private static final Pattern SPACED_LETTERS = Pattern.compile("(?<![\\p{L}\\d])\\p{L}(?: \\p{L}){3,}(?![\\p{L}\\d])");
    /** Page furniture: «Страница 2 из 3», «- 2 -», «стр. 4», «2/5». */
    private static final Pattern PAGE_NUMBER = Pattern.compile(
            "(?iu)^(?:(?:страница|стр\\.?|лист|с\\.|page)\\s*\\d{1,4}(?:\\s*(?:из|/|of)\\s*\\d{1,4})?|[-–—]\\s*\\d{1,4}\\s*[-–—]"
                    + "|\\d{1,4}\\s*(?:из|/)\\s*\\d{1,4})$");
    /** «Продолжение протокола № 6», «Продолжение приложения 2»: the head of a page that continues a document. */
    private static final Pattern CONTINUATION = Pattern.compile(
            "(?iu)^(?:продолжение|окончание)(?:\\s+(?:протокола|приложения|решения|приказа|постановления|таблицы))?"
                    + "(?:\\s*№?\\s*[\\d/-]+)?(?:\\s+от\\s+\\d{1,2}\\.\\d{1,2}\\.\\d{2,4}\\s*(?:г\\.?|года)?)?\\.?$");
    /** A web page's menu, breadcrumbs and counters around a protocol copied from a site. */
    private static final Pattern SITE_FURNITURE = Pattern.compile(
            "(?iu)^(?:[←→‹›<>«»]\\s*)?(?:(?:главная|новости|документы|контакты|поиск|меню|карта сайта|версия для слабовидящих"
                    + "|обычная версия|войти|вход|регистрация|обратная связь|назад|наверх|вверх|печать|распечатать"
                    + "|версия для печати|скачать|поделиться|подписаться|о нас|об организации|сведения об образовательной"
                    + " организации|english)(?:\\s*[|/>»•·]+\\s*[^|/>»•·]{1,60})*\\s*[|/>»•·]?"
                    + "|(?:просмотров|просмотры|опубликовано|дата публикации|дата размещения|размещено|обновлено"
                    + "|дата изменения|последнее изменение|дата создания|автор публикации|дата сохранения|теги|метки"
                    + "|предыдущая (?:новость|запись|статья)|следующая (?:новость|запись|статья)|сч[её]тчик посещений|читать также|подготовлено|подготовил[аи]?|страница создана|дата печати"
                    + "|последние новости|последние записи|читайте также|похожие (?:новости|записи|материалы)"
                    + "|вернуться к списку|вернуться назад|поделиться|режим работы|при использовании материалов|политика конфиденциальности|другие новости|(?:материалы|презентации)[^:]{0,40}доступны для скачивания"
                    + "|перейти к (?:основному )?содержанию|прикрепл[её]нные файлы|скачать)\\s*:?.{0,120}"
                    + "|документ предоставлен.{0,60}|[-=_*]{5,}|\\d{1,3}"
                    // «-------- Конец пересылаемого сообщения --------», «-----Исходное сообщение-----»: a mail's frame
                    + "|[-=_*]{3,}\\s*[^-=_*]{1,60}?\\s*[-=_*]{3,}"
                    // a legal database's print: «КонсультантПлюс / надежная правовая поддержка / www.consultant.ru»
                    + "|консультантплюс(?:\\s.{0,120})?|над[её]жная правовая поддержка.{0,80}|(?:https?://)?www\\.[\\w.-]+\\.[a-zа-я]{2,}(?:/\\S*)?"
                    + "|©.{0,120}"
                    // «29.08.2025 09:15   👁 311», «31.08.2026 | Методический кабинет | Просмотров: 152»: a post's card
                    + "|\\d{1,2}\\.\\d{1,2}\\.\\d{4}(?:,?\\s+\\d{1,2}:\\d{2})?(?:\\s*[|·•]\\s*[^|·•]{1,60}?)*\\s*[|·•]?\\s*(?:👁\\S*|просмотр[а-яё]*\\s*:?)\\s*\\d+.{0,60}"
                    + "|яндекс\\.?\\s?метрика|политика обработки персональных данных|другие материалы раздела\\s*:.{0,160}"
                    + "|отправлено (?:из|с) .{0,60}|все новости(?: раздела)?|--"
                    + "|версия для печати(?:\\s+поделиться)?.{0,80}|карточка документа|(?:рассылка|разослано)\\s*:.{0,300}"
                    + "|сайт работает на .{0,80}|(?:-\\s*)?с уважением,?(?:\\s.{0,200})?"
                    // «Кислицына Н.Б. Признаки необъективности.pdf (1,4 Мб)»: a file to download
                    + "|.{1,150}\\.(?:pdf|docx?|xlsx?|pptx?|zip|rar)\\s*\\(\\s*\\d+(?:[,.]\\d+)?\\s*[КкМмKM][бb]\\s*\\))$");
    /**
     * The e-signature stamp (ГОСТ Р 7.0.97's «отметка об электронной подписи»: the certificate, its owner and
     * validity) and the footer a document system prints on every page («Документ создан в электронной форме …»).
     */
    private static final Pattern SIGNATURE_STAMP = Pattern.compile(
            "(?iu)^(?:документ\\s+(?:подписан|создан|сформирован|зарегистрирован)(?![а-яё]).{0,150}"
                    + "|(?:подписан[оа]?\\s+)?(?:(?:простой|усиленной|квалифицированной)\\s+){0,2}электронной\\s+подписью"
                    + "|подписан[оа]?\\s+(?:эп|эцп)(?![а-яё]).{0,120}|(?:(?:простая|усиленная|квалифицированная)\\s+){0,2}электронная\\s+подпись"
                    + "|сведения\\s+о\\s+сертификате.{0,80}|сертификат\\s*(?:№|:)?\\s*(?:0x)?[0-9a-f]{2}(?:\\s?[0-9a-f]{2}){7,}"
                    + "|сертификат\\s+(?:эп|эцп|ключа\\s+проверки\\s+электронной\\s+подписи)\\s*:.{1,120}"
                    + "|(?:владел(?:ец|ьцы?)|издатель|кем\\s+выдан)\\s*:.{1,120}"
                    + "|(?:действителен|срок\\s+действия)\\s*:?\\s*с\\s+\\d{1,2}\\.\\d{1,2}\\.\\d{2,4}.{0,40}"
                    + "|дата\\s+(?:и\\s+время\\s+)?подписания\\s*:.{0,60})[.;]?$");
    /** «Айгуль Нуриева, [03.03.2025 10:44]»: a messenger's stamp on a line of its own, the message under it. */
    static final Pattern STAMP_HEADER = Pattern.compile(
            "^\\s*[^\\[\\]:,]{1,60},\\s*\\[\\d{1,2}\\.\\d{1,2}\\.\\d{2,4},?\\s+\\d{1,2}:\\d{2}(?::\\d{2})?\\]");
    /** The longest reply after the protocol that is still taken for one. */
    private static final int LONGEST_REPLY = 300;

    /**
     * A messenger's copy whose stamps head their messages («Айгуль Нуриева, [03.03.2025 10:44]» / «Протокол в pdf
     * скину …»): the longest message is the protocol, and a short message after it is a reply, put on its stamp's line
     * so that the two are furniture together.
     */
    private static String[] repliesAfterTheProtocol(String[] raws) {
        List<Integer> stamps = new ArrayList<>();
        for (int i = 0; i < raws.length; i++) {
            if (raws[i].length() < 200 && STAMP_HEADER.matcher(raws[i]).lookingAt()) {
                stamps.add(i);
            }
        }
        if (stamps.size() < 2) {
            return raws;
        }
        int protocol = 0;
        for (int k = 1; k < stamps.size(); k++) {
            int length = (k + 1 < stamps.size() ? stamps.get(k + 1) : raws.length) - stamps.get(k);
            int longest = (protocol + 1 < stamps.size() ? stamps.get(protocol + 1) : raws.length) - stamps.get(protocol);
            if (length > longest) {
                protocol = k;
            }
        }
        List<String> out = new ArrayList<>(List.of(raws).subList(0, protocol + 1 < stamps.size() ? stamps.get(protocol + 1) : raws.length));
        for (int k = protocol + 1; k < stamps.size(); k++) {
            int end = k + 1 < stamps.size() ? stamps.get(k + 1) : raws.length;
            StringBuilder reply = new StringBuilder(raws[stamps.get(k)].strip());
            for (int i = stamps.get(k) + 1; i < end; i++) {
                if (!raws[i].isBlank()) {
                    reply.append(' ').append(raws[i].strip());
                }
            }
            if (reply.length() <= LONGEST_REPLY) {
                out.add(reply.toString());
            } else {
                out.addAll(List.of(raws).subList(stamps.get(k), end));
            }
        }
        return out.toArray(String[]::new);
    }

    /** A telephone number: «8 (34371) 2-15-40», «+7 912 345-67-89», «8(39172)2-14-56». */
    private static final String PHONE = "(?:\\+7|8)?\\s?\\(?\\d{3,5}\\)?[\\s-]?\\d{1,3}[\\s-]?\\d{2}[\\s-]?\\d{2}";
    /** The contacts at a document's or a site's foot: «тел. …», «E-mail: …», «623700, Свердловская обл., …». */
    private static final Pattern CONTACTS = Pattern.compile(
            "(?iu)^(?:(?:тел(?:ефон)?|т\\.|факс)(?:\\s*/\\s*факс)?(?:\\s+(?:приёмной|приемной|для\\s+справок|горячей\\s+линии))?(?!\\p{L})\\.?\\s*:?\\s*[+\\d(].{4,120}"
                    + "|(?:e-?mail|эл\\.?\\s*почта|электронная\\s+почта)\\s*:?\\s*\\S+@.{0,120}"
                    + "|(?:(?:юридический|почтовый|фактический)\\s+)?адрес\\s*:\\s*(?=.*(?:\\d{6}|ул\\.|улица|пр-т|проспект)).{5,150}"
                    + "|\\d{6},\\s*\\S.{5,150})$");
    /** «Исполнитель: Шилова Т.Г., тел. 8 (34371) 2-15-40», «Исп. Мухина Е.С., 8(39172)2-14-56»: who drafted it, not a party. */
    private static final Pattern PERFORMER = Pattern.compile("(?iu)^(?:исполнитель|исп\\.)\\s*:?\\s*\\p{Lu}.{0,120}");
    private static final Pattern HAS_PHONE = Pattern.compile(PHONE);
    /**
     * «Исп. Гарипова Л.Ф.», «Исполнитель: Шилова Татьяна Геннадьевна»: the mark names one person, abbreviated or with
     * the patronymic, as a decision's «Исполнитель:» field rarely does.
     */
    private static final Pattern PERFORMER_NAMED = Pattern.compile(
            "(?u)^(?:(?i:исп)\\.\\s*:?\\s*\\p{Lu}\\p{Ll}+(?:-\\p{Lu}\\p{Ll}+)?\\s+\\p{Lu}\\.\\s?\\p{Lu}\\."
                    + "|(?i:исполнитель)\\s*:?\\s*\\p{Lu}\\p{Ll}+(?:-\\p{Lu}\\p{Ll}+)?\\s+\\p{Lu}\\p{Ll}+\\s+\\p{Lu}\\p{Ll}+(?:вна|вич|ична|ич))[.,]?$");
    /** «Страница 1 из 2. Страница создана: 01.09.2025 08:14»: a page counter opening a footer. */
    private static final Pattern PAGE_FIRST = Pattern.compile("(?iu)^(?:страница|стр\\.)\\s*\\d{1,4}\\s*(?:из|/)\\s*\\d{1,4}[.,;]?\\s.{0,100}$");
    /** «|», «| |»: what is left of a table's borders. */
    private static final Pattern TABLE_RESIDUE = Pattern.compile("^[|¦\\s]+$");
    /** «Деятельность / Методическая работа / Протоколы»: breadcrumbs, worded segments between spaced separators. */
    private static final Pattern BREADCRUMBS = Pattern.compile(
            "^(?:[^/>»→|.;:!?]{1,50}?\\p{Ll}[^/>»→|.;:!?]{0,50}?\\s[/>»→|]\\s){2,}[^/>»→|.;:!?]{0,60}\\p{Ll}[^/>»→|.;:!?]{0,60}$");
    /** «Протокол № 3 от 12.05.2023 … Страница 1 из 2»: a running header that ends with the page. */
    private static final Pattern PAGE_AT_END = Pattern.compile("(?iu)\\s(?:страница|стр\\.|page)\\s*\\d{1,4}\\s*(?:из|/|of)\\s*\\d{1,4}$");
    private static final Pattern ABBREVIATION_AT_END = Pattern.compile(
            "(?:(?<![\\p{L}])\\p{Lu}\\.|(?<![\\p{L}])(?:др|г|гг|т\\.п|т\\.д|пр|ул|д|им|мин|ч)\\.)\\z");
    private static final Pattern TABLE_RULE = Pattern.compile("^\\|?\\s*:?-{3,}:?\\s*(?:\\|\\s*:?-{3,}:?\\s*)*\\|?$");
    /** «+-----+--------+»: a table drawn in text, its rule between rows. */
    private static final Pattern BOX_RULE = Pattern.compile("^\\+[-=]{2,}(?:\\+[-=]{2,})+\\+$");

    private ProtocolText() {
    }

    /** The non-blank lines of the text, each cleaned; a markdown table becomes lines as a Word table does. */
    static List<String> lines(String text) {
        List<String> lines = new ArrayList<>();
        List<List<String>> table = new ArrayList<>();
        // a page break inside a table: its furniture («Страница 2 из 3») waits, the table goes on over it
        List<String> pageBreak = new ArrayList<>();
        boolean brokenByPage = false;
        String[] raws = messengerStampsApart(withoutMailQuotes(splitLines(text == null ? "" : text)));
        String nextSeparator = raws.length > 0 ? cellSeparator(raws[0]) : null;
        for (int r = 0; r < raws.length; r++) {
            String raw = raws[r];
            String separator = nextSeparator;
            nextSeparator = r + 1 < raws.length ? cellSeparator(raws[r + 1]) : null;
            if (nextSeparator == null && separator != null && r + 1 < raws.length && NUMBERED_FIRST_CELL.matcher(raws[r + 1]).lookingAt()) {
                // «№ п/п\tРешение\tСрок\tОтветственный» / «2.1\tРекомендовать …» wrapped: the header has its row
                nextSeparator = "\t";
            }
            if (separator == null && !table.isEmpty() && NUMBERED_FIRST_CELL.matcher(raw).lookingAt()) {
                // «2.\tПровести …» whose other cells follow on lines of their own: still a row of the table
                separator = "\t";
            }
            if (continuesShortRow(table, raw)) {
                continue;
            }
            int cellLines = cellsOnLinesOfTheirOwn(table, raws, r);
            if (cellLines > 0) {
                // «3.» / «Провести анкетирование …» / «февраль 2025 г.» / «Закирова-Петренко Е.А.»: one row of a
                // Word table whose cells came out a line each
                List<String> row = new ArrayList<>();
                for (int k = r; k <= r + cellLines; k++) {
                    row.add(clean(raws[k]));
                }
                addRow(table, row, brokenByPage);
                brokenByPage = false;
                r += cellLines;
                nextSeparator = r + 1 < raws.length ? cellSeparator(raws[r + 1]) : null;
                continue;
            }
            // a table pasted from Word (cells split by tabs) or typed with «|» between its cells
            if (separator != null && (!table.isEmpty() || nextSeparator != null)) {
                List<String> row = plainTableCells(raw, separator);
                List<String> filled = row.stream().filter(cell -> !cell.isBlank()).toList();
                if (!table.isEmpty() && filled.size() == 2 && filled.getLast().matches("\\d{1,3}")
                        && NAMES_DOCUMENT.matcher(filled.getFirst()).find() && mayBeRunningHead(filled.getFirst())) {
                    // «Протокол совещания от 16.09.2025 № 47-пр\t…\t2» between a table's rows: the page's head
                    pageBreak.add(String.join(" ", filled));
                    continue;
                }
                if (table.isEmpty() && !lines.isEmpty() && lines.getLast().matches("№|N|№№") && row.getFirst().matches("п/п|пп")) {
                    // «№» / «п/п\tСодержание решения\t…»: the number column's header cell had two paragraphs
                    row.set(0, lines.removeLast() + " " + row.getFirst());
                }
                addRow(table, row, brokenByPage);
                brokenByPage = false;
                continue;
            }
            String line = clean(raw);
            if (BOX_RULE.matcher(line).matches()) {
                // the rules of a table drawn with «+», «-» and «|» part its rows: the table goes on
                brokenByPage = false;
                continue;
            }
            if (!table.isEmpty() && continuesLastCell(table, raw, line)) {
                continue;
            }
            if (isTableRow(line)) {
                if (!TABLE_RULE.matcher(line).matches()) {
                    addRow(table, tableCells(line), brokenByPage);
                }
                brokenByPage = false;
                continue;
            }
            if (!table.isEmpty() && (brokenByPage || pageBreakInTable(raws, r))) {
                if (!line.isEmpty()) {
                    pageBreak.add(line);
                }
                brokenByPage = true;
                continue;
            }
            flushTable(table, lines);
            lines.addAll(pageBreak);
            pageBreak.clear();
            brokenByPage = false;
            if (!line.isEmpty()) {
                lines.add(line);
            }
        }
        flushTable(table, lines);
        lines.addAll(pageBreak);
        return TableLines.withCellPerLineTablesRead(lines);
    }

    /** «[05.09.2023 19:49] Зорина Т.А. зам по ВР:» before a message's text, as a messenger's copy gives it. */
    static final Pattern MESSENGER_STAMP = Pattern.compile(
            "^\\s*\\[\\d{1,2}\\.\\d{1,2}\\.\\d{2,4},?\\s+\\d{1,2}:\\d{2}(?::\\d{2})?\\]\\s*[^:\\[\\]]{1,80}:");

    /**
     * The stamps of the messages that carry the protocol (those of the first message's author) on lines of their own,
     * where they are furniture; another member's reply («[…] Ольга Викторовна 3Б: Спасибо») stays on its line, furniture
     * whole.
     */
    private static String[] messengerStampsApart(String[] raws) {
        raws = repliesAfterTheProtocol(raws);
        List<String> apart = new ArrayList<>(raws.length);
        String author = null;
        for (String raw : raws) {
            Matcher stamp = raw.length() < 5000 ? MESSENGER_STAMP.matcher(raw) : null;
            boolean stamped = stamp != null && stamp.lookingAt();
            String by = stamped ? raw.substring(raw.indexOf(']') + 1, stamp.end()).strip() : null;
            author = author == null ? by : author;
            if (stamped && by.equals(author) && stamp.end() < raw.length()) {
                apart.add(raw.substring(0, stamp.end()));
                apart.add(raw.substring(stamp.end()).strip());
            } else {
                apart.add(raw);
            }
        }
        return apart.size() == raws.length ? raws : apart.toArray(String[]::new);
    }

    private static final Pattern MAIL_QUOTE = Pattern.compile("^\\s*(?:>\\s?)+");

    /** «> ПРОТОКОЛ № 2» / «> заседания …»: a protocol forwarded in a mail's quote, its marks taken off every line. */
    private static String[] withoutMailQuotes(String[] raws) {
        int quoted = 0;
        for (String raw : raws) {
            if (!raw.isEmpty() && raw.stripLeading().startsWith(">")) {
                quoted++;
            }
        }
        if (quoted < 3) {
            return raws;
        }
        String[] plain = new String[raws.length];
        for (int i = 0; i < raws.length; i++) {
            plain[i] = raws[i].length() > 5000 ? raws[i] : MAIL_QUOTE.matcher(raws[i]).replaceFirst("");
        }
        return plain;
    }

    /** Split at «\r\n» or any one line break, empty lines kept: by hand, a regex split was a third of reading a long text. */
    private static String[] splitLines(String text) {
        List<String> raws = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\r' || c == '\n' || c == '\u000b' || c == '\u000c' || c == '\u0085' || c == '\u2028' || c == '\u2029') {
                raws.add(text.substring(start, i));
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                start = i + 1;
            }
        }
        raws.add(text.substring(start));
        return raws.toArray(String[]::new);
    }

    /**
     * Whether the lines from {@code from} are a page's furniture (and blank lines, and a running head beside it) with
     * the table going on after.
     */
    private static boolean pageBreakInTable(String[] raws, int from) {
        boolean furniture = false;
        for (int k = from; k < raws.length && k < from + 12; k++) {
            String line = clean(raws[k]);
            if (line.isEmpty()) {
                continue;
            }
            if (isFurniture(line)) {
                furniture = true;
                continue;
            }
            if (mayBeRunningHead(line) && NAMES_DOCUMENT.matcher(line).find() && cellSeparator(raws[k]) == null) {
                // «Протокол № 3 от 21.10.2024» over or under the page's number
                continue;
            }
            return furniture && (isTableRow(line) || cellSeparator(raws[k]) != null);
        }
        return false;
    }

    private static final Pattern ROW_NUMBER_ALONE = Pattern.compile("^\\s*\\d{1,2}(?:\\.\\d{1,2})*\\.?\\s*$");

    /**
     * How many lines after a row's number alone («3.») hold its other cells, one a line, inside a tab table: as many
     * as the header has columns but one, none with a tab, the table going on (or ending) right after them; 0 otherwise.
     */
    private static int cellsOnLinesOfTheirOwn(List<List<String>> table, String[] raws, int r) {
        if (table.size() < 2 || r == 0 || raws[r - 1].indexOf('\t') < 0 || !ROW_NUMBER_ALONE.matcher(raws[r]).matches()) {
            return 0;
        }
        int cells = table.getFirst().size() - 1;
        if (cells < 2 || r + cells >= raws.length) {
            return 0;
        }
        for (int k = r + 1; k <= r + cells; k++) {
            if (raws[k].isBlank() || raws[k].indexOf('\t') >= 0 || raws[k].indexOf('|') >= 0 || raws[k].length() > 1000) {
                return 0;
            }
        }
        boolean goesOn = r + cells + 1 >= raws.length || raws[r + cells + 1].isBlank() || raws[r + cells + 1].indexOf('\t') >= 0;
        return goesOn ? cells : 0;
    }

    /**
     * «3.\tПровести семинар …\t27.02.2025\tПавлова И.С.,» / «Смирнова Г.А.»: the last cell of a Word table's row has a
     * second paragraph, which comes with no tab of its own.
     */
    private static boolean continuesLastCell(List<List<String>> table, String raw, String line) {
        if (table.size() < 2 || line.isEmpty() || line.length() > 150 || raw.indexOf('\t') >= 0 || line.indexOf('|') >= 0) {
            return false;
        }
        List<String> last = table.getLast();
        if (last.size() < table.getFirst().size() || last.getLast().isBlank()) {
            return false;
        }
        String cell = last.getLast().strip();
        if (!cell.matches("(?s).*\\p{L}.*") || !(cell.endsWith(",") || cell.endsWith(";") || cell.endsWith("-") || cell.endsWith("–"))) {
            return false;
        }
        List<String> row = new ArrayList<>(last);
        row.set(row.size() - 1, last.getLast() + "\n" + line);
        table.set(table.size() - 1, row);
        return true;
    }

    /** A row of the table; the header repeated at the top of the next page is not a row. */
    /**
     * «2\tСформировать жюри\tШиряева Т.А.,» / «руководители ШМО\tдо 20.10.2023»: a Word table pasted as text breaks a
     * row where a cell has two paragraphs. A row with fewer cells than the header goes on in the next line, whose
     * first piece is the cell's next paragraph, as long as the two make no more cells than the header has.
     */
    private static boolean continuesShortRow(List<List<String>> table, String raw) {
        if (table.size() < 2 || raw.isBlank() || raw.length() > 5000) {
            return false;
        }
        List<String> last = table.getLast();
        int columns = table.getFirst().size();
        if (last.size() >= columns || last.size() < 2) {
            return false;
        }
        String[] pieces = raw.strip().split("\t", -1);
        if (raw.replaceFirst("^[ \\u00a0]+", "").startsWith("\t") && last.size() + pieces.length <= columns) {
            // «\tРуководители ОО» under «2.\tПровести …»: the row's next cell, on a line of its own
            List<String> row = new ArrayList<>(last);
            for (String piece : pieces) {
                row.add(clean(piece));
            }
            table.set(table.size() - 1, row);
            return true;
        }
        if (pieces.length < 2 || last.size() + pieces.length - 1 > columns) {
            return false;
        }
        List<String> row = new ArrayList<>(last);
        row.set(row.size() - 1, row.getLast() + "\n" + clean(pieces[0]));
        for (int k = 1; k < pieces.length; k++) {
            row.add(clean(pieces[k]));
        }
        table.set(table.size() - 1, row);
        return true;
    }

    private static void addRow(List<List<String>> table, List<String> row, boolean afterPageBreak) {
        // a PDF's page break may leave no furniture between the rows: the header again is still no row
        if ((afterPageBreak || table.size() >= 2) && !table.isEmpty() && table.getFirst().equals(row)) {
            return;
        }
        table.add(row);
    }

    /** One line as a reader sees it: no markup, one plain space between words. */
    static String clean(String raw) {
        // each replacement runs only where its mark is in the line: most lines have none, and a long protocol has
        // tens of thousands of lines
        String s = raw;
        if (hasOddSpace(s)) {
            s = SPACES.matcher(s).replaceAll(" ");
            s = INVISIBLE.matcher(s).replaceAll("");
        }
        s = s.replace('\u2010', '-').replace('\u2011', '-');
        if (s.contains("[bookmark:")) {
            s = BOOKMARK.matcher(s).replaceAll("");
        }
        if (s.contains("**")) {
            s = BOLD.matcher(s).replaceAll("");
        }
        if (s.contains("__")) {
            s = UNDERSCORE_BOLD.matcher(s).replaceAll("$1");
        }
        s = s.strip();
        if (!s.isEmpty() && s.charAt(0) == '#') {
            s = HEADING.matcher(s).replaceFirst("");
        }
        if (s.indexOf('\\') >= 0) {
            s = ESCAPE.matcher(s).replaceAll("$1");
        }
        if (s.indexOf('<') >= 0) {
            s = ANGLE_LINK.matcher(s).replaceAll("$1");
        }
        if (s.contains("](")) {
            s = MD_LINK.matcher(s).replaceAll("$1 ($2)");
        }
        if (s.contains("  ")) {
            s = MANY_SPACES.matcher(s).replaceAll(" ");
        }
        s = s.strip();
        if (s.length() > 2 && s.charAt(s.length() - 1) == '|' && s.charAt(0) != '|' && s.indexOf('|') == s.length() - 1) {
            // «2. Разработать план |»: a border of a table the line was cut out of
            s = s.substring(0, s.length() - 1).strip();
        }
        return hasSpacedLetters(s) ? SPACED_LETTERS.matcher(s).replaceAll(m -> m.group().replace(" ", "")) : s;
    }

    /** A tab, or a space or an invisible character of a kind other than the plain one. */
    private static boolean hasOddSpace(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '\u00a0' ? c == '\t' : c == '\u00a0' || c == '\u00ad' || c == '\u1680' || c >= '\u2000' && c <= '\u200d'
                    || c == '\u202f' || c == '\u205f' || c == '\u2060' || c == '\u3000' || c == '\ufeff') {
                return true;
            }
        }
        return false;
    }

    /** «Р Е Ш»: three letters in a row, each followed by one space — a cheap look before the pattern. */
    private static boolean hasSpacedLetters(String s) {
        int run = 0;
        for (int i = 0; i + 1 < s.length(); i++) {
            if (Character.isLetter(s.charAt(i)) && s.charAt(i + 1) == ' ' && (i == 0 || !Character.isLetter(s.charAt(i - 1)))) {
                run++;
                if (run >= 3) {
                    return true;
                }
                i++;
            } else {
                run = 0;
            }
        }
        return false;
    }

    /**
     * Two lines of one sentence: «2023-» and «2024 учебном году» join without a space, a word broken by hyphenation
     * («образова-» / «тельных») joins into one word, other lines with a space.
     */
    static String joinWrapped(String first, String second) {
        int n = first.length();
        boolean hyphenated = n >= 2 && first.charAt(n - 1) == '-' && Character.isLetterOrDigit(first.charAt(n - 2)) && !second.isEmpty()
                && (Character.isDigit(second.charAt(0)) || Character.isLowerCase(second.charAt(0)));
        if (!hyphenated) {
            return first + " " + second;
        }
        return brokenWord(first.substring(0, first.length() - 1), second)
                ? first.substring(0, first.length() - 1) + second : first + second;
    }

    /** The first part of a compound, which keeps its hyphen: «учебно-», «психолого-», «медико-», «по-». */
    private static final Pattern COMPOUND_FIRST_PART = Pattern.compile("(?iu).*(?:[-\\d]|\\p{L}{3,}(?:но|ко|ого|ско|еско))");
    /** The second part of a compound noun: «педагогов-психологов», «школ-наставников», «кто-либо». */
    private static final Pattern COMPOUND_SECOND_PART = Pattern.compile(
            "(?iu)(?:психолог|предметник|наставник|участник|интернат|логопед|дефектолог|организатор|библиотекар|эксперт"
                    + "|исследовател|куратор|координатор|ассистент|стажер|стажёр|то\\b|либо|нибудь|таки).*");

    private static final Pattern PLACE_ADJECTIVE_END = Pattern.compile("[а-яё]*(?:ск|цк)(?:ий|ой|ая|ое|ого|ому|ом|ие|их|ую)(?![а-яё])");

    /** Whether a line ending in a hyphen breaks a word rather than ending the first part of a compound. */
    private static boolean brokenWord(String before, String after) {
        String fragment = before.substring(before.lastIndexOf(' ') + 1);
        // «эк-» / «замены» is broken; «по-» / «русски», «во-» / «первых», «из-» / «за» keep their hyphen
        if (fragment.length() >= 2 && Character.isUpperCase(fragment.charAt(0)) && PLACE_ADJECTIVE_END.matcher(after).lookingAt()) {
            // «Красно-» / «борской области»: a place's name broken, where a compound's second part would be capital too
            return true;
        }
        String tail = after.split("[^\\p{L}]", 2)[0];
        // «полно-» / «ты»: a compound's second part is a word, never two or three letters of one
        boolean shortTail = tail.length() <= 3 && !after.matches("(?iu)(?:то|либо|нибудь|таки)(?![\\p{L}]).*");
        return fragment.length() >= 2 && !fragment.matches("(?iu)по|во|из|кое|кой") && fragment.chars().allMatch(Character::isLetter)
                && Character.isLowerCase(fragment.charAt(fragment.length() - 1)) && Character.isLowerCase(after.charAt(0))
                && (shortTail || !COMPOUND_FIRST_PART.matcher(fragment).matches()) && !COMPOUND_SECOND_PART.matcher(after).matches();
    }

    /** A page's number or a web site's menu, which is no part of the document it surrounds. */
    static boolean isFurniture(String line) {
        if (line.length() > 200) {
            return false;
        }
        String low = line.toLowerCase(Locale.ROOT);
        if ((low.contains("страниц") || low.contains("стр.") || low.contains("page")) && PAGE_AT_END.matcher(line).find()) {
            return !counterGluedToText(line);
        }
        return low.contains("все права защищены") || isPageNumber(line) || isBreadcrumbs(line) || SITE_FURNITURE.matcher(line).matches()
                || MESSENGER_STAMP.matcher(line).lookingAt() && line.length() <= 200
                || STAMP_HEADER.matcher(line).lookingAt() && line.length() <= LONGEST_REPLY
                || SIGNATURE_STAMP.matcher(line).matches() || CONTACTS.matcher(line).matches()
                || PERFORMER.matcher(line).matches() && (HAS_PHONE.matcher(line).find() || PERFORMER_NAMED.matcher(line).matches())
                || TABLE_RESIDUE.matcher(line).matches();
    }

    /**
     * «2. Провести педсоветы по итогам Страница 1 из 2»: a page counter that extraction put on the last line of the
     * page's text, which is no running head (it is numbered, gives an order, or goes on in lower case).
     */
    private static boolean counterGluedToText(String line) {
        Matcher page = PAGE_AT_END.matcher(line);
        if (!page.find()) {
            return false;
        }
        String text = line.substring(0, page.start()).strip();
        return !text.isEmpty() && !mayBeRunningHead(text) && !SITE_FURNITURE.matcher(text).matches();
    }

    /** The line without a page counter glued to its text (see {@link #counterGluedToText}). */
    static String withoutGluedCounter(String line) {
        if (line.length() < 20 || line.length() > 2000 || !counterGluedToText(line)) {
            return line;
        }
        Matcher page = PAGE_AT_END.matcher(line);
        return page.find() ? line.substring(0, page.start()).strip() : line;
    }

    private static boolean isBreadcrumbs(String line) {
        return line.length() <= 300 && (line.contains(" / ") || line.contains(" > ") || line.contains(" » ") || line.contains(" → "))
                && BREADCRUMBS.matcher(line).matches();
    }

    /** A page's number or counter, and a continued page's head: where one page ends and the next begins. */
    private static boolean isPageNumber(String line) {
        String low = line.toLowerCase(Locale.ROOT);
        return PAGE_NUMBER.matcher(line).matches() || CONTINUATION.matcher(line).matches() || line.matches("\\d{1,3}")
                || (low.contains("страниц") || low.contains("стр.") || low.contains("page"))
                && (PAGE_AT_END.matcher(line).find() && !counterGluedToText(line) || PAGE_FIRST.matcher(line).matches());
    }

    /**
     * Which of the lines are furniture, read over the whole text: besides what {@link #isFurniture} knows line by
     * line, a running header (a line naming the document — its «№» with a date or its kind — next to a page's
     * number, or repeated on the pages of a text that has page numbers), a performer mark whose phone is on the
     * next line, and a site's menu entries between its other furniture.
     */
    static boolean[] furniture(List<String> lines) {
        int n = lines.size();
        boolean[] furniture = new boolean[n];
        boolean[] page = new boolean[n];
        boolean paged = false;
        java.util.Map<String, Integer> seen = new java.util.HashMap<>();
        for (int i = 0; i < n; i++) {
            String line = lines.get(i);
            furniture[i] = isFurniture(line);
            page[i] = furniture[i] && (isPageNumber(line) || SIGNATURE_STAMP.matcher(line).matches());
            paged |= page[i] && !SIGNATURE_STAMP.matcher(line).matches();
            if (line.length() <= 160) {
                seen.merge(line, 1, Integer::sum);
            }
        }
        numberedHeads(lines, furniture, page);
        for (int i = 1; i < n; i++) {
            // «Рассылка: руководителям МОУО, …,» / «отдел общего образования министерства»: furniture wrapped
            String before = lines.get(i - 1);
            if (furniture[i - 1] && !page[i - 1] && before.endsWith(",") && !lines.get(i).isEmpty()
                    && Character.isLowerCase(lines.get(i).charAt(0)) && lines.get(i).length() <= 200) {
                furniture[i] = true;
            }
        }
        for (int i = 1; i < n; i++) {
            // «______» / «МБОУ «Лицей № 2». Протокол заседания рабочей группы № 4   2»: a page's foot under its rule
            Matcher head = HEAD_WITH_PAGE.matcher(lines.get(i));
            if (!furniture[i] && FOOT_RULE.matcher(lines.get(i - 1)).matches() && head.matches()
                    && NAMES_DOCUMENT.matcher(head.group(2) != null ? head.group(2) : head.group(3)).find()) {
                furniture[i] = true;
                page[i] = true;
                furniture[i - 1] = true;
            }
        }
        for (int i = 0; i < n; i++) {
            String line = lines.get(i);
            if (furniture[i]) {
                continue;
            }
            if (PERFORMER.matcher(line).matches() && i + 1 < n && CONTACTS.matcher(lines.get(i + 1)).matches()) {
                furniture[i] = true;
            }
        }
        // a running head may be two lines (the body's name, then the document's), so a head next to a head counts
        for (int pass = 0; pass < 2; pass++) {
            for (int i = 0; i < n; i++) {
                String line = lines.get(i);
                if (furniture[i] || !mayBeRunningHead(line)) {
                    continue;
                }
                boolean besidePage = i > 0 && page[i - 1] || i + 1 < n && page[i + 1];
                boolean repeated = paged && seen.getOrDefault(line, 0) >= 2;
                if (besidePage && (NAMES_DOCUMENT.matcher(line).find() || NAMES_KIND.matcher(line).lookingAt()) || repeated && (besidePage || NAMES_DOCUMENT.matcher(line).find())) {
                    furniture[i] = true;
                    page[i] = true;
                }
            }
        }
        menuEntries(lines, furniture, page);
        for (int i = 0; i < n; i++) {
            // «Приказ Департамента … / от 28.11.2025 N 1184 / "Об итогах …"   Документ предоставлен КонсультантПлюс»: a
            // legal database's head of a page, the document's name and requisites beside its own
            if (lines.get(i).length() <= 260 && DATABASE_HEAD.matcher(lines.get(i)).find()) {
                furniture[i] = true;
                for (int j = i - 1; j >= Math.max(0, i - 2); j--) {
                    if (lines.get(j).length() <= 160 && DATABASE_HEAD_LINE.matcher(lines.get(j)).lookingAt()) {
                        furniture[j] = true;
                    }
                }
            }
        }
        for (int i = 1; i < n; i++) {
            // «Последние новости» / «• Изменился график работы …» / «• Памятка …»: a site's list of other posts
            if (furniture[i - 1] && OTHER_POSTS.matcher(lines.get(i - 1)).lookingAt()) {
                for (int k = i; k < n && k < i + 10 && hasBullet(lines.get(k)) && lines.get(k).length() <= 200; k++) {
                    furniture[k] = true;
                }
            }
        }
        for (int i = Math.max(1, n - 6); i < n; i++) {
            // «Управление образования администрации …» heading the site and again in its footer, among furniture
            boolean amongFurniture = furniture[i - 1] || i + 1 < n && furniture[i + 1];
            if (!furniture[i] && amongFurniture && lines.get(i).equals(lines.getFirst()) && mayBeRunningHead(lines.get(i))) {
                furniture[i] = true;
            }
        }
        return furniture;
    }

    /** «Приложение 1», «Приложение 2», «Вопрос 3»: the parts of a document, numbered, never a page's head. */
    private static final Pattern NUMBERED_PART = Pattern.compile("(?iu)(?:приложение|приложения|таблица|раздел|глава|вопрос|лист)\\s*№?");

    private static final Pattern DATABASE_HEAD = Pattern.compile("(?iu)\\S.*\\s{2,}документ\\s+предоставлен\\s+(?:консультантплюс|гарант)|^\\S.{0,200}\\s+документ\\s+предоставлен\\s+(?:консультантплюс|гарант)\\s*$");
    private static final Pattern DATABASE_HEAD_LINE = Pattern.compile(
            "(?iu)^(?:от\\s+\\d{1,2}\\.\\d{1,2}\\.\\d{4}\\s*(?:г\\.)?\\s*(?:N|№)\\s*\\S+\\s*$|(?:приказ|постановление|решение|распоряжение)\\s+\\S)");
    private static final Pattern OTHER_POSTS = Pattern.compile("(?iu)^(?:последние новости|последние записи|другие новости|читайте также|похожие (?:новости|записи|материалы))");
    private static final Pattern FOOT_RULE = Pattern.compile("^_{10,}$");

    /** «МАОУ «СОШ № 12» – Протокол УС № 4   2»: a running head with its page's number at the end (or the start). */
    private static final Pattern HEAD_WITH_PAGE = Pattern.compile("^(?:(\\d{1,3})\\s+(.{10,160})|(.{10,160}?)\\s+(\\d{1,3}))$");

    /**
     * A running head that carries the page's number on its own line: the same words on two or more pages, each time
     * with a different number.
     */
    private static void numberedHeads(List<String> lines, boolean[] furniture, boolean[] page) {
        java.util.Map<String, List<Integer>> heads = new java.util.HashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (furniture[i] || line.length() > 170 || !Character.isDigit(line.charAt(line.length() - 1)) && !Character.isDigit(line.charAt(0))) {
                continue;
            }
            Matcher m = HEAD_WITH_PAGE.matcher(line);
            if (m.matches()) {
                String head = m.group(2) != null ? m.group(2) : m.group(3);
                if (mayBeRunningHead(head) && !head.endsWith(".") && !NUMBERED_PART.matcher(head).matches()) {
                    heads.computeIfAbsent(head, h -> new ArrayList<>()).add(i);
                }
            }
        }
        for (List<Integer> at : heads.values()) {
            if (at.size() >= 2 && at.stream().map(lines::get).distinct().count() == at.size()) {
                for (int i : at) {
                    furniture[i] = true;
                    page[i] = true;
                }
            }
        }
    }

    /** «№ 3 от 21.10.2024», «Протокол педсовета № 4», «Приказ № 214-од»: a line that names a document. */
    private static final Pattern NAMES_DOCUMENT = Pattern.compile(
            "(?iu)№\\s*[\\p{L}\\d/-]+.{0,20}\\d{1,2}\\.\\d{1,2}\\.\\d{2,4}|\\d{1,2}\\.\\d{1,2}\\.\\d{2,4}.{0,20}№"
                    + "|(?:протокол|приказ|решени|постановлени|распоряжени)[а-яё]*\\s*(?:\\p{L}+\\s+){0,6}№");
    /** «Резолюция августовской конференции – 2023» beside a page's number: the document's kind heads the line. */
    private static final Pattern NAMES_KIND = Pattern.compile(
            "(?iu)(?:протокол|приказ|решение|резолюция|постановление|распоряжение|выписка)\\s+(?!о(?:б|бо)?\\s)\\p{L}");
    /** «ПРОТОКОЛ», «РЕШЕНИЕ»: a title, which is never a running head. */
    private static final Pattern CAPITAL_TITLE = Pattern.compile("^\\p{Lu}{5,}(?:\\s|$)");

    /** What a running head looks like: short, not a list's entry, a field, a signature, an order or a title. */
    private static boolean mayBeRunningHead(String line) {
        return line.length() <= 160 && !line.isEmpty() && !Character.isLowerCase(line.charAt(0))
                && !line.endsWith(":") && !line.endsWith(";") && !line.endsWith(",")
                && Markers.numbered(line).isEmpty() && !hasBullet(line) && !Markers.startsSection(line)
                && !Markers.RESPONSIBLE.matcher(line).matches() && !Markers.DEADLINE.matcher(line).matches()
                && !Markers.SIGNATURE_WORD.matcher(line).lookingAt() && !Markers.NAME_ONLY.matcher(line).matches()
                && !CAPITAL_TITLE.matcher(line).lookingAt() && !DecisionWording.hasInfinitive(line);
    }

    /**
     * «Документы» / «Протоколы совещаний» / «Приказы» between «Просмотров: 125» and «Контакты»: short entries of a
     * site's menu, between a site's furniture above and below them.
     */
    private static void menuEntries(List<String> lines, boolean[] furniture, boolean[] page) {
        int n = lines.size();
        int i = 0;
        while (i < n) {
            if (furniture[i]) {
                i++;
                continue;
            }
            int end = i;
            while (end < n && !furniture[end] && isMenuEntry(lines.get(end)) && end - i < 15) {
                end++;
            }
            boolean bounded = i > 0 && furniture[i - 1] && end < n && furniture[end] && (!page[i - 1] || !page[end]);
            if (end > i && bounded) {
                for (int k = i; k < end; k++) {
                    furniture[k] = true;
                }
            }
            i = Math.max(end, i + 1);
        }
    }

    private static boolean isMenuEntry(String line) {
        return line.length() <= 60 && line.split("\\s+").length <= 6 && Character.isUpperCase(line.charAt(0))
                && !line.matches(".*[.;:,!?]$") && mayBeRunningHead(line) && !Markers.ENDS_WITH_NAME.matcher(line).find()
                // «Дата принятия: 08.09.2025», «Регистрационный номер: 214-од»: a card's field, not a menu's entry
                && !Markers.CARD_FIELD.matcher(line).lookingAt();
    }

    /**
     * Trims spaces of every kind at both ends, the non-breaking one included (which {@link String#strip()} keeps);
     * what is inside stays exactly as written.
     */
    static String trim(String s) {
        return EDGE_SPACES.matcher(s).replaceAll("");
    }

    /** «- текст», «• текст» → «текст» */
    static String withoutBullet(String line) {
        return BULLET.matcher(line).replaceFirst("");
    }

    static boolean hasBullet(String line) {
        return BULLET.matcher(line).find();
    }

    /** Without what ends a list entry: «;», «,», «.», but keeping «г.» and initials such as «Е.В.». */
    static String withoutEndPunctuation(String s) {
        String t = s.strip();
        while (!t.isEmpty()) {
            char last = t.charAt(t.length() - 1);
            if (last == ';' || last == ',' || last == ':' || (last == '.' && !endsWithAbbreviation(t))) {
                t = t.substring(0, t.length() - 1).strip();
            } else {
                break;
            }
        }
        return t;
    }

    /** «Иванов И.И.», «и др.», «г.»: a full stop that belongs to the last word. */
    private static boolean endsWithAbbreviation(String t) {
        // the longest abbreviation is four characters: only the end is looked at, the word before seen through the bounds
        Matcher m = ABBREVIATION_AT_END.matcher(t).region(Math.max(0, t.length() - 4), t.length()).useTransparentBounds(true);
        return m.find();
    }

    /** The cells of «1\tПровести …\tдо 01.03.2023\tруководители» or «1 | Провести … | до 01.03.2023 | …»; else null. */
    private static List<String> plainTableCells(String raw, String separator) {
        List<String> cells = new ArrayList<>();
        // a leading tab is an empty first cell (a wrapped row's «№»), not indentation
        String row = separator.equals("\t") ? raw.replaceFirst("^[ \\u00a0]+", "").stripTrailing() : trim(raw);
        for (String cell : row.split(Pattern.quote(separator), -1)) {
            cells.add(clean(cell));
        }
        return cells;
    }

    private static final Pattern NUMBERED_FIRST_CELL = Pattern.compile("^[ \\u00a0]*\\d{1,2}(?:\\.\\d{1,2})*\\.?\t\\S");
    private static final Pattern TAB_BORDERED_BAR = Pattern.compile("\t\\|\t");

    /** «\t» or «|» when the line is a row of a table written without a leading «|»; else null. */
    private static String cellSeparator(String raw) {
        if (raw.length() > 5000 || raw.indexOf('\t') < 0 && raw.indexOf('|') < 0) {
            return null;
        }
        String t = raw.strip();
        if (raw.length() > t.length() && raw.charAt(0) == ' ' && t.startsWith("|") && !t.endsWith("|")
                && t.chars().filter(c -> c == '|').count() >= 2) {
            // «  |  |  | Пестова О.Н.» under «2 | Проведение … | до 31.10.2025 | Кравец И.С.,»: a row of a table typed
            // without borders, its first cells empty
            return "|";
        }
        if (TAB_BORDERED_BAR.matcher(raw).find()) {
            // «1.\t|\tПровести …\t|\tдо 01.03.2023»: the bars are the cells' borders, the tabs their padding
            return "|";
        }
        if (t.startsWith("|")) {
            return null;
        }
        // the tabs of empty cells at either end count: a wrapped row is «\tтекст\t\t»
        return raw.chars().filter(c -> c == '\t').count() >= 2 ? "\t" : t.chars().filter(c -> c == '|').count() >= 2 ? "|" : null;
    }

    private static boolean isTableRow(String line) {
        return line.startsWith("|") && line.length() > 1;
    }

    private static List<String> tableCells(String line) {
        String inner = line.substring(1, line.endsWith("|") && line.length() > 1 ? line.length() - 1 : line.length());
        List<String> cells = new ArrayList<>();
        for (String cell : inner.split("(?<!\\\\)\\|", -1)) {
            cells.add(cell.strip());
        }
        return cells;
    }

    private static void flushTable(List<List<String>> table, List<String> lines) {
        if (!table.isEmpty()) {
            lines.addAll(TableLines.of(TableLines.withWrappedRowsJoined(table)));
            table.clear();
        }
    }
}
