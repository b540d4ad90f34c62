package ru.rsoko.bench;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.flywaydb.core.Flyway;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import ru.rsoko.platform.database.EmbeddedPostgresFactory;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The national benchmark (issue 14): {@code ./mvnw -Pbench verify}. Not a test — it asserts no time, only prints.
 * <ol>
 * <li>Generates the national dataset ({@link BenchData}) once into its own embedded PostgreSQL under {@code bench.data}
 * (reused on the next run; {@code -Dbench.fresh=true} regenerates, {@code -Dbench.scale=0.02} makes a small one).</li>
 * <li>Starts the packaged application ({@code java -jar}, port {@code bench.port}) on that database.</li>
 * <li>Times each endpoint over HTTP as the right user ({@code bench.runs} runs after 3 warm-ups), each beside the raw SQL of
 * the same answer over the base tables, measured via JDBC in the same run, alternately.</li>
 * <li>Runs Gatling's load case ({@code LoadSimulation}: 50 regional users on their dashboards, then 200 directors on their
 * home pages) in its own JVM.</li>
 * <li>Prints one table and writes it to {@code target/bench/} (bench.md, bench.csv).</li>
 * </ol>
 */
public final class NationalBench {

    static final int WARMUPS = 3;

    private final Path data = Path.of(System.getProperty("bench.data", "target/bench-data")).toAbsolutePath();
    private final Path out = Path.of(System.getProperty("bench.out", "target/bench")).toAbsolutePath();
    private final double scale = Double.parseDouble(System.getProperty("bench.scale", "1"));
    private final boolean fresh = Boolean.parseBoolean(System.getProperty("bench.fresh", "false"));
    private final int port = Integer.getInteger("bench.port", 8191);
    private final int runs = Integer.getInteger("bench.runs", 15);
    private final int loadSeconds = Integer.getInteger("bench.load.seconds", 60);
    private final int warmupSeconds = Integer.getInteger("bench.warmup.seconds", 60);
    private final String base = "http://localhost:" + port;
    private final List<String[]> table = new ArrayList<>();
    private final List<String> loadLines = new ArrayList<>();

    public static void main(String[] args) throws Exception {
        new NationalBench().run();
        System.exit(0);
    }

    void run() throws Exception {
        Files.createDirectories(out);
        LocalDate today = LocalDate.now(ZoneId.of("Europe/Moscow"));
        Path cluster = data.resolve("postgres");
        Path marker = data.resolve("generated.txt");
        if (fresh || !Files.exists(marker)) {
            deleteRecursively(data);
            Files.createDirectories(cluster);
            BenchData.log("Создаю набор данных (масштаб %s) в %s", scale, data);
            // generation only: no fsync, big WAL; the measured runs start the cluster with the application's settings
            try (EmbeddedPostgres pg = EmbeddedPostgresFactory.builder(cluster, false)
                    .setServerConfig("fsync", "off").setServerConfig("synchronous_commit", "off")
                    .setServerConfig("full_page_writes", "off").setServerConfig("max_wal_size", "8GB")
                    .setServerConfig("maintenance_work_mem", "256MB").start();
                 Connection db = connect(pg)) {
                migrate(pg);
                String hash = "{bcrypt}" + new BCryptPasswordEncoder().encode(BenchData.PASSWORD);
                new BenchData(db, scale, today.getYear(), today).generate(hash);
                rebuildSummaries(db);
            }
            Files.writeString(marker, "scale=" + scale + "\ngenerated=" + ZonedDateTime.now() + "\n");
        } else {
            BenchData.log("Набор данных уже создан (%s): %s", data, Files.readString(marker).replace('\n', ' '));
        }

        try (EmbeddedPostgres pg = EmbeddedPostgresFactory.builder(cluster, false).setServerConfig("fsync", "on").start();
             Connection db = connect(pg)) {
            migrate(pg);
            Process app = startApp(pg.getPort());
            try {
                waitUntilUp(app);
                measure(db, today);
                load(db);
            } finally {
                app.destroy();
                if (!app.waitFor(60, TimeUnit.SECONDS)) {
                    app.destroyForcibly();
                }
            }
        }
        report();
    }

    // ---------------------------------------------------------------- the database

    private static Connection connect(EmbeddedPostgres pg) throws SQLException {
        return DriverManager.getConnection(pg.getJdbcUrl("postgres", "postgres"));
    }

    /** The application's migrations, so that the generator writes into the schema the application will validate. */
    private static void migrate(EmbeddedPostgres pg) {
        Flyway.configure().dataSource(pg.getPostgresDatabase()).locations("classpath:db/migration").load().migrate();
    }

    /** Summary tables (being added by the lead, V17) are rebuilt from the records if the function exists. */
    private static void rebuildSummaries(Connection db) throws SQLException {
        try (Statement st = db.createStatement();
             ResultSet rs = st.executeQuery("select to_regproc('rsoko_rebuild_summaries') is not null")) {
            rs.next();
            if (rs.getBoolean(1)) {
                long t = System.nanoTime();
                st.execute("select rsoko_rebuild_summaries()");
                BenchData.log("rsoko_rebuild_summaries() за %.0f с", (System.nanoTime() - t) / 1e9);
            } else {
                BenchData.log("rsoko_rebuild_summaries() нет в схеме: сводные таблицы не перестраиваются");
            }
        }
    }

    // ---------------------------------------------------------------- the application

    private Process startApp(int dbPort) throws IOException {
        Path jar = Path.of(System.getProperty("bench.jar", "target/rsoko-0.1.0-SNAPSHOT.jar"));
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        // -Dbench.jvm="-XX:StartFlightRecording=filename=target/bench/app.jfr": JVM options of the application, to profile it
        List<String> command = new ArrayList<>(List.of(java, "-Xmx1g"));
        String jvm = System.getProperty("bench.jvm", "").strip();
        if (!jvm.isEmpty()) {
            command.addAll(List.of(jvm.split("\\s+")));
        }
        command.addAll(List.of("-jar", jar.toString(),
                "--server.port=" + port,
                "--spring.datasource.url=jdbc:postgresql://localhost:" + dbPort + "/postgres",
                "--spring.datasource.username=postgres",
                "--rsoko.data-dir=" + data.resolve("app"),
                "--rsoko.demo-data=false",
                "--rsoko.notifications.reminder-cron=-",
                "--rsoko.public-url=" + base));
        BenchData.log("Запускаю приложение: %s (журнал: %s)", String.join(" ", command), out.resolve("app.log"));
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(out.resolve("app.log").toFile()).start();
    }

    private void waitUntilUp(Process app) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(10);
        while (System.nanoTime() < deadline) {
            if (!app.isAlive()) {
                throw new IllegalStateException("Приложение остановилось, см. " + out.resolve("app.log"));
            }
            try {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + "/actuator/health")).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200) {
                    BenchData.log("Приложение отвечает на %s", base);
                    return;
                }
            } catch (IOException notYet) {
                // starting
            }
            Thread.sleep(1000);
        }
        throw new IllegalStateException("Приложение не запустилось за 10 минут");
    }

    // ---------------------------------------------------------------- single requests against the raw SQL

    private void measure(Connection db, LocalDate today) throws Exception {
        int year = Integer.parseInt(one(db, "select value from bench.info where key = 'year'"));
        long region = Long.parseLong(one(db, "select id from bench.region where n = 1"));
        long municipality = Long.parseLong(one(db, "select id from bench.municipality where n = 1"));
        String school = one(db, "select min(n) from bench.school where municipality_id = ?", municipality);
        long schoolId = Long.parseLong(one(db, "select id from bench.school where n = ?", Integer.parseInt(school)));
        long campaign = Long.parseLong(one(db, "select id from vsoko_campaign where region_id = ? and year = ?", region, year));
        long framework = Long.parseLong(one(db, "select framework_id from vsoko_campaign where id = ?", campaign));
        long plan = Long.parseLong(one(db, "select id from plan where region_id = ? and year = ?", region, year));
        int schools = Integer.parseInt(one(db, "select count(*) from org_unit where type = 'SCHOOL'"));
        int regionSchools = Integer.parseInt(one(db, "select count(*) from org_unit where type = 'SCHOOL' and region_id = ?", region));
        String schoolUser = "school" + "0".repeat(Math.max(0, 5 - school.length())) + school;
        java.sql.Date t = java.sql.Date.valueOf(today);
        String search = "школа № 12";

        Web regional = Web.login(base, "region01");
        Web municipal = Web.login(base, "mun0001");
        Web director = Web.login(base, schoolUser);
        Web admin = Web.login(base, "bench.admin");
        Api regionalApi = new Api(base, "region01");
        Api directorApi = new Api(base, schoolUser);
        BenchData.log("Замеры: регион %d (%d школ из %d), муниципалитет %d, школа %d (%s), кампания %d, план %d, %d прогонов",
                region, regionSchools, schools, municipality, schoolId, schoolUser, campaign, plan, runs);

        String submitted = "('SUBMITTED', 'APPROVED', 'ACCEPTED')";
        String open = "('NOT_STARTED', 'IN_PROGRESS')";

        measure("Региональная панель (" + regionSchools + " школ)", () -> regional.get("/dashboard"), db, List.of(
                new Sql("""
                        with s as (select id, municipality_id from org_unit where region_id = ? and type = 'SCHOOL' and active),
                        ex as (select municipality_id m, count(*) total, count(*) filter (where status = 'DONE') done,
                                      count(*) filter (where status in %2$s) in_work,
                                      count(*) filter (where due_date < ? and status in %2$s) overdue
                               from execution where region_id = ? group by 1),
                        camp as (select id, framework_id from vsoko_campaign where region_id = ? and year = ?
                                 order by (status = 'PUBLISHED') desc, created_at desc limit 1),
                        mx as (select sum(i.points) mx from vsoko_indicator i join camp on camp.framework_id = i.framework_id),
                        sc as (select sub.municipality_id m, sub.id, sum(v.points) earned
                               from vsoko_submission sub join camp on camp.id = sub.campaign_id
                               join vsoko_value v on v.submission_id = sub.id where sub.status in %1$s group by 1, 2),
                        lv as (select m, count(*) filter (where earned * 100 >= 75 * mx) formed,
                                      count(*) filter (where earned * 100 >= 50 * mx and earned * 100 < 75 * mx) partial,
                                      count(*) filter (where earned * 100 < 50 * mx) not_formed from sc, mx group by m),
                        cov as (select p.municipality_id m, sum(p.pupils) pupils, sum(p.participants) participants
                                from participation p join plan_procedure pr on pr.id = p.procedure_id join plan ps on ps.id = pr.plan_id
                                where ps.region_id = ? and ps.year = ? and pr.coverage_target is not null group by 1),
                        li as (select municipality_id m, count(*) filter (where kind = 'LOW_RESULTS') low,
                                      count(*) filter (where kind = 'NON_OBJECTIVE') non
                               from school_list_entry where region_id = ? and year = ? group by 1)
                        select s.municipality_id, count(*), max(ex.total), max(ex.done), max(ex.in_work), max(ex.overdue),
                               max(lv.formed), max(lv.partial), max(lv.not_formed), max(cov.pupils), max(cov.participants),
                               max(li.low), max(li.non)
                        from s left join ex on ex.m = s.municipality_id left join lv on lv.m = s.municipality_id
                        left join cov on cov.m = s.municipality_id left join li on li.m = s.municipality_id
                        group by s.municipality_id""".formatted(submitted, open),
                        region, t, region, region, year, region, year, region, year)));

        measure("Панель муниципалитета", () -> municipal.get("/dashboard"), db, List.of(new Sql("""
                with s as (select id, name from org_unit where municipality_id = ? and type = 'SCHOOL' and active),
                ex as (select org_unit_id id, count(*) total, count(*) filter (where status = 'DONE') done,
                              count(*) filter (where due_date < ? and status in %2$s) overdue
                       from execution where municipality_id = ? group by 1),
                sc as (select sub.school_id id, sum(v.points) earned from vsoko_submission sub
                       join vsoko_campaign c on c.id = sub.campaign_id join vsoko_value v on v.submission_id = sub.id
                       where sub.municipality_id = ? and c.year = ? and sub.status in %1$s group by 1),
                cov as (select p.school_id id, sum(p.pupils) pupils, sum(p.participants) participants, bool_and(p.observers) observers
                        from participation p join plan_procedure pr on pr.id = p.procedure_id join plan ps on ps.id = pr.plan_id
                        where p.municipality_id = ? and ps.year = ? and pr.coverage_target is not null group by 1),
                li as (select school_id id, count(*) n from school_list_entry where municipality_id = ? and year = ? group by 1)
                select s.id, s.name, ex.total, ex.done, ex.overdue, sc.earned, cov.pupils, cov.participants, cov.observers, li.n
                from s left join ex on ex.id = s.id left join sc on sc.id = s.id left join cov on cov.id = s.id
                left join li on li.id = s.id order by s.name""".formatted(submitted, open),
                municipality, t, municipality, municipality, year, municipality, year, municipality, year),
                // the year's figures of the municipality beside the region's, which the page shows above the schools
                new Sql("""
                        with camp as (select id, framework_id from vsoko_campaign where region_id = ? and year = ?
                                      order by (status = 'PUBLISHED') desc, created_at desc limit 1),
                        mx as (select sum(i.points) mx from vsoko_indicator i join camp on camp.framework_id = i.framework_id),
                        sc as (select sub.municipality_id m, sub.id, sum(v.points) earned from vsoko_submission sub
                               join camp on camp.id = sub.campaign_id join vsoko_value v on v.submission_id = sub.id
                               where sub.status in %1$s group by 1, 2),
                        ex as (select municipality_id m, count(*) filter (where status = 'DONE' and completed_at::date <= due_date) on_time,
                                      count(*) due from execution
                               where region_id = ? and not recurring and due_date between ? and ? and (due_date < ? or status = 'DONE')
                               group by 1),
                        pl as (select count(*) filter (where pr.status = 'DONE' and pr.done_on <= pr.period_end) on_time,
                                      count(*) filter (where pr.period_end < ?) due
                               from plan_procedure pr join plan ps on ps.id = pr.plan_id where ps.region_id = ? and ps.year = ?),
                        cov as (select p.municipality_id m, sum(p.participants) participants, sum(p.pupils) pupils
                                from participation p join plan_procedure pr on pr.id = p.procedure_id join plan ps on ps.id = pr.plan_id
                                where ps.region_id = ? and ps.year = ? and pr.coverage_target is not null group by 1)
                        select (select count(*) filter (where earned * 100 >= 75 * mx) from sc, mx where m = ?),
                               (select count(*) from sc where m = ?),
                               (select count(*) filter (where earned * 100 >= 75 * mx) from sc, mx), (select count(*) from sc),
                               (select on_time from ex where m = ?), (select due from ex where m = ?),
                               (select sum(on_time) from ex), (select sum(due) from ex),
                               (select on_time from pl), (select due from pl),
                               (select participants from cov where m = ?), (select pupils from cov where m = ?),
                               (select sum(participants) from cov), (select sum(pupils) from cov)""".formatted(submitted),
                        region, year, region, java.sql.Date.valueOf(LocalDate.of(year, 1, 1)),
                        java.sql.Date.valueOf(LocalDate.of(year, 12, 31)), t, t, region, year, region, year,
                        municipality, municipality, municipality, municipality, municipality, municipality)));

        measure("Профиль школы", () -> regional.get("/schools/" + schoolId + "/profile"), db, List.of(
                new Sql("""
                        select c.year, sub.status, i.direction_id, sum(v.points) from vsoko_submission sub
                        join vsoko_campaign c on c.id = sub.campaign_id join vsoko_value v on v.submission_id = sub.id
                        join vsoko_indicator i on i.id = v.indicator_id where sub.school_id = ? group by 1, 2, 3""", schoolId),
                new Sql("select year, kind from school_list_entry where school_id = ?", schoolId),
                new Sql("""
                        select e.id, e.due_date, e.status, d.text from execution e join decision d on d.id = e.decision_id
                        where e.org_unit_id = ? order by e.due_date""", schoolId),
                new Sql("""
                        select pr.id, pr.title, sum(p.pupils), sum(p.participants), bool_and(p.observers) from participation p
                        join plan_procedure pr on pr.id = p.procedure_id where p.school_id = ? group by 1, 2""", schoolId)));

        Sql resultsByMunicipality = new Sql("""
                with mx as (select sum(points) mx from vsoko_indicator where framework_id = ?),
                sc as (select sub.municipality_id m, sub.id, sum(v.points) earned from vsoko_submission sub
                       join vsoko_value v on v.submission_id = sub.id where sub.campaign_id = ? and sub.status in %s group by 1, 2)
                select sc.m, o.name, count(*), count(*) filter (where earned * 100 >= 75 * mx),
                       count(*) filter (where earned * 100 >= 50 * mx and earned * 100 < 75 * mx),
                       count(*) filter (where earned * 100 < 50 * mx)
                from sc join org_unit o on o.id = sc.m, mx group by sc.m, o.name order by o.name""".formatted(submitted),
                framework, campaign);
        measure("ВСОКО: результаты региона (страница)", () -> regional.get("/vsoko/campaigns/" + campaign + "/results"), db,
                List.of(resultsByMunicipality));
        measure("ВСОКО: по муниципалитетам (API)",
                () -> regionalApi.get("/api/v1/vsoko/campaigns/" + campaign + "/results?by=municipality"), db,
                List.of(resultsByMunicipality));
        measure("ВСОКО: один муниципалитет (страница)",
                () -> regional.get("/vsoko/campaigns/" + campaign + "/results/municipalities/" + municipality), db, List.of(new Sql("""
                        select sub.school_id, o.name, i.direction_id, sum(v.points) from vsoko_submission sub
                        join org_unit o on o.id = sub.school_id join vsoko_value v on v.submission_id = sub.id
                        join vsoko_indicator i on i.id = v.indicator_id
                        where sub.campaign_id = ? and sub.municipality_id = ? and sub.status in %s group by 1, 2, 3""".formatted(submitted),
                        campaign, municipality)));

        measure("Поручения: просроченные, страница из 100 (API)",
                () -> regionalApi.get("/api/v1/executions?overdue=true&size=100"), db, List.of(
                        new Sql("""
                                select e.id, e.status, e.due_date, e.period_start, o.name, d.number, d.text, m.title, m.meeting_date
                                from execution e join org_unit o on o.id = e.org_unit_id join decision d on d.id = e.decision_id
                                join meeting m on m.id = e.meeting_id
                                where e.region_id = ? and e.due_date < ? and e.status in %s order by e.due_date, e.id limit 100"""
                                .formatted(open), region, t),
                        new Sql("select count(*) from execution where region_id = ? and due_date < ? and status in %s".formatted(open),
                                region, t)));

        measure("Охват плана по муниципалитетам (API)",
                () -> regionalApi.get("/api/v1/plans/" + plan + "/coverage?by=municipality"), db, List.of(new Sql("""
                        with ps as (select p.municipality_id m, p.school_id, sum(p.pupils) pupils, sum(p.participants) participants,
                                           bool_or(p.observers) observers, max(pr.coverage_target) target
                                    from participation p join plan_procedure pr on pr.id = p.procedure_id
                                    where pr.plan_id = ? and pr.coverage_target is not null group by 1, 2)
                        select m, o.name, sum(pupils), sum(participants), count(*),
                               count(*) filter (where participants * 100 < target * pupils), count(*) filter (where observers)
                        from ps join org_unit o on o.id = ps.m group by m, o.name order by o.name""", plan)));

        List<Sql> homeOfRegion = List.of(
                new Sql("""
                        select status, count(*), count(*) filter (where due_date < ?) from execution where region_id = ?
                        group by status""", t, region),
                new Sql("""
                        select id, title, period_start, period_end, status from plan_procedure where region_id = ?
                        and period_end >= ?::date - 30 order by period_start limit 10""", region, t),
                new Sql("""
                        select c.id, c.name, c.status, count(s.id) filter (where s.status in %s) from vsoko_campaign c
                        left join vsoko_submission s on s.campaign_id = c.id where c.region_id = ? group by c.id""".formatted(submitted),
                        region),
                new Sql("select id, title, meeting_date, status from meeting where region_id = ? order by meeting_date desc limit 5",
                        region));
        measure("Главная: регион", () -> regional.get("/"), db, homeOfRegion);
        measure("Главная: муниципалитет", () -> municipal.get("/"), db, List.of(
                new Sql("""
                        select status, count(*), count(*) filter (where due_date < ?) from execution where municipality_id = ?
                        group by status""", t, municipality),
                new Sql("""
                        select id, title, period_start, period_end, status from plan_procedure where region_id = ?
                        and period_end >= ?::date - 30 order by period_start limit 10""", region, t),
                new Sql("""
                        select c.id, c.name, c.status, count(s.id) filter (where s.status in %s) from vsoko_campaign c
                        left join vsoko_submission s on s.campaign_id = c.id and s.municipality_id = ? where c.region_id = ?
                        group by c.id""".formatted(submitted), municipality, region)));
        measure("Главная: директор", () -> director.get("/"), db, List.of(
                new Sql("""
                        select e.id, e.status, e.due_date, d.text from execution e join decision d on d.id = e.decision_id
                        where e.org_unit_id = ? and e.status in %s order by e.due_date""".formatted(open), schoolId),
                new Sql("""
                        select c.id, c.name, c.status, s.status from vsoko_campaign c left join vsoko_submission s
                        on s.campaign_id = c.id and s.school_id = ? where c.region_id = ?""", schoolId, region),
                new Sql("""
                        select id, title, period_start, period_end, status from plan_procedure where region_id = ?
                        and period_end >= ?::date - 30 order by period_start limit 10""", region, t)));

        measure("Задачи года (страница)", () -> regional.get("/tasks"), db, List.of(new Sql("""
                with cov as (select sum(p.participants) participants, sum(p.pupils) pupils, count(*) filter (where p.observers) obs,
                                    count(*) n
                             from participation p join plan_procedure pr on pr.id = p.procedure_id join plan ps on ps.id = pr.plan_id
                             where ps.region_id = ? and ps.year = ? and pr.coverage_target is not null),
                camp as (select id, framework_id from vsoko_campaign where region_id = ? and year = ? limit 1),
                mx as (select sum(i.points) mx from vsoko_indicator i join camp on camp.framework_id = i.framework_id),
                sc as (select sub.id, sum(v.points) earned from vsoko_submission sub join camp on camp.id = sub.campaign_id
                       join vsoko_value v on v.submission_id = sub.id where sub.status in %s group by 1),
                ex as (select count(*) filter (where status = 'DONE' and completed_at::date <= due_date) on_time,
                              count(*) filter (where due_date < ?) due from execution where region_id = ?),
                pl as (select count(*) filter (where status = 'DONE' and done_on <= period_end) on_time,
                              count(*) filter (where period_end < ?) due from plan_procedure where region_id = ?)
                select t.position, t.text, t.target,
                       (select 100.0 * participants / nullif(pupils, 0) from cov), (select 100.0 * obs / nullif(n, 0) from cov),
                       (select 100.0 * count(*) filter (where earned * 100 >= 75 * mx) / nullif(count(*), 0) from sc, mx),
                       (select 100.0 * on_time / nullif(due, 0) from ex), (select 100.0 * on_time / nullif(due, 0) from pl)
                from annual_task t where t.region_id = ? and t.year = ? order by t.position""".formatted(submitted),
                region, year, region, year, t, region, t, region, region, year)));

        measure("/api/v1/me (" + directorApi.scheme() + ")", () -> directorApi.get("/api/v1/me"), db, List.of(new Sql("""
                select u.id, u.username, u.full_name, u.role, o.id, o.name, o.region_id, o.municipality_id
                from user_account u join org_unit o on o.id = u.org_unit_id where u.username = ?""", schoolUser)));

        measure("Поиск в справочнике «" + search + "» (" + schools + " школ, администратор)",
                () -> admin.get("/directory?q=" + java.net.URLEncoder.encode(search, StandardCharsets.UTF_8)), db, List.of(
                        new Sql("""
                                select o.id, o.type, o.name, o.short_name, p.name from org_unit o left join org_unit p on p.id = o.parent_id
                                where o.active and (rsoko_fold(o.name) like '%' || rsoko_fold(?) || '%'
                                                    or rsoko_fold(o.short_name) like '%' || rsoko_fold(?) || '%')
                                order by o.name limit 50""", search, search),
                        new Sql("""
                                select count(*) from org_unit o where o.active and (rsoko_fold(o.name) like '%' || rsoko_fold(?) || '%'
                                                    or rsoko_fold(o.short_name) like '%' || rsoko_fold(?) || '%')""", search, search)));
        measureAll(db);
    }

    record Sql(String sql, Object... params) {
    }

    @FunctionalInterface
    interface Call {
        HttpResponse<byte[]> call() throws Exception;
    }

    /** One row of the table: an endpoint as its user calls it, and the raw SQL of the same answer. */
    record Case(String name, Call app, List<Sql> raw) {
    }

    private final List<Case> cases = new ArrayList<>();

    private void measure(String name, Call app, Connection db, List<Sql> raw) {
        cases.add(new Case(name, app, raw));
    }

    /**
     * A server is measured as it runs after a while, not in its first seconds: the endpoints are called in turn for
     * {@code bench.warmup.seconds} so that the JIT has compiled their paths (a few calls each leave the request,
     * security, query and template code interpreted), then each row gets its own warm-ups and runs.
     */
    private void measureAll(Connection db) throws Exception {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(warmupSeconds);
        int calls = 0;
        while (System.nanoTime() < until) {
            for (Case c : cases) {
                c.app().call();
                calls++;
            }
        }
        BenchData.log("Разогрев: %d вызовов за %d с", calls, warmupSeconds);
        for (Case c : cases) {
            measure(c, db);
        }
    }

    private void measure(Case c, Connection db) throws Exception {
        String name = c.name();
        Call app = c.app();
        List<Sql> raw = c.raw();
        long[] a = new long[runs], r = new long[runs];
        String problem = null;
        int bytes = 0;
        for (int i = -WARMUPS; i < runs; i++) {
            long start = System.nanoTime();
            HttpResponse<byte[]> response = app.call();
            long took = System.nanoTime() - start;
            if (response.statusCode() != 200) {
                problem = "HTTP " + response.statusCode();
            }
            bytes = response.body().length;
            start = System.nanoTime();
            for (Sql q : raw) {
                query(db, q);
            }
            long rawTook = System.nanoTime() - start;
            if (i >= 0) {
                a[i] = took;
                r[i] = rawTook;
            }
        }
        double am = percentile(a, 50), ap = percentile(a, 95), rm = percentile(r, 50);
        String[] row = {name + (problem == null ? "" : " — " + problem), ms(am), ms(ap), ms(rm),
                String.format(Locale.ROOT, "%.1f×", am / rm)};
        table.add(row);
        BenchData.log("%s: приложение %s мс (p95 %s), сырой SQL %s мс, %s; ответ %,d байт", row[0], row[1], row[2], row[3], row[4], bytes);
    }

    private static void query(Connection db, Sql q) throws SQLException {
        try (PreparedStatement st = db.prepareStatement(q.sql())) {
            for (int i = 0; i < q.params().length; i++) {
                st.setObject(i + 1, q.params()[i]);
            }
            try (ResultSet rs = st.executeQuery()) {
                int columns = rs.getMetaData().getColumnCount();
                while (rs.next()) {
                    for (int c = 1; c <= columns; c++) {
                        rs.getObject(c);
                    }
                }
            }
        }
    }

    private static String one(Connection db, String sql, Object... params) throws SQLException {
        try (PreparedStatement st = db.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                st.setObject(i + 1, params[i]);
            }
            try (ResultSet rs = st.executeQuery()) {
                if (!rs.next()) {
                    throw new IllegalStateException("Нет строки: " + sql);
                }
                return rs.getString(1);
            }
        }
    }

    static double percentile(long[] nanos, int p) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, rank - 1)] / 1e6;
    }

    static String ms(double ms) {
        return String.format(Locale.ROOT, ms < 10 ? "%.1f" : "%.0f", ms);
    }

    // ---------------------------------------------------------------- the load case (Gatling in its own JVM)

    private void load(Connection db) throws Exception {
        List<String> regionUsers = column(db, "select 'region' || lpad(n::text, 2, '0') from bench.region order by n");
        List<String> directors = column(db, """
                select 'school' || lpad(n::text, 5, '0') from bench.school
                where n % greatest(1, (select count(*) from bench.school) / 200) = 0 order by n limit 200""");
        Path regionFile = out.resolve("load-regional-users.txt"), directorFile = out.resolve("load-directors.txt");
        Files.write(regionFile, regionUsers);
        Files.write(directorFile, directors);
        Path results = out.resolve("gatling");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = List.of(java, "-Xmx768m", "--add-opens=java.base/java.lang=ALL-UNNAMED",
                "-Dgatling.ssl.useOpenSsl=false", "-cp", System.getProperty("java.class.path"),
                "-Dbench.base=" + base, "-Dbench.password=" + BenchData.PASSWORD,
                "-Dbench.regionUsers=" + regionFile, "-Dbench.directors=" + directorFile,
                "-Dbench.load.seconds=" + loadSeconds, "-Dbench.load.pace=" + Integer.getInteger("bench.load.pace", 5),
                "io.gatling.app.Gatling", "--simulation", "ru.rsoko.bench.LoadSimulation",
                "--results-folder", results.toString(), "--launcher", "maven");
        BenchData.log("Нагрузка (Gatling): 50 региональных пользователей на панели, затем 200 директоров на главной, по %d с "
                + "без пауз, затем они же по странице раз в %d с", loadSeconds, Integer.getInteger("bench.load.pace", 5));
        Process gatling = new ProcessBuilder(command).inheritIO().start();
        int code = gatling.waitFor();
        if (code != 0) {
            BenchData.log("Gatling завершился с кодом %d", code);
        }
        if (!Files.isDirectory(results)) {
            loadLines.add("Gatling не оставил отчёта (код " + code + ")\t\t\t\t\t");
            return;
        }
        try (Stream<Path> runs = Files.list(results)) {
            Path last = runs.filter(Files::isDirectory).max(Comparator.comparing(p -> p.getFileName().toString())).orElse(null);
            if (last != null) {
                loadLines.addAll(GatlingStats.read(last, loadSeconds));
                BenchData.log("Отчёт Gatling: %s", last.resolve("index.html"));
            }
        }
    }

    private static List<String> column(Connection db, String sql) throws SQLException {
        List<String> values = new ArrayList<>();
        try (Statement st = db.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                values.add(rs.getString(1));
            }
        }
        return values;
    }

    // ---------------------------------------------------------------- the table

    private void report() throws IOException {
        String title = "РСОКО, национальный бенчмарк, " + ZonedDateTime.now(ZoneId.of("UTC")).withNano(0) + ", "
                + Runtime.getRuntime().availableProcessors() + " CPU, " + runs + " прогонов на строку";
        StringBuilder md = new StringBuilder("# " + title + "\n\n");
        md.append("| endpoint | app median, ms | app p95, ms | raw SQL median, ms | ratio |\n|---|---:|---:|---:|---:|\n");
        StringBuilder csv = new StringBuilder("kind,endpoint,app_median_ms,app_p95_ms,raw_median_ms,ratio\n");
        for (String[] row : table) {
            md.append("| ").append(String.join(" | ", row)).append(" |\n");
            csv.append("single,").append(csvCell(row[0])).append(',').append(row[1]).append(',').append(row[2]).append(',')
                    .append(row[3]).append(',').append(row[4].replace("×", "")).append('\n');
        }
        if (!loadLines.isEmpty()) {
            md.append("\n| load (Gatling) | requests | p50, ms | p95, ms | req/s | errors |\n|---|---:|---:|---:|---:|---:|\n");
            csv.append("\nkind,scenario,requests,p50_ms,p95_ms,req_per_s,errors\n");
            for (String[] line : loadLines.stream().map(l -> l.split("\t", -1)).toList()) {
                md.append("| ").append(String.join(" | ", line)).append(" |\n");
                csv.append("load,").append(csvCell(line[0])).append(',').append(String.join(",", Arrays.copyOfRange(line, 1, line.length)))
                        .append('\n');
            }
        }
        Files.writeString(out.resolve("bench.md"), md);
        Files.writeString(out.resolve("bench.csv"), csv);
        System.out.println();
        System.out.println(md);
        BenchData.log("Таблица: %s, %s", out.resolve("bench.md"), out.resolve("bench.csv"));
    }

    private static String csvCell(String s) {
        return "\"" + s.replace("\"", "\"\"") + "\"";
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
