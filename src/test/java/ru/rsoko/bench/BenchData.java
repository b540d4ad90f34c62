package ru.rsoko.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The national dataset of the benchmark, written with set-based SQL (INSERT … SELECT generate_series) straight into the
 * migrated schema: 85 regions, 2,300 municipalities, 40,000 schools at scale 1; per region a ВСОКО framework of 189
 * indicators and its published campaign with a submission of every school (7.6 million values), a signed protocol of
 * ten decisions fanned out to every school (400,000 execution records), the year's plan with a procedure of each type,
 * ВПР participation of every school (grades 4–8), the lists and the annual tasks; accounts: one REGION user per region,
 * one MUNICIPALITY user per municipality, one SCHOOL director per school and a deployment administrator, all with
 * {@link #PASSWORD}. The numbering (schema {@code bench}) lets the harness pick users and ids without searching.
 */
final class BenchData {

    static final String PASSWORD = "bench-password";
    static final int[] DIRECTION_SIZES = {20, 23, 18, 33, 28, 67};

    private final Connection db;
    private final int regions, municipalities, schools, year;
    private final LocalDate today;

    BenchData(Connection db, double scale, int year, LocalDate today) {
        this.db = db;
        this.regions = Math.max(2, (int) Math.round(85 * scale));
        this.municipalities = Math.max(regions * 2, (int) Math.round(2300 * scale));
        this.schools = Math.max(municipalities * 2, (int) Math.round(40000 * scale));
        this.year = year;
        this.today = today;
    }

    void generate(String passwordHash) throws SQLException {
        long start = System.nanoTime();
        db.setAutoCommit(true);
        run("create schema bench");
        run("create table bench.region (n int primary key, id bigint not null)");
        run("create table bench.municipality (n int primary key, id bigint not null, region_id bigint not null)");
        run("create table bench.school (n int primary key, id bigint not null, municipality_id bigint not null, region_id bigint not null)");
        run("create table bench.info (key text primary key, value text not null)");

        // the directory: ids from the application's sequence, numbers kept beside them
        run("""
                insert into bench.region (n, id) select g, nextval('org_unit_id_seq') from generate_series(1, ?) g""", regions);
        run("""
                insert into org_unit (id, type, name, short_name, region_id, time_zone)
                select id, 'REGION', 'Субъект РФ № ' || lpad(n::text, 2, '0'), 'Регион ' || lpad(n::text, 2, '0'), id, 'Europe/Moscow'
                from bench.region""");
        run("""
                insert into bench.municipality (n, id, region_id)
                select g, nextval('org_unit_id_seq'), r.id from generate_series(1, ?) g join bench.region r on r.n = (g - 1) % ? + 1""",
                municipalities, regions);
        run("""
                insert into org_unit (id, type, name, parent_id, region_id, municipality_id)
                select id, 'MUNICIPALITY', 'Муниципальный округ № ' || lpad(n::text, 4, '0'), region_id, region_id, id
                from bench.municipality""");
        run("""
                insert into bench.school (n, id, municipality_id, region_id)
                select g, nextval('org_unit_id_seq'), m.id, m.region_id
                from generate_series(1, ?) g join bench.municipality m on m.n = (g - 1) % ? + 1""", schools, municipalities);
        run("""
                insert into org_unit (id, type, name, short_name, parent_id, region_id, municipality_id, inn, head_name)
                select id, 'SCHOOL', 'Муниципальное бюджетное общеобразовательное учреждение «Средняя школа № ' || n || '»',
                       'МБОУ СШ № ' || n, municipality_id, region_id, municipality_id, lpad((6900000000 + n)::text, 10, '0'),
                       'Директор школы № ' || n
                from bench.school""");
        run("""
                insert into org_unit (id, type, name) values (nextval('org_unit_id_seq'), 'INSTITUTION', 'Оператор РСОКО (бенчмарк)')""");

        // accounts: the same known password for everyone (one bcrypt hash, computed once)
        run("""
                insert into user_account (username, full_name, position, password_hash, role, org_unit_id)
                select 'region' || lpad(n::text, 2, '0'), 'Специалист региона ' || n, 'Главный специалист', ?, 'REGION', id
                from bench.region""", passwordHash);
        run("""
                insert into user_account (username, full_name, position, password_hash, role, org_unit_id)
                select 'mun' || lpad(n::text, 4, '0'), 'Специалист муниципалитета ' || n, 'Специалист', ?, 'MUNICIPALITY', id
                from bench.municipality""", passwordHash);
        run("""
                insert into user_account (username, full_name, position, password_hash, role, org_unit_id)
                select 'school' || lpad(n::text, 5, '0'), 'Директор школы № ' || n, 'Директор', ?, 'SCHOOL', id
                from bench.school""", passwordHash);
        run("""
                insert into user_account (username, full_name, position, password_hash, role, org_unit_id)
                select 'bench.admin', 'Администратор развёртывания', 'Администратор', ?, 'ADMIN', id
                from org_unit where type = 'INSTITUTION' and name = 'Оператор РСОКО (бенчмарк)'""", passwordHash);

        // ВСОКО: a framework of 189 indicators per region, its campaign published, a submission of every school
        run("""
                insert into vsoko_framework (region_id, name, year) select id, 'Модель ВСОКО ' || ?, ? from bench.region""",
                year, year);
        run("""
                insert into vsoko_direction (framework_id, position, code, name)
                select f.id, d, 'Н' || d, 'Направление ' || d from vsoko_framework f cross join generate_series(1, 6) d""");
        StringBuilder sizes = new StringBuilder();
        for (int d = 0; d < DIRECTION_SIZES.length; d++) {
            sizes.append(d == 0 ? "" : ", ").append("(").append(d + 1).append(", ").append(DIRECTION_SIZES[d]).append(")");
        }
        run("""
                insert into vsoko_indicator (direction_id, framework_id, position, code, wording, value_type, points)
                select dr.id, dr.framework_id, i, dr.position || '.' || i, 'Показатель ' || dr.position || '.' || i, 'YES_NO', 1
                from vsoko_direction dr join (values %s) sz (d, n) on sz.d = dr.position
                cross join lateral generate_series(1, sz.n) i""".formatted(sizes));
        run("""
                insert into vsoko_campaign (region_id, name, year, framework_id, opens_on, closes_on, status, published_at)
                select f.region_id, 'Изучение эффективности ВСОКО ' || f.year, f.year, f.id, make_date(?, 2, 1), make_date(?, 3, 31),
                       'PUBLISHED', now()
                from vsoko_framework f""", year, year);
        run("""
                insert into vsoko_submission (campaign_id, school_id, region_id, municipality_id, status, submitted_at, accepted_at,
                                              updated_at, updated_by)
                select c.id, s.id, s.region_id, s.municipality_id, case when s.n % 10 = 0 then 'SUBMITTED' else 'ACCEPTED' end,
                       make_date(?, 3, 20), case when s.n % 10 <> 0 then make_timestamptz(?, 4, 1, 10, 0, 0) end, now(), 'bench'
                from bench.school s join vsoko_campaign c on c.region_id = s.region_id""", year, year);
        // the values region by region (a statement each: the direction-score trigger sums each one's rows)
        List<Long> regionIds = ids("select id from bench.region order by n");
        long t = System.nanoTime();
        for (long region : regionIds) {
            run(false, """
                    insert into vsoko_value (submission_id, indicator_id, value, points, updated_by)
                    select s.id, i.id, x.v, x.v, 'bench'
                    from vsoko_submission s join vsoko_campaign c on c.id = s.campaign_id
                    join vsoko_indicator i on i.framework_id = c.framework_id
                    cross join lateral (select case when (s.id * 7 + i.id) % (3 + s.id % 5) = 0 then 0 else 1 end as v) x
                    where s.region_id = ?""", region);
        }
        log("ВСОКО: значения по %d регионам за %.0f с", regionIds.size(), (System.nanoTime() - t) / 1e9);

        // decisions: per region one signed protocol of ten decisions for all schools, fanned out to every school
        run("""
                insert into meeting (region_id, organiser_id, kind, title, protocol_number, meeting_date, status, signed_at)
                select id, id, 'MEETING', 'Совещание руководителей органов управления образованием', '1-' || n, ?::date, 'SIGNED', now()
                from bench.region""", today.minusMonths(2));
        run("""
                insert into decision (meeting_id, position, number, text, deadline_kind, due_date)
                select m.id, g, g::text, 'Провести анализ результатов и принять меры № ' || g, 'BY_DATE', ?::date + (g * 7 - 35)
                from meeting m cross join generate_series(1, 10) g""", today);
        run("""
                insert into decision_responsible (decision_id, position, kind) select id, 1, 'ALL_SCHOOLS' from decision""");
        t = System.nanoTime();
        for (long region : regionIds) {
            run(false, """
                    insert into execution (decision_id, meeting_id, org_unit_id, region_id, municipality_id, status, recurring,
                                           period_start, due_date, completed_at, updated_at, updated_by)
                    select d.id, m.id, s.id, s.region_id, s.municipality_id,
                           case (s.n + d.position) % 4 when 0 then 'DONE' when 1 then 'IN_PROGRESS' else 'NOT_STARTED' end,
                           false, m.meeting_date, d.due_date, case when (s.n + d.position) % 4 = 0 then now() end, now(), 'bench'
                    from meeting m join decision d on d.meeting_id = m.id join bench.school s on s.region_id = m.region_id
                    where m.region_id = ?""", region);
        }
        log("Поручения: записи по %d регионам за %.0f с", regionIds.size(), (System.nanoTime() - t) / 1e9);

        // the year's plan: approved, a procedure of each type spread over the year; the ВПР with its coverage target
        run("""
                insert into plan (region_id, year, title, order_issuer, order_number, order_date, status, approved_at)
                select id, ?, 'План-график мероприятий по оценке качества образования на ' || ? || ' год',
                       'Министерство образования', '10-' || n, make_date(?, 1, 15), 'APPROVED', now()
                from bench.region""", year, year, year);
        run("""
                insert into plan_procedure (plan_id, region_id, type_id, position, title, period_start, period_end, grades,
                                            participants, observers_required, coverage_target, vsoko_campaign_id, status, done_on)
                select p.id, p.region_id, t.id, t.position, t.name || ' ' || p.year,
                       make_date(p.year, t.position / 10 + 1, 1), (make_date(p.year, t.position / 10 + 1, 1) + interval '1 month - 1 day')::date,
                       t.grades, 'ALL_SCHOOLS', t.observers, t.coverage_target,
                       case when t.vsoko then (select c.id from vsoko_campaign c where c.region_id = p.region_id) end,
                       case when make_date(p.year, t.position / 10 + 1, 1) + interval '1 month' <= ?::date then 'DONE' else 'PLANNED' end,
                       case when make_date(p.year, t.position / 10 + 1, 1) + interval '1 month' <= ?::date
                            then (make_date(p.year, t.position / 10 + 1, 1) + interval '1 month - 1 day')::date end
                from plan p cross join procedure_type t where t.region_id is null""", today, today);
        run("""
                insert into participation (procedure_id, school_id, region_id, municipality_id, grade, pupils, participants,
                                           observers, updated_by)
                select pr.id, s.id, s.region_id, s.municipality_id, g, 25, 25 - (s.n + g) % 3 - case when s.n % 23 = 0 then 10 else 0 end,
                       s.n % 9 <> 0, 'bench'
                from plan_procedure pr join bench.school s on s.region_id = pr.region_id cross join generate_series(4, 8) g
                where pr.coverage_target is not null""");
        run("""
                insert into school_list_entry (region_id, municipality_id, school_id, year, kind, basis, created_by)
                select region_id, municipality_id, id, ?, case when n % 2 = 0 then 'LOW_RESULTS' else 'NON_OBJECTIVE' end,
                       'Результаты ВПР', 'bench'
                from bench.school where n % 17 = 0""", year);
        run("""
                insert into annual_task (region_id, year, position, text, metric, target)
                select r.id, ?, t.pos, t.text, t.metric, t.target from bench.region r cross join (values
                    (1, 'Обеспечить охват обучающихся ВПР', 'VPR_COVERAGE', 95),
                    (2, 'Обеспечить присутствие независимых наблюдателей', 'OBSERVER_SHARE', 90),
                    (3, 'Довести долю ОО со сформированной ВСОКО', 'VSOKO_FORMED_SHARE', 60),
                    (4, 'Исполнять решения совещаний в срок', 'DECISIONS_ON_TIME_SHARE', 80),
                    (5, 'Проводить процедуры плана-графика в срок', 'PLAN_ON_TIME_SHARE', 90),
                    (6, 'Провести методические семинары для руководителей ОО', null, null)) t (pos, text, metric, target)""", year);

        run("insert into bench.info (key, value) values ('year', ?), ('scale', ?), ('generated_at', now()::text)",
                String.valueOf(year), regions + "/" + municipalities + "/" + schools);
        for (String table : List.of("org_unit", "user_account", "vsoko_value", "vsoko_submission", "vsoko_direction_score",
                "vsoko_indicator", "execution", "decision", "meeting", "participation", "plan_procedure", "school_list_entry")) {
            run("vacuum analyze " + table);
        }
        log("Данные созданы за %.0f с: %d регионов, %d муниципалитетов, %d школ, %d значений ВСОКО, %d поручений, %d строк участия",
                (System.nanoTime() - start) / 1e9, regions, municipalities, schools,
                count("vsoko_value"), count("execution"), count("participation"));
    }

    private long count(String table) throws SQLException {
        return ids("select count(*) from " + table).getFirst();
    }

    private List<Long> ids(String sql) throws SQLException {
        List<Long> ids = new ArrayList<>();
        try (Statement st = db.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                ids.add(rs.getLong(1));
            }
        }
        return ids;
    }

    private void run(String sql, Object... params) throws SQLException {
        run(true, sql, params);
    }

    private void run(boolean verbose, String sql, Object... params) throws SQLException {
        long t = System.nanoTime();
        int rows;
        try (PreparedStatement st = db.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                st.setObject(i + 1, params[i] instanceof LocalDate d ? java.sql.Date.valueOf(d) : params[i]);
            }
            st.execute();
            rows = st.getUpdateCount();
        }
        if (verbose) {
            log("%,d строк за %.1f с: %s", Math.max(rows, 0), (System.nanoTime() - t) / 1e9,
                    sql.strip().lines().findFirst().orElse("").strip());
        }
    }

    static void log(String format, Object... args) {
        System.out.printf("[bench] " + format + "%n", args);
    }
}
