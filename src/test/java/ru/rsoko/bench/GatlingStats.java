package ru.rsoko.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The load lines from a Gatling report (Gatling 3.15 writes its statistics only into {@code index.html}'s table):
 * per request name its count, p50 and p95, throughput over the loop's duration and errors. Login requests are left
 * out: each user logs in once, the loop is what is measured.
 */
final class GatlingStats {

    private static final Pattern ROW = Pattern.compile("<tr id=\"req_[^\"]*\"[^>]*>(.*?)</tr>", Pattern.DOTALL);
    private static final Pattern NAME = Pattern.compile("class=\"ellipsed-name\">([^<]*)<");
    private static final Pattern CELL = Pattern.compile("class=\"value [a-z]+ col-(\\d+)\">([^<]*)<");

    private GatlingStats() {
    }

    static List<String> read(Path report, int loopSeconds) throws Exception {
        List<String> lines = new ArrayList<>();
        Path index = report.resolve("index.html");
        if (!Files.exists(index)) {
            lines.add("нет отчёта Gatling (" + report + ")\t\t\t\t\t");
            return lines;
        }
        Matcher row = ROW.matcher(Files.readString(index));
        while (row.find()) {
            Matcher name = NAME.matcher(row.group(1));
            if (!name.find() || name.group(1).startsWith("вход")) {
                continue;
            }
            Map<Integer, String> cells = new HashMap<>();
            Matcher cell = CELL.matcher(row.group(1));
            while (cell.find()) {
                cells.put(Integer.parseInt(cell.group(1)), cell.group(2).strip());
            }
            long total = Long.parseLong(cells.getOrDefault(2, "0"));
            // columns of Gatling's table: 2 total, 4 KO, 8 50th pct, 10 95th pct
            lines.add(String.join("\t", name.group(1).replace("&#x2F;", "/"), String.valueOf(total), cells.getOrDefault(8, "?"),
                    cells.getOrDefault(10, "?"), String.format(Locale.ROOT, "%.1f", (double) total / loopSeconds),
                    cells.getOrDefault(4, "?")));
        }
        return lines;
    }
}
