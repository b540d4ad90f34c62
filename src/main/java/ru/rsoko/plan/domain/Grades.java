package ru.rsoko.plan.domain;

import java.util.TreeSet;

/** Grades as people write them in a plan: «4–8», «4-8 классы», «4, 6, 11», «10». */
final class Grades {

    private Grades() {
    }

    /** The grades written, or null when nothing is; an error names what is wrong. */
    static Integer[] parse(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String cleaned = text.toLowerCase().replace("классы", "").replace("класс", "").replace("кл.", "")
                .replace('—', '-').replace('–', '-').replace(';', ',').strip();
        TreeSet<Integer> grades = new TreeSet<>();
        for (String part : cleaned.split(",")) {
            String p = part.strip();
            if (p.isEmpty()) {
                continue;
            }
            String[] range = p.split("-");
            if (range.length == 1) {
                grades.add(grade(range[0], text));
            } else if (range.length == 2) {
                int from = grade(range[0], text);
                int to = grade(range[1], text);
                if (from > to) {
                    throw new IllegalArgumentException("Классы «" + text + "»: начало диапазона больше конца");
                }
                for (int g = from; g <= to; g++) {
                    grades.add(g);
                }
            } else {
                throw new IllegalArgumentException("Классы «" + text + "» не поняты: напишите, например, «4–8» или «4, 6, 11»");
            }
        }
        return grades.isEmpty() ? null : grades.toArray(Integer[]::new);
    }

    private static int grade(String s, String text) {
        try {
            int g = Integer.parseInt(s.strip());
            if (g < 1 || g > 11) {
                throw new IllegalArgumentException("Классы «" + text + "»: класс должен быть от 1 до 11");
            }
            return g;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Классы «" + text + "» не поняты: напишите, например, «4–8» или «4, 6, 11»");
        }
    }
}
