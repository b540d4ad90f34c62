package ru.rsoko.meeting.protocol;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The people a protocol says spoke, as surname and initials in the nominative («Петрова И.С.»), whatever case the
 * text put them in: «СЛУШАЛИ: Иванову Ирину Петровну, директора …», «Заслушав информацию начальника отдела
 * Петровой С.В. о …», «Выступили: Кузнецов К.К., директор …; Смирнова А.А., методист РМК», «Докладчик – И.П.
 * Иванова».
 *
 * <p>No dictionary of surnames: a surname is turned back by the rules of Russian surname declension (-ов/-ин,
 * adjectival -ский/-ой, nouns that decline only for men, -а/-я that decline for both, -ко/-их/-ых and the like that
 * never do), and the case and gender that pick the right rule are read from what stands around the name — the first
 * name and patronymic when written in full (the strongest), a position in apposition («директора», «заведующей»),
 * the word that governs it («информацию» asks for the genitive, «выступила» for the nominative of a woman), a verb or
 * «которая» after it. Where the text leaves a choice open, the more usual reading wins: a woman (most of those who
 * speak at education meetings are), the nominative. Mentions of one person in one list of passages are resolved
 * together («Докладчик: Чистова Т.В.» and «Чистову Т.В., которая …»).
 *
 * <p>Only names in a speaker's place count: a name after a topic has begun («о письме Котовой А.А.»,
 * «…, что по предложению …»), inside quotes («СОШ им. А.С. Пушкина») or without initials, first name or patronymic
 * is not a speaker; a category («руководители МОУО») is no name at all.
 */
final class SpeakerNames {

    enum Gender { M, F }

    enum Case { NOM, GEN, DAT, ACC, INS, PREP }

    private static final int CASES = Case.values().length;
    private static final int READINGS = 2 * CASES;
    /** The reading kept for a surname when no rule fits: as written, and only then. */
    private static final double AS_WRITTEN = -3;

    private static final Pattern HYPHENATED = Pattern.compile("(?<=\\p{Ll})-\n(?=\\p{Ll})");

    private SpeakerNames() {
    }

    // --- the public face ------------------------------------------------------------------------------------------

    /** The people named as speakers in one passage, in order, each once. */
    static List<String> inPassage(String passage) {
        return inPassages(List.of(passage));
    }

    /**
     * The people named as speakers in the passages (a speaker list's entries, what was heard), in order, each once;
     * the mentions of one person are resolved together.
     */
    static List<String> inPassages(List<String> passages) {
        List<Mention> mentions = new ArrayList<>();
        for (String passage : passages) {
            if (passage != null && !passage.isBlank()) {
                // «Кузьмину Ольгу Дмит-» / «риевну»: a name broken by hyphenation is read whole
                String whole = passage.indexOf("-\n") >= 0 ? HYPHENATED.matcher(passage).replaceAll("") : passage;
                mentions.addAll(new PassageReader(whole).mentions());
            }
        }
        return resolve(mentions);
    }

    /**
     * Who spoke on an agenda item: its speakers' entries as written after «Докладчик –» (in the nominative, as a
     * rule) and what was heard (after «СЛУШАЛИ:», the accusative, unless the text says otherwise).
     */
    static List<String> ofItem(List<String> speakers, String heard) {
        List<String> passages = new ArrayList<>();
        for (String speaker : speakers) {
            passages.add("Докладчик: " + speaker);
        }
        if (heard != null) {
            passages.add(heardPassage(heard));
        }
        return inPassages(passages);
    }

    /** What was heard on an item: the label «СЛУШАЛИ:» its heading took off, put back. */
    static String heardPassage(String heard) {
        return "СЛУШАЛИ: " + heard;
    }

    /**
     * One name as written, in any case, normalised: «Гусеву Анну» → «Гусева А.», «И. П. Иванова» → «Иванова И.П.»;
     * null when the text holds no name.
     */
    static String nominative(String name) {
        List<Mention> mentions = new PassageReader(name).mentions();
        return mentions.isEmpty() ? null : mentions.getFirst().best().name(mentions.getFirst().initials);
    }

    // --- resolving mentions ----------------------------------------------------------------------------------------

    /** A name found in a passage: its surname as written, its initials, and what the text says of its case and gender. */
    static final class Mention {
        final String surname;
        final String initials;
        final double[] hints = new double[READINGS];

        Mention(String surname, String initials) {
            this.surname = surname;
            this.initials = initials;
        }

        void caseHint(double weight, Case... cases) {
            for (Case c : cases) {
                hints[index(Gender.M, c)] += weight;
                hints[index(Gender.F, c)] += weight;
            }
        }

        void genderHint(Gender gender, double weight) {
            for (Case c : Case.values()) {
                hints[index(gender, c)] += weight;
            }
        }

        void jointHint(Set<Integer> readings, double weight) {
            for (int r : readings) {
                hints[r] += weight;
            }
        }

        /** Each candidate nominative with the score of its best reading. */
        Map<String, Double> candidates() {
            Reading[] readings = Surnames.readings(surname);
            Map<String, Double> result = new LinkedHashMap<>();
            for (int r = 0; r < READINGS; r++) {
                double score = readings[r].prior + CASE_PRIOR[r % CASES] + hints[r];
                result.merge(readings[r].nominative, score, Math::max);
            }
            return result;
        }

        Candidate best() {
            return candidates().entrySet().stream().max(Map.Entry.comparingByValue())
                    .map(e -> new Candidate(e.getKey(), e.getValue())).orElseThrow();
        }
    }

    record Candidate(String surname, double score) {
        String name(String initials) {
            return surname + " " + initials;
        }
    }

    /** The usual cases of a speaker's name, for when nothing else decides. */
    private static final double[] CASE_PRIOR = {0.3, 0.2, 0.1, 0.2, 0.1, 0};
    /** How far below its best a reading may be and still tie two mentions of one person together. */
    private static final double CLOSE = 2;

    private static List<String> resolve(List<Mention> mentions) {
        List<Map<String, Double>> candidates = mentions.stream().map(Mention::candidates).toList();
        int[] cluster = new int[mentions.size()];
        for (int i = 0; i < mentions.size(); i++) {
            cluster[i] = i;
            for (int j = 0; j < i; j++) {
                if (cluster[j] == j && mentions.get(j).initials.equals(mentions.get(i).initials)
                        && close(candidates.get(i)).stream().anyMatch(close(candidates.get(j))::contains)) {
                    cluster[i] = j;
                    break;
                }
            }
        }
        Map<String, String> chosen = new HashMap<>();
        List<String> result = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < mentions.size(); i++) {
            int root = cluster[i];
            String surname = chosen.computeIfAbsent(String.valueOf(root), k -> choose(root, cluster, candidates));
            String name = surname + " " + mentions.get(i).initials;
            if (seen.add(key(name))) {
                result.add(name);
            }
        }
        return result;
    }

    private static List<String> close(Map<String, Double> candidates) {
        double best = candidates.values().stream().mapToDouble(Double::doubleValue).max().orElse(0);
        return candidates.entrySet().stream().filter(e -> e.getValue() >= best - CLOSE).map(Map.Entry::getKey).toList();
    }

    /** The surname the cluster's mentions agree on best. */
    private static String choose(int root, int[] cluster, List<Map<String, Double>> candidates) {
        Map<String, Double> sum = new HashMap<>(candidates.get(root));
        for (int j = root + 1; j < cluster.length; j++) {
            if (cluster[j] == root) {
                Map<String, Double> other = candidates.get(j);
                sum.keySet().retainAll(other.keySet());
                sum.replaceAll((k, v) -> v + other.get(k));
            }
        }
        if (sum.isEmpty()) {
            sum = candidates.get(root);
        }
        return sum.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
    }

    private static String key(String name) {
        return name.toLowerCase(Locale.ROOT).replace('ё', 'е');
    }

    static int index(Gender g, Case c) {
        return g.ordinal() * CASES + c.ordinal();
    }

    // --- surnames ------------------------------------------------------------------------------------------------

    /** A nominative a surname may come from, and how usual that reading is. */
    record Reading(String nominative, double prior) {
    }

    /** The rules of Russian surname declension, run backwards. */
    static final class Surnames {

        private static final Pattern POSSESSIVE_STEM = Pattern.compile(".*[а-яё](?:ов|ев|ёв|ин|ын)$");
        private static final String CONSONANTS = "бвгджзклмнпрстфхцчшщ";
        private static final String VELARS_SIBILANTS = "гкхжшчщ";

        private Surnames() {
        }

        /** For each gender and case, the likeliest nominative the written form can be of. */
        static Reading[] readings(String written) {
            String[] parts = written.split("-");
            if (parts.length == 1) {
                return single(written);
            }
            Reading[][] each = Arrays.stream(parts).map(Surnames::single).toArray(Reading[][]::new);
            Reading[] result = new Reading[READINGS];
            for (int r = 0; r < READINGS; r++) {
                StringBuilder nominative = new StringBuilder();
                double prior = 0;
                for (Reading[] part : each) {
                    nominative.append(nominative.isEmpty() ? "" : "-").append(part[r].nominative);
                    prior += part[r].prior;
                }
                result[r] = new Reading(nominative.toString(), prior / parts.length);
            }
            return result;
        }

        private static Reading[] single(String written) {
            Reading[] result = new Reading[READINGS];
            Arrays.fill(result, new Reading(written, AS_WRITTEN));
            String w = written.toLowerCase(Locale.ROOT);
            if (w.length() < 2) {
                return result;
            }
            indeclinable(written, w, result);
            possessive(written, w, result);
            adjectival(written, w, result);
            masculineNoun(written, w, result);
            aStem(written, w, result);
            return result;
        }

        private static void put(Reading[] result, Gender g, Case c, String nominative, double prior) {
            int r = index(g, c);
            if (prior > result[r].prior) {
                result[r] = new Reading(nominative, prior);
            }
        }

        private static void putBoth(Reading[] result, Case c, String nominative, double prior) {
            put(result, Gender.M, c, nominative, prior);
            put(result, Gender.F, c, nominative, prior);
        }

        private static void everyCase(Reading[] result, Gender g, String nominative, double prior) {
            for (Case c : Case.values()) {
                put(result, g, c, nominative, prior);
            }
        }

        /** The written form with {@code oblique} replaced by {@code nominative}, keeping the letters' case. */
        private static String swap(String written, int oblique, String nominative) {
            return written.substring(0, written.length() - oblique) + nominative;
        }

        /** -ко, -их/-ых, -аго/-яго, -о, -швили, -дзе never decline; -е, -и, -у, -ю only when nothing else fits. */
        private static void indeclinable(String written, String w, Reading[] result) {
            double prior;
            if (w.matches(".*(?:о|ых|их|швили|дзе)$") && !w.matches(".*[^ая][ое]го$")) {
                // -ого/-его is an adjective's genitive (Петровского); -аго/-яго (Живаго, Дубяго) never declines
                prior = 0.9;
            } else if (w.matches(".*[эе]$") && !w.matches(".*[^аеёиоуыэюя]е$")) {
                prior = 0;
            } else if (w.matches(".*[еиую]$")) {
                prior = -2;
            } else {
                return;
            }
            everyCase(result, Gender.M, written, prior);
            everyCase(result, Gender.F, written, prior);
        }

        /** Иванов, Иванова, Иванову, Ивановым, Иванове; Иванова, Ивановой, Иванову. */
        private static void possessive(String written, String w, Reading[] result) {
            double prior = 1.0;
            if (POSSESSIVE_STEM.matcher(w).matches()) {
                put(result, Gender.M, Case.NOM, written, prior);
                // a woman's surname of a man's form is written as it is
                everyCase(result, Gender.F, written, 0.2);
            }
            possessiveMasculine(written, w, result);
            feminine(written, w, "а", prior, result, Case.NOM);
            feminine(written, w, "ой", prior, result, Case.GEN, Case.DAT, Case.INS, Case.PREP);
            feminine(written, w, "ою", prior, result, Case.INS);
            feminine(written, w, "у", prior, result, Case.ACC);
        }

        private static void feminine(String written, String w, String ending, double prior, Reading[] result,
                                     Case... cases) {
            if (!w.endsWith(ending)) {
                return;
            }
            String stem = w.substring(0, w.length() - ending.length());
            if (!POSSESSIVE_STEM.matcher(stem).matches()) {
                return;
            }
            for (Case c : cases) {
                put(result, Gender.F, c, swap(written, ending.length(), "а"), prior + 0.3);
            }
        }

        private static void possessiveMasculine(String written, String w, Reading[] result) {
            String[][] endings = {{"а", "GEN ACC"}, {"у", "DAT"}, {"ым", "INS"}, {"е", "PREP"}};
            for (String[] e : endings) {
                if (w.endsWith(e[0]) && POSSESSIVE_STEM.matcher(w.substring(0, w.length() - e[0].length())).matches()) {
                    for (String c : e[1].split(" ")) {
                        put(result, Gender.M, Case.valueOf(c), swap(written, e[0].length(), ""), 1.0);
                    }
                }
            }
        }

        /** Петровский/Петровская, Толстой/Толстая, Крайний/Крайняя, and their cases. */
        private static void adjectival(String written, String w, Reading[] result) {
            if (w.length() < 5) {
                return;
            }
            // nominatives as written
            if (w.matches(".*[" + CONSONANTS + "](?:ий|ый|ой)$")) {
                double prior = w.matches(".*[сц]кий$") ? 1.0 : w.matches(".*[сц]кой$") ? 0.4 : 0.6;
                put(result, Gender.M, Case.NOM, written, prior);
            }
            // Дубовая, Полевая: an adjective on -ов-/-ев- is no possessive in -ая
            if (w.matches(".*[" + CONSONANTS + "](?:ая|яя)$")) {
                put(result, Gender.F, Case.NOM, written, (w.matches(".*[сц]кая$") ? 1.0 : 0.6) + 0.3);
            }
            // masculine cases
            String[][] masculine = {{"ого", "GEN ACC"}, {"ому", "DAT"}, {"ым", "INS"}, {"им", "INS"}, {"ом", "PREP"}};
            for (String[] e : masculine) {
                adjectiveCase(written, w, e[0], e[1], Gender.M, result);
            }
            String[][] soft = {{"его", "GEN ACC"}, {"ему", "DAT"}, {"ем", "PREP"}};
            for (String[] e : soft) {
                if (w.endsWith(e[0]) && w.length() > e[0].length() + 2) {
                    String stem = w.substring(0, w.length() - e[0].length());
                    if (CONSONANTS.indexOf(stem.charAt(stem.length() - 1)) >= 0) {
                        for (String c : e[1].split(" ")) {
                            put(result, Gender.M, Case.valueOf(c), swap(written, e[0].length(), "ий"), 0.3);
                        }
                    }
                }
            }
            // feminine cases
            String[][] feminine = {{"ой", "GEN DAT INS PREP"}, {"ую", "ACC"}};
            for (String[] e : feminine) {
                adjectiveCase(written, w, e[0], e[1], Gender.F, result);
            }
        }

        private static void adjectiveCase(String written, String w, String ending, String cases, Gender g,
                                          Reading[] result) {
            if (!w.endsWith(ending) || w.length() < ending.length() + 3) {
                return;
            }
            String stem = w.substring(0, w.length() - ending.length());
            char last = stem.charAt(stem.length() - 1);
            // «Дубовой» is read as Дубова's before Дубовая's; «Дубовую» can only be Дубовая's
            if (CONSONANTS.indexOf(last) < 0 || POSSESSIVE_STEM.matcher(stem).matches() && g == Gender.F && ending.equals("ой")) {
                return;
            }
            if (ending.equals("им") && VELARS_SIBILANTS.indexOf(last) < 0 && last != 'ц'
                    || ending.equals("ым") && (VELARS_SIBILANTS.indexOf(last) >= 0 || POSSESSIVE_STEM.matcher(stem).matches())) {
                return;
            }
            String nominative;
            double prior;
            if (g == Gender.F) {
                nominative = "ая";
                prior = (stem.matches(".*[сц]к$") ? 1.0 : 0.6) + 0.3;
            } else {
                nominative = stem.matches(".*(?:[сц]к|[" + VELARS_SIBILANTS + "])$") ? "ий" : stem.endsWith("н") ? "ый" : "ой";
                prior = stem.matches(".*[сц]к$") ? 1.0 : 0.6;
            }
            for (String c : cases.split(" ")) {
                put(result, g, Case.valueOf(c), swap(written, ending.length(), nominative), prior);
            }
        }

        /** Кузнец, Кузнеца, Кузнецу, Кузнецом; Гоголь, Гоголя; Гайдай, Гайдая — for men; a woman's stays as written. */
        private static void masculineNoun(String written, String w, Reading[] result) {
            if (isMasculineNounNominative(w)) {
                put(result, Gender.M, Case.NOM, written, 0.6);
                // rarer than a man's form in a case: «Кузнецом» is Кузнец's instrumental before it is a woman's name
                everyCase(result, Gender.F, written, 0.4);
            }
            String[][] hard = {{"а", "GEN ACC", ""}, {"у", "DAT", ""}, {"ом", "INS", ""}, {"е", "PREP", ""},
                    {"я", "GEN ACC", "ь"}, {"ю", "DAT", "ь"}, {"ем", "INS", "ь"}, {"е", "PREP", "ь"},
                    {"я", "GEN ACC", "й"}, {"ю", "DAT", "й"}, {"ем", "INS", "й"}, {"е", "PREP", "й"},
                    {"ем", "INS", ""}};
            for (String[] e : hard) {
                if (!w.endsWith(e[0]) || w.length() < e[0].length() + 2) {
                    continue;
                }
                String stem = w.substring(0, w.length() - e[0].length());
                String nominative = stem + e[2];
                char last = stem.charAt(stem.length() - 1);
                boolean fits = switch (e[2]) {
                    case "ь" -> CONSONANTS.indexOf(last) >= 0 && "жшчщц".indexOf(last) < 0;
                    case "й" -> "аеуяюэ".indexOf(last) >= 0;
                    default -> CONSONANTS.indexOf(last) >= 0 && (!e[0].equals("ем") || "жшчщц".indexOf(last) >= 0);
                };
                if (fits && isMasculineNounNominative(nominative)) {
                    // Кравца, Швеца: the «е» of -ец drops out after a consonant, and is put back
                    boolean fleeting = e[2].isEmpty() && stem.matches(".*[" + CONSONANTS + "]ц");
                    String restored = fleeting ? swap(written, e[0].length() + 1, "ец") : swap(written, e[0].length(), e[2]);
                    for (String c : e[1].split(" ")) {
                        put(result, Gender.M, Case.valueOf(c), restored, 0.6);
                    }
                }
            }
        }

        private static boolean isMasculineNounNominative(String w) {
            if (w.length() < 3) {
                return false;
            }
            char last = w.charAt(w.length() - 1);
            if (CONSONANTS.indexOf(last) >= 0 || last == 'ь') {
                return true;
            }
            return last == 'й' && "аеуяюэ".indexOf(w.charAt(w.length() - 2)) >= 0;
        }

        /** Глинка, Глинки, Глинке, Глинку, Глинкой; Зима; Гарция — for both genders alike. */
        private static void aStem(String written, String w, Reading[] result) {
            String[][] endings = {{"а", "NOM", "а"}, {"ы", "GEN", "а"}, {"и", "GEN", "а"}, {"е", "DAT PREP", "а"},
                    {"у", "ACC", "а"}, {"ой", "INS", "а"}, {"ою", "INS", "а"}, {"ей", "INS", "а"},
                    {"я", "NOM", "я"}, {"и", "GEN", "я"}, {"е", "DAT PREP", "я"}, {"ю", "ACC", "я"},
                    {"ей", "INS", "я"}, {"ии", "DAT PREP", "ия"}};
            for (String[] e : endings) {
                if (!w.endsWith(e[0]) || w.length() < e[0].length() + 2) {
                    continue;
                }
                String stem = w.substring(0, w.length() - e[0].length());
                char last = stem.charAt(stem.length() - 1);
                String nominative = stem + e[2];
                if (nominative.matches(".*(?:ов|ев|ёв|ин|ын)а$") || nominative.matches(".*(?:ая|яя|ия)$") && !e[2].equals("ия")) {
                    continue;
                }
                boolean fits = switch (e[0]) {
                    case "ы" -> CONSONANTS.indexOf(last) >= 0 && VELARS_SIBILANTS.indexOf(last) < 0 && last != 'ц' || last == 'ц';
                    case "и" -> e[2].equals("а") ? VELARS_SIBILANTS.indexOf(last) >= 0 : CONSONANTS.indexOf(last) >= 0 || last == 'ь';
                    case "ей" -> e[2].equals("а") ? "жшчщц".indexOf(last) >= 0 : CONSONANTS.indexOf(last) >= 0 || last == 'ь';
                    case "ой", "ою" -> CONSONANTS.indexOf(last) >= 0 && "жшчщ".indexOf(last) < 0;
                    case "я", "ю" -> CONSONANTS.indexOf(last) >= 0 || last == 'ь' || last == 'и';
                    default -> CONSONANTS.indexOf(last) >= 0 || e[2].startsWith("и") || (e[2].equals("я") && (last == 'ь' || last == 'и'));
                };
                if (fits) {
                    for (String c : e[1].split(" ")) {
                        putBoth(result, Case.valueOf(c), swap(written, e[0].length(), e[2]), 0.3);
                    }
                }
            }
        }
    }

    // --- first names and patronymics ---------------------------------------------------------------------------

    /** Common first names; a name outside the list still counts beside a patronymic, only not alone with a surname. */
    static final class FirstNames {

        private static final String MEN = "Александр Алексей Альберт Анатолий Андрей Антон Аркадий Арсений Артём Артем "
                + "Артур Афанасий Богдан Борис Вадим Валентин Валерий Василий Вениамин Виктор Виталий Владимир "
                + "Владислав Всеволод Вячеслав Гавриил Геннадий Георгий Герман Глеб Григорий Давид Даниил Данил Денис "
                + "Дмитрий Евгений Егор Ефим Захар Иван Игнат Игорь Илья Иннокентий Иосиф Кирилл Константин Лаврентий "
                + "Лев Леонид Макар Максим Марат Марк Матвей Мирон Михаил Назар Никита Никифор Николай Олег Остап Павел "
                + "Пётр Петр Платон Прохор Радик Ренат Ринат Родион Роман Ростислав Руслан Рустам Савва Святослав Семён "
                + "Семен Серафим Сергей Станислав Степан Тарас Тимофей Тимур Трофим Фёдор Федор Феликс Филипп Фома "
                + "Эдуард Эльдар Эмиль Эрик Юлиан Юрий Яков Ян Ярослав Айдар Азат Ильдар Ильнур Рафаэль Рафаил Кузьма "
                + "Лука Данила Гаврила Елисей Эмиль";
        private static final String WOMEN = "Августа Агата Аглая Аделина Аза Алевтина Александра Алёна Алена Алина Алиса "
                + "Алла Альбина Анастасия Ангелина Анжела Анжелика Анна Антонина Арина Белла Валентина Валерия Варвара "
                + "Василиса Вера Вероника Виктория Виолетта Владислава Галина Гульнара Дарина Дарья Диана Дина Ева "
                + "Евгения Евдокия Екатерина Елена Елизавета Жанна Зарина Зинаида Злата Зоя Ивета Изабелла Илона Инга "
                + "Инесса Инна Ираида Ирина Карина Кира Клавдия Кристина Ксения Лада Лариса Лейла Лидия Лилия Лиана "
                + "Лиля Любовь Людмила Майя Маргарита Марина Мария Марьям Милана Мирослава Надежда Наталья Наталия "
                + "Нелли Нина Нонна Оксана Олеся Ольга Полина Раиса Регина Римма Роза Руслана Сабина Светлана Серафима "
                + "Снежана София Софья Станислава Стефания Таисия Тамара Татьяна Ульяна Фаина Элеонора Элина Эльвира "
                + "Эльмира Эмилия Эмма Юлия Яна Ярослава Алия Венера Гульнур Диляра Лейсан Розалия Эвелина Виталина";
        /** Each form of a first name, lowercase, with the readings (gender and case) it can be. */
        private static final Map<String, Set<Integer>> FORMS = new HashMap<>();

        static {
            for (String name : MEN.split(" ")) {
                masculine(name.toLowerCase(Locale.ROOT));
            }
            for (String name : WOMEN.split(" ")) {
                feminine(name.toLowerCase(Locale.ROOT), Gender.F);
            }
        }

        private FirstNames() {
        }

        /** The readings a written first name can be, or an empty set for a name the list does not know. */
        static Set<Integer> readings(String word) {
            return FORMS.getOrDefault(word.toLowerCase(Locale.ROOT), Set.of());
        }

        static boolean known(String word) {
            return FORMS.containsKey(word.toLowerCase(Locale.ROOT));
        }

        private static void add(String form, Gender g, Case... cases) {
            Set<Integer> set = FORMS.computeIfAbsent(form, k -> new HashSet<>());
            for (Case c : cases) {
                set.add(index(g, c));
            }
        }

        private static void masculine(String n) {
            add(n, Gender.M, Case.NOM);
            String stem;
            switch (n) {
                case "лев" -> stem = "льв";
                case "павел" -> stem = "павл";
                case "пётр", "петр" -> stem = "петр";
                default -> stem = null;
            }
            if (n.endsWith("а") || n.endsWith("я")) {
                feminine(n, Gender.M);
                return;
            }
            if (n.endsWith("ий")) {
                String s = n.substring(0, n.length() - 1);
                add(s + "я", Gender.M, Case.GEN, Case.ACC);
                add(s + "ю", Gender.M, Case.DAT);
                add(s + "ем", Gender.M, Case.INS);
                add(s + "и", Gender.M, Case.PREP);
            } else if (n.endsWith("й") || n.endsWith("ь")) {
                String s = n.substring(0, n.length() - 1);
                add(s + "я", Gender.M, Case.GEN, Case.ACC);
                add(s + "ю", Gender.M, Case.DAT);
                add(s + "ем", Gender.M, Case.INS);
                add(s + "е", Gender.M, Case.PREP);
            } else {
                String s = stem != null ? stem : n;
                add(s + "а", Gender.M, Case.GEN, Case.ACC);
                add(s + "у", Gender.M, Case.DAT);
                add(s + "ом", Gender.M, Case.INS);
                add(s + "е", Gender.M, Case.PREP);
            }
        }

        /** A name of the first declension (Анна, Мария, Наталья; Никита, Илья for men), Любовь, or one that never declines. */
        private static void feminine(String n, Gender g) {
            add(n, g, Case.NOM);
            if (n.equals("любовь")) {
                add("любови", g, Case.GEN, Case.DAT, Case.PREP);
                add("любовь", g, Case.ACC);
                add("любовью", g, Case.INS);
                return;
            }
            if (!n.endsWith("а") && !n.endsWith("я")) {
                for (Case c : Case.values()) {
                    add(n, g, c);
                }
                return;
            }
            String s = n.substring(0, n.length() - 1);
            char last = s.charAt(s.length() - 1);
            if (n.endsWith("ия")) {
                add(s + "и", g, Case.GEN, Case.DAT, Case.PREP);
                add(s + "ю", g, Case.ACC);
                add(s + "ей", g, Case.INS);
            } else if (n.endsWith("я")) {
                add(s + "и", g, Case.GEN);
                add(s + "е", g, Case.DAT, Case.PREP);
                add(s + "ю", g, Case.ACC);
                add(s + "ей", g, Case.INS);
                add(s + "ёй", g, Case.INS);
            } else {
                add(s + ("гкхжшчщ".indexOf(last) >= 0 ? "и" : "ы"), g, Case.GEN);
                add(s + "е", g, Case.DAT, Case.PREP);
                add(s + "у", g, Case.ACC);
                add(s + ("жшчщц".indexOf(last) >= 0 ? "ей" : "ой"), g, Case.INS);
            }
        }
    }

    /** Ивановича, Петровну, Ильичом, Кузьминичной: the readings (gender and case) of a patronymic, or none. */
    static final class Patronymics {

        // «Эрес-ооловна», «Кара-оолович»: a Tuvan patronymic joins its stem's two parts with a hyphen
        private static final Pattern MASCULINE = Pattern.compile("^[а-яё]+(?:-[а-яё]+)?(?:ович|евич|ьич|мич|кич|тич)(|а|у|ем|ом|е)$");
        private static final Pattern FEMININE = Pattern.compile("^[а-яё]+(?:-[а-яё]+)?(?:овн|евн|ичн)(а|ы|е|у|ой|ою)$");

        private Patronymics() {
        }

        static Set<Integer> readings(String word) {
            if (word.isEmpty() || !Character.isUpperCase(word.charAt(0))) {
                return Set.of();
            }
            String w = word.toLowerCase(Locale.ROOT);
            Matcher m = MASCULINE.matcher(w);
            if (m.matches()) {
                return switch (m.group(1)) {
                    case "" -> Set.of(index(Gender.M, Case.NOM));
                    case "а" -> Set.of(index(Gender.M, Case.GEN), index(Gender.M, Case.ACC));
                    case "у" -> Set.of(index(Gender.M, Case.DAT));
                    case "е" -> Set.of(index(Gender.M, Case.PREP));
                    default -> Set.of(index(Gender.M, Case.INS));
                };
            }
            m = FEMININE.matcher(w);
            if (m.matches()) {
                return switch (m.group(1)) {
                    case "а" -> Set.of(index(Gender.F, Case.NOM));
                    case "ы" -> Set.of(index(Gender.F, Case.GEN));
                    case "е" -> Set.of(index(Gender.F, Case.DAT), index(Gender.F, Case.PREP));
                    case "у" -> Set.of(index(Gender.F, Case.ACC));
                    default -> Set.of(index(Gender.F, Case.INS));
                };
            }
            return Set.of();
        }

        static boolean is(String word) {
            return !readings(word).isEmpty();
        }
    }

    // --- reading a passage -------------------------------------------------------------------------------------

    /** Position words: the case (and for some, the gender) of the name they stand beside. */
    static final class Positions {

        private static final String HARD = "директор|методист|начальник|специалист|инспектор|консультант|эксперт|ректор"
                + "|проректор|педагог|психолог|логопед|дефектолог|аналитик|программист|координатор|куратор|советник"
                + "|сотрудник|член|депутат|администратор|тьютор|технолог|юрист|экономист|инженер|министр|губернатор|мэр"
                + "|референт|бухгалтер|президент|вице-президент|ученик|студент|организатор|лаборант";
        private static final String SOFT = "заместител|учител|руководител|председател|преподавател|представител"
                + "|воспитател|секретар|исполнител|слушател";
        private static final String ADJECTIVAL = "заведующ|главн|ведущ|старш|исполняющ|перв|уполномоченн|ответственн";
        private static final Pattern NOUN_HARD = Pattern.compile("^(?:" + HARD + ")(|а|у|ом|е)$");
        private static final Pattern NOUN_SOFT = Pattern.compile("^(?:" + SOFT + ")(ь|я|ю|ем|е)$");
        private static final Pattern ADJECTIVE = Pattern.compile("^(?:" + ADJECTIVAL + ")(ий|ый|ая|его|ого|ему|ому|им|ым|ем|ом|ую|юю|ей|ой)$");
        private static final Pattern HEAD = Pattern.compile("^глав(а|ы|е|у|ой)$");

        private Positions() {
        }

        /** The readings a position word allows its name, or an empty set for a word that is no position. */
        static Set<Integer> readings(String word) {
            String w = word.toLowerCase(Locale.ROOT);
            Matcher m = NOUN_HARD.matcher(w);
            if (m.matches()) {
                return both(switch (m.group(1)) {
                    case "" -> new Case[]{Case.NOM};
                    case "а" -> new Case[]{Case.GEN, Case.ACC};
                    case "у" -> new Case[]{Case.DAT};
                    case "ом" -> new Case[]{Case.INS};
                    default -> new Case[]{Case.PREP};
                });
            }
            m = NOUN_SOFT.matcher(w);
            if (m.matches()) {
                return both(switch (m.group(1)) {
                    case "ь" -> new Case[]{Case.NOM};
                    case "я" -> new Case[]{Case.GEN, Case.ACC};
                    case "ю" -> new Case[]{Case.DAT};
                    case "ем" -> new Case[]{Case.INS};
                    default -> new Case[]{Case.PREP};
                });
            }
            m = HEAD.matcher(w);
            if (m.matches()) {
                return both(switch (m.group(1)) {
                    case "а" -> new Case[]{Case.NOM};
                    case "ы" -> new Case[]{Case.GEN};
                    case "е" -> new Case[]{Case.DAT, Case.PREP};
                    case "у" -> new Case[]{Case.ACC};
                    default -> new Case[]{Case.INS};
                });
            }
            m = ADJECTIVE.matcher(w);
            if (m.matches()) {
                // the masculine forms serve women too («главного специалиста Петровой»); the feminine ones only them
                return switch (m.group(1)) {
                    case "ий", "ый" -> both(Case.NOM);
                    case "ая" -> Set.of(index(Gender.F, Case.NOM));
                    case "его", "ого" -> both(Case.GEN, Case.ACC);
                    case "ему", "ому" -> both(Case.DAT);
                    case "им", "ым" -> both(Case.INS);
                    case "ем", "ом" -> both(Case.PREP);
                    case "ую", "юю" -> Set.of(index(Gender.F, Case.ACC));
                    default -> Set.of(index(Gender.F, Case.GEN), index(Gender.F, Case.DAT), index(Gender.F, Case.INS),
                            index(Gender.F, Case.PREP));
                };
            }
            return Set.of();
        }

        private static Set<Integer> both(Case... cases) {
            Set<Integer> result = new HashSet<>();
            for (Case c : cases) {
                result.add(index(Gender.M, c));
                result.add(index(Gender.F, c));
            }
            return result;
        }
    }

    /** A word, an initial («И.») or a mark of punctuation, where it stands in the passage. */
    private record Token(String text, int start, int end, boolean initial) {

        boolean word() {
            return !initial && Character.isLetter(text.charAt(0));
        }

        boolean is(String mark) {
            return text.equals(mark);
        }

        String lower() {
            return text.toLowerCase(Locale.ROOT);
        }
    }

    /** A name's tokens: the surname, the first name and patronymic if written, the initials, and where it ends. */
    private record Name(int start, int end, Token surname, Token first, Token patronymic, String initials) {
    }

    /** What a word that governs a name says of it: the cases it asks for and, for a verb, the speaker's gender. */
    private record Governor(double[] caseWeights, Gender gender, boolean opensSpeakers) {
    }

    /** Reads one passage for the names in a speaker's place. */
    static final class PassageReader {

        /** A word ends where a capital follows a small letter: «выступилаПетрова» is two words glued by extraction. */
        private static final String WORD = "(?:[А-ЯЁA-Z]+[а-яёa-z]*|[а-яёa-z]+)";
        private static final Pattern TOKEN = Pattern.compile(
                "(?<![А-ЯЁа-яё])[А-ЯЁ]\\.|" + WORD + "(?:-(?:[ \\t]*\\R[ \\t]*)?" + WORD + ")*|\\d+|\\S");
        /** Words written with a capital that are never a surname before initials. */
        private static final Set<String> STOP = Set.of("слушали", "заслушали", "заслушав", "выступили", "докладчик",
                "докладчики", "содокладчик", "информацию", "информация", "информации", "доклад", "сообщение", "решили",
                "постановили", "решение", "председатель", "секретарь", "присутствовали", "ответственный", "ответственные",
                "срок", "по", "о", "об", "в", "во", "на", "с", "со", "к", "для", "и", "а", "но", "также", "она", "он",
                "они", "их", "ее", "её", "его", "им", "ей", "ему", "тема", "вопрос", "приказ", "письмо", "итоги", "при",
                "от", "до", "из", "за", "после", "согласно", "отв", "исп", "тел", "повестка", "протокол", "приложение",
                "страница", "управление", "департамент", "комитет", "отдел", "центр", "школа", "гимназия", "лицей",
                "администрация", "совет", "совещание", "министерство", "россии", "федерации", "области", "района",
                "это", "все", "всем", "далее", "вместе", "совместно", "кроме", "затем", "потом", "слово");
        private static final Pattern SPEAKER_VERB = Pattern.compile(
                "^(выступил|выступал|сообщил|доложил|представил|отметил|рассказал|проинформировал|информировал|ознакомил"
                        + "|подчеркнул|пояснил|предложил|обратил|проанализировал|охарактеризовал|остановил|познакомил"
                        + "|озвучил|довел|довёл|указал|поделил|отчитал|привел|привёл|говорил|обозначил|раскрыл|осветил"
                        + "|напомнил|акцентировал|огласил|зачитал|продемонстрировал|презентовал|констатировал|добавил"
                        + "|дополнил|высказал|призвал|проинформировал|доложил|выразил|представил|изложил|информировал"
                        + "|сказал|заявил|рекомендовал|ответил|поддержал|внес|внёс|внесл)(а|и|о)?(сь|ся)?$");
        private static final Pattern TOPIC = Pattern.compile(
                "^(?:о|об|обо|что|чтобы|котор[а-яё]*|согласно|соответствии|письм[а-яё]*|приказ[а-яё]*|распоряжени[а-яё]*"
                        + "|постановлени[а-яё]*|поручени[а-яё]*|подписанн[а-яё]*|утвержденн[а-яё]*|утверждённ[а-яё]*)$");
        private static final Pattern RELATIVE = Pattern.compile("^котор(ая|ую|ой|ый|ого|ому|ым)$");
        private static final Pattern GENITIVE_GOVERNOR = Pattern.compile(
                "^(?:информаци[юия]|(?:со)?доклад(?:а|ы)?|сообщени[ея]|выступлени[ея]|отч[её]т[а]?|презентаци[юи]|предложени[ея]"
                        + "|справк[уи]|мнени[ея])$");
        private static final Pattern PRONOUN = Pattern.compile("^(?:она|он|они)$");
        /** A position in the genitive that names the next one heard: «и директора …», «и заместителя начальника …». */
        private static final Pattern POSITION_GENITIVE = Pattern.compile(
                "^(?:директора|заместителя|начальника|руководителя|методиста|учителя|специалиста|председателя|заведующего"
                        + "|заведующей|консультанта|педагога-психолога|социального|главного|ведущего|старшего)$");
        private static final Pattern HEARING = Pattern.compile("^(?:слушали|заслушали|заслушав|заслушать)$");
        private static final Pattern INSTRUMENTAL_GOVERNOR = Pattern.compile(
                "^(?:представленн|подготовленн|сделанн|озвученн|изложенн|прочитанн)[а-яё]*$");
        private static final Set<String> ABBREVIATIONS = Set.of("им", "ул", "пр", "др", "ст", "гг", "см", "руб", "тыс",
                "обл", "ред", "прим", "корп", "каб", "тел", "доп", "мкр", "пер", "просп", "пос", "отв", "исп");

        private static final Set<String> PLACE_ABBREVIATIONS = Set.of("г", "с", "п", "д", "пос", "пгт", "ул", "пр", "р", "х");

        private final String text;
        private final List<Token> tokens = new ArrayList<>();

        PassageReader(String text) {
            this.text = text;
            Matcher m = TOKEN.matcher(text);
            while (m.find()) {
                // «Римской-» / «Корсаковой»: a double surname wrapped at its hyphen is one word
                String word = m.group().replaceAll("\\s+", "");
                tokens.add(new Token(word, m.start(), m.end(), word.length() == 2 && word.endsWith(".")));
            }
        }

        private Token at(int i) {
            return i >= 0 && i < tokens.size() ? tokens.get(i) : null;
        }

        List<Mention> mentions() {
            List<Mention> result = new ArrayList<>();
            double[] govern = new double[CASES];
            Gender pendingGender = null;
            boolean eligible = true;
            int preStart = 0;
            int quotes = 0;
            Mention lastInClause = null;
            boolean lastHasVerb = false;
            boolean hearing = false;
            boolean pronounSubject = false;
            Boolean eligibleBeforeBracket = null;
            for (int i = 0; i < tokens.size(); i++) {
                Token t = tokens.get(i);
                if (t.is("«") || t.is("“") || t.is("„")) {
                    quotes++;
                    continue;
                }
                if (t.is("»") || t.is("”")) {
                    // «МБДОУ «Детский сад «Солнышко» Олейник Т.Ю.»: nested quotes typed with one closing mark; a name
                    // with its initials right after it is outside them all
                    boolean nameAfter = i + 2 < tokens.size() && nameAt(i + 1) != null && (nameAt(i + 1).initials() != null
                            && initialsAt(i + 2) != null
                            // «… «Радуга» Шевчук Натальи Андреевны»: the name in full, its patronymic third
                            || i + 3 < tokens.size() && !Patronymics.readings(tokens.get(i + 3).text()).isEmpty());
                    quotes = quotes > 1 && nameAfter ? 0 : Math.max(0, quotes - 1);
                    continue;
                }
                if (t.is("\"")) {
                    quotes = quotes > 0 ? 0 : 1;
                    continue;
                }
                if (quotes > 0 && t.is(";")) {
                    // a quote left open by nested quotes typed with one closing mark ends with its list entry
                    quotes = 0;
                }
                if (quotes > 0) {
                    continue;
                }
                if (t.is(";") || t.is(":")) {
                    // «СЛУШАЛИ:», «Выступили:» open a list of people; «Рассмотрены следующие программы:» opens none
                    eligible |= t.is(";") || i <= 2 || at(i - 1) != null && governor(at(i - 1).lower()) != null;
                    preStart = i + 1;
                    pronounSubject = false;
                    if (t.is(";")) {
                        lastInClause = null;
                    }
                    continue;
                }
                if (newEntry(i)) {
                    // the label over a list («СЛУШАЛИ:» and then «1. …», «2. …») still governs each entry
                    eligible = true;
                    pendingGender = null;
                    preStart = i;
                    lastInClause = null;
                    pronounSubject = false;
                }
                if (sentenceEnd(i)) {
                    eligible = true;
                    govern = new double[CASES];
                    govern[Case.NOM.ordinal()] = 1;
                    pendingGender = null;
                    preStart = i + 1;
                    lastInClause = null;
                    pronounSubject = false;
                    continue;
                }
                if (!t.word() && !t.initial()) {
                    // «Выступили: Ефимова Т.Р. (о графике …), Пак С.Е. (…)»: what a remark in brackets says about one
                    // speaker ends with it, and the list goes on; names in brackets inside a sentence («Математика,
                    // 5–6 классы (Кузьмина Т.В.)») are what was said, unless the bracket opens an entry
                    if (t.is("(")) {
                        eligibleBeforeBracket = eligible;
                        // «выступления руководителей секций (Чебодаевой Н.П., Кызласовой А.И., Ли Г.В.)»: a bracket of
                        // names only, right after those heard, names them
                        eligible &= preStart == i || namesOnlyInBracket(i);
                    } else if (t.is(")") && eligibleBeforeBracket != null) {
                        eligible = eligibleBeforeBracket;
                        eligibleBeforeBracket = null;
                    }
                    if (t.is(",") || t.is("(") || t.is(")") || t.is("–") || t.is("—") || t.is("-")) {
                        preStart = i + 1;
                    }
                    continue;
                }
                String lw = t.lower();
                if (PRONOUN.matcher(lw).matches()) {
                    pronounSubject = true;
                }
                Governor governor = governor(lw);
                if (governor != null && isPredicate(lw, lastInClause != null || pronounSubject, i)) {
                    // «Иванова И.П. отметила работу учителей Петровой А.А.», «Она предложила наградить …»: the verb of
                    // a speaker named already; whom it names is what was said, not who spoke
                    if (lastInClause != null && !lastHasVerb && governor.gender() != null) {
                        lastInClause.genderHint(governor.gender(), 2);
                        lastHasVerb = true;
                    }
                    eligible = false;
                    preStart = i + 1;
                    continue;
                }
                if (governor != null) {
                    if (governor.gender() != null && lastInClause != null && !lastHasVerb) {
                        // a verb after a name, «Петрова С.В. отметила …», tells that name's gender
                        lastInClause.genderHint(governor.gender(), 2);
                        lastHasVerb = true;
                    } else {
                        pendingGender = governor.gender();
                        govern = governor.caseWeights();
                    }
                    hearing |= HEARING.matcher(lw).matches();
                    // «Заслушав информацию А о …, информацию Б об …, доклад В»: each thing heard names its speaker
                    eligible |= governor.opensSpeakers() || hearing && listsAnother(i);
                    preStart = i + 1;
                    continue;
                }
                Matcher relative = RELATIVE.matcher(lw);
                if (relative.matches() && lastInClause != null && !lastHasVerb) {
                    String ending = relative.group(1);
                    Gender gender = ending.equals("ая") || ending.equals("ую") || ending.equals("ой") ? Gender.F : Gender.M;
                    lastInClause.genderHint(gender, 1.5);
                }
                if (hearing && !eligible && listsAnother(i) && POSITION_GENITIVE.matcher(lw).matches()) {
                    // «Заслушав информацию А об итогах … и директора МБОУ «СОШ № 2» Б об опыте …»: a second one heard
                    eligible = true;
                    govern = new double[CASES];
                    govern[Case.GEN.ordinal()] = 1;
                    pendingGender = null;
                    preStart = i;
                }
                if (TOPIC.matcher(lw).matches()) {
                    eligible = false;
                    continue;
                }
                Name name = nameAt(i);
                if (name == null) {
                    continue;
                }
                if (eligible && !namesake(name.start())) {
                    Mention mention = mention(name, govern, pendingGender, preStart);
                    result.add(mention);
                    lastInClause = mention;
                    lastHasVerb = pendingGender != null;
                }
                pendingGender = null;
                preStart = name.end();
                i = name.end() - 1;
            }
            return result;
        }

        /** «слушали» (accusative, loosely nominative), «информацию» (genitive), «выступила» (nominative, a woman). */
        private static Governor governor(String lw) {
            double[] weights = new double[CASES];
            switch (lw) {
                case "слушали", "заслушали", "заслушав", "заслушать" -> {
                    weights[Case.ACC.ordinal()] = 1;
                    weights[Case.NOM.ordinal()] = lw.equals("заслушав") ? 0 : 0.5;
                    return new Governor(weights, null, true);
                }
                case "докладчик", "докладчики", "содокладчик", "содокладчики", "выступающий", "выступающие", "участие",
                     "докладывает", "докладывают" -> {
                    weights[Case.NOM.ordinal()] = 1;
                    return new Governor(weights, null, true);
                }
                case "выступающая" -> {
                    weights[Case.NOM.ordinal()] = 1;
                    return new Governor(weights, Gender.F, true);
                }
                case "предоставлено", "предоставили", "предоставить", "предоставляется" -> {
                    weights[Case.DAT.ordinal()] = 1;
                    return new Governor(weights, null, true);
                }
                default -> {
                }
            }
            if (INSTRUMENTAL_GOVERNOR.matcher(lw).matches()) {
                // «информация, представленная начальником отдела Петровой С.В.»
                weights[Case.INS.ordinal()] = 1;
                return new Governor(weights, null, true);
            }
            if (GENITIVE_GOVERNOR.matcher(lw).matches()) {
                weights[Case.GEN.ordinal()] = 1;
                return new Governor(weights, null, false);
            }
            Matcher verb = SPEAKER_VERB.matcher(lw);
            if (verb.matches()) {
                weights[Case.NOM.ordinal()] = 1;
                String ending = verb.group(2);
                Gender gender = ending == null ? Gender.M : ending.equals("а") ? Gender.F : null;
                if ("о".equals(ending)) {
                    return null;
                }
                return new Governor(weights, gender, true);
            }
            return null;
        }

        /**
         * A line that starts a list's next entry («2. Информацию Гладких В.С. …») or follows a line that ended with
         * «.», «;» or «:»: the topic of the line before does not go on into it.
         */
        private boolean newEntry(int i) {
            Token before = at(i - 1);
            Token t = tokens.get(i);
            if (before == null || text.substring(before.end(), t.start()).indexOf('\n') < 0) {
                return false;
            }
            Token after = at(i + 1);
            boolean numbered = t.text().chars().allMatch(Character::isDigit) && after != null
                    && (after.is(".") || after.is(")"));
            boolean bullet = t.is("-") || t.is("–") || t.is("—") || t.is("•");
            return numbered || bullet || before.is(".") || before.is(";") || before.is(":");
        }

        /**
         * A speaker's verb whose subject is named already in its clause (a name, «она»): not «выступил» (one spoke,
         * then another), nor «дополнил Петров П.П.» (a verb that takes no one as its object, before its own subject).
         */
        private boolean isPredicate(String lw, boolean subjectNamed, int i) {
            if (!subjectNamed || !SPEAKER_VERB.matcher(lw).matches() || lw.startsWith("выступ")) {
                return false;
            }
            boolean inverted = (lw.startsWith("дополн") || lw.startsWith("добав")) && at(i + 1) != null && nameAt(i + 1) != null;
            return !inverted;
        }

        /** The word at i follows a comma or «и»: the next in a list of what was heard. */
        /**
         * Whether the bracket opened at {@code i}, a few words after what was heard («выступления руководителей секций
         * (…)»), holds names with their initials, commas and «и» only.
         */
        private boolean namesOnlyInBracket(int i) {
            boolean heard = false;
            for (int k = i - 1; k >= Math.max(0, i - 4) && !heard; k--) {
                heard = GENITIVE_GOVERNOR.matcher(tokens.get(k).lower()).matches();
            }
            if (!heard) {
                // «Математика, 5–6 классы (Кузьмина Т.В., Гришин А.П.)»: names in brackets after anything but what was
                // heard are what was said
                return false;
            }
            int names = 0;
            for (int k = i + 1; k < tokens.size() && k < i + 40; k++) {
                Token t = tokens.get(k);
                if (t.is(")")) {
                    return names > 0;
                }
                if (t.initial()) {
                    continue;
                }
                if (t.is(",") || t.lower().equals("и")) {
                    continue;
                }
                if (t.word() && Character.isUpperCase(t.text().charAt(0)) && k + 1 < tokens.size() && tokens.get(k + 1).initial()) {
                    names++;
                    continue;
                }
                return false;
            }
            return false;
        }

        private boolean listsAnother(int i) {
            Token before = at(i - 1);
            // «…, а также выступления учителя Ермакова Ю.Б.»: «также» lists another too
            return before != null && (before.is(",") || before.lower().equals("и") || before.lower().equals("также"));
        }

        /** A full stop after a word (not an initial, not «г.», not «им.») before a capital letter. */
        private boolean sentenceEnd(int i) {
            Token t = tokens.get(i);
            if (!(t.is(".") || t.is("!") || t.is("?") || t.is("…"))) {
                return false;
            }
            Token before = at(i - 1);
            Token after = at(i + 1);
            if (before == null || after == null || !Character.isUpperCase(after.text().charAt(0))) {
                return false;
            }
            if (t.is(".") && before.word() && (before.text().length() < 2 || ABBREVIATIONS.contains(before.lower()))) {
                return false;
            }
            return !before.initial();
        }

        /** «им. А.С. Пушкина», «имени Н.Н. Миклухо-Маклая»: a school's name, not a person present. */
        private boolean namesake(int start) {
            Token before = at(start - 1);
            if (before == null) {
                return false;
            }
            if (before.is(".")) {
                Token word = at(start - 2);
                return word != null && word.lower().equals("им");
            }
            return before.lower().equals("имени");
        }

        private boolean isCapitalised(Token t) {
            if (t == null || !t.word() || t.text().length() < 2) {
                return false;
            }
            String s = t.text();
            if (!Character.isUpperCase(s.charAt(0)) || !Character.UnicodeBlock.of(s.charAt(0)).equals(Character.UnicodeBlock.CYRILLIC)) {
                return false;
            }
            for (int k = 1; k < s.length(); k++) {
                char c = s.charAt(k);
                if (Character.isUpperCase(c) && s.charAt(k - 1) != '-') {
                    return false;
                }
            }
            return true;
        }

        private boolean isSurname(Token t) {
            return surnameShaped(t) && !Patronymics.is(t.text());
        }

        /** Beside initials, «Ивашкевич», «Петрович» are surnames, whatever patronymics they look like. */
        private boolean surnameShaped(Token t) {
            return isCapitalised(t) && !STOP.contains(t.lower()) && governor(t.lower()) == null
                    && Positions.readings(t.text()).isEmpty() && !TOPIC.matcher(t.lower()).matches();
        }

        /** The initials from token i on: «И.П.», «И. П.», «И.П» at the end of a line; null when none. */
        private String initialsAt(int i) {
            Token first = at(i);
            if (first == null || !first.initial()) {
                return null;
            }
            Token second = at(i + 1);
            if (second != null && second.initial() && second.start() - first.end() <= 1) {
                return first.text() + second.text();
            }
            if (second != null && second.word() && second.text().length() == 1 && Character.isUpperCase(second.text().charAt(0))
                    && second.start() - first.end() <= 1) {
                Token after = at(i + 2);
                if (after == null || !after.word() || after.start() > second.end()) {
                    return first.text() + second.text() + ".";
                }
            }
            return first.text();
        }

        private int initialTokens(String initials) {
            return initials.length() / 2;
        }

        private Name nameAt(int i) {
            Token t = at(i);
            if (t.initial()) {
                String initials = initialsAt(i);
                Token surname = at(i + initialTokens(initials));
                if (surname != null && surnameShaped(surname)
                        && surname.start() - at(i + initialTokens(initials) - 1).end() <= 1) {
                    return new Name(i, i + initialTokens(initials) + 1, surname, null, null, initials);
                }
                return null;
            }
            if (isCapitals(t)) {
                return capitalSurnameAt(i);
            }
            if (!isCapitalised(t) || STOP.contains(t.lower())) {
                return null;
            }
            // Ирину Петровну Иванову
            if (Patronymics.is(at(i + 1) == null ? "" : at(i + 1).text()) && isSurname(at(i + 2))
                    && !Patronymics.is(t.text())) {
                return new Name(i, i + 3, at(i + 2), t, at(i + 1), initial(t) + initial(at(i + 1)));
            }
            boolean fullName = isCapitalised(at(i + 1)) && at(i + 2) != null && Patronymics.is(at(i + 2).text());
            if (!(isSurname(t) || surnameShaped(t) && (initialsAt(i + 1) != null || fullName)) || isPlace(i)) {
                return null;
            }
            // Иванову Ирину Петровну
            if (isCapitalised(at(i + 1)) && at(i + 2) != null && Patronymics.is(at(i + 2).text())) {
                return new Name(i, i + 3, t, at(i + 1), at(i + 2), initial(at(i + 1)) + initial(at(i + 2)));
            }
            // Иванову И.П.
            String initials = initialsAt(i + 1);
            if (initials != null) {
                return new Name(i, i + 1 + initialTokens(initials), t, null, null, initials);
            }
            // Гусеву Анну
            Token first = at(i + 1);
            if (first != null && FirstNames.known(first.text()) && isCapitalised(first) && !isCapitalised(at(i + 2))) {
                return new Name(i, i + 2, t, first, null, initial(first));
            }
            return null;
        }

        /** ИВАНОВУ Ирину Петровну, ПЕТРОВ П.П. — but not «ЦОКО И.П. Иванова», where the name follows the initials. */
        private Name capitalSurnameAt(int i) {
            Token t = at(i);
            StringBuilder titled = new StringBuilder();
            for (String part : t.text().split("-")) {
                titled.append(titled.isEmpty() ? "" : "-").append(part.charAt(0)).append(part.substring(1).toLowerCase(Locale.ROOT));
            }
            Token surname = new Token(titled.toString(), t.start(), t.end(), false);
            if (isCapitalised(at(i + 1)) && at(i + 2) != null && Patronymics.is(at(i + 2).text())) {
                return new Name(i, i + 3, surname, at(i + 1), at(i + 2), initial(at(i + 1)) + initial(at(i + 2)));
            }
            String initials = initialsAt(i + 1);
            if (initials != null && !isCapitalised(at(i + 1 + initialTokens(initials)))
                    && !isCapitals(at(i + 1 + initialTokens(initials)))) {
                return new Name(i, i + 1 + initialTokens(initials), surname, null, null, initials);
            }
            return null;
        }

        /** A word in capitals that may be a surname so written: not a label («ВЫСТУПИЛИ»), not after «г.». */
        private boolean isCapitals(Token t) {
            if (t == null || !t.word() || t.text().replace("-", "").length() < 3) {
                return false;
            }
            for (char c : t.text().toCharArray()) {
                if (c != '-' && !(Character.isUpperCase(c) && Character.UnicodeBlock.of(c) == Character.UnicodeBlock.CYRILLIC)) {
                    return false;
                }
            }
            return !STOP.contains(t.lower()) && governor(t.lower()) == null && !TOPIC.matcher(t.lower()).matches()
                    && Positions.readings(t.text()).isEmpty();
        }

        /** «г. Томска», «с. Новиково»: a place after its abbreviation, not a surname before the initials that follow. */
        private boolean isPlace(int i) {
            Token dot = at(i - 1);
            Token word = at(i - 2);
            return dot != null && word != null && dot.is(".") && PLACE_ABBREVIATIONS.contains(word.lower());
        }

        private static String initial(Token t) {
            return Character.toUpperCase(t.text().charAt(0)) + ".";
        }

        private Mention mention(Name name, double[] govern, Gender pendingGender, int preStart) {
            Mention mention = new Mention(name.surname().text(), name.initials().replace(" ", ""));
            if (name.first() != null) {
                mention.jointHint(FirstNames.readings(name.first().text()), 3);
            }
            if (name.patronymic() != null) {
                mention.jointHint(Patronymics.readings(name.patronymic().text()), 3);
            }
            for (Case c : Case.values()) {
                if (govern[c.ordinal()] > 0) {
                    mention.caseHint(govern[c.ordinal()], c);
                }
            }
            if (pendingGender != null) {
                mention.genderHint(pendingGender, 2);
            }
            // «… начальника отдела Петровой»: the position's head is the first position word before the name
            for (int k = preStart; k < name.start(); k++) {
                Set<Integer> readings = Positions.readings(tokens.get(k).text());
                if (!readings.isEmpty()) {
                    mention.jointHint(readings, 2);
                    break;
                }
            }
            // «Иванову И.П., директора …», «Кузнецов К.К. – директор …»
            int k = name.end();
            while (at(k) != null && (at(k).is(",") || at(k).is("–") || at(k).is("—") || at(k).is("-") || at(k).is("(")
                    || at(k).is(".") || at(k).word() && at(k).text().length() == 1 && Character.isLowerCase(at(k).text().charAt(0)))) {
                k++;
            }
            for (int n = 0; n < 3 && at(k + n) != null && at(k + n).word(); n++) {
                Set<Integer> readings = Positions.readings(at(k + n).text());
                if (!readings.isEmpty()) {
                    mention.jointHint(readings, 2);
                    break;
                }
            }
            return mention;
        }
    }
}
