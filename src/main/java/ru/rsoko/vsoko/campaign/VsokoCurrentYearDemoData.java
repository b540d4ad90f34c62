package ru.rsoko.vsoko.campaign;

import jakarta.persistence.EntityManager;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import ru.rsoko.directory.DemoOrganisations;
import ru.rsoko.platform.demo.DemoCalendar;
import ru.rsoko.platform.demo.DemoDataSet;
import ru.rsoko.vsoko.Level;
import ru.rsoko.vsoko.SubmissionStatus;
import ru.rsoko.vsoko.framework.Framework;
import ru.rsoko.vsoko.framework.FrameworkService;
import ru.rsoko.vsoko.framework.Indicator;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The live ВСОКО study of Тверская область, dated from today by the application's clock: last year's campaign
 * published (so the trend over the years reaches last year), and this year's campaign open — opened four weeks ago,
 * closing in three weeks, partly filled: a third of the schools accepted or handed in (their levels differ), some
 * filling in (Берёзовская СОШ of {@code sonkovo.school} among them, its earlier years' answers ready to prefill), the
 * rest not started; the handed-in ones wait for their municipality's approval, which this year's campaign asks for.
 * Frameworks are copies of the region's latest one, as a region starts each year's set. A year that already has a campaign is left as it is.
 */
@Component
class VsokoCurrentYearDemoData implements DemoDataSet {

    private ru.rsoko.directory.DirectoryService directory;

    @org.springframework.beans.factory.annotation.Autowired
    void setDirectory(ru.rsoko.directory.DirectoryService directory) {
        this.directory = directory;
    }

    private final VsokoDemoData study;
    private final EntityManager em;
    private final JdbcTemplate jdbc;
    private final Clock clock;

    VsokoCurrentYearDemoData(VsokoDemoData study, EntityManager em, JdbcTemplate jdbc, Clock clock) {
        this.study = study;
        this.em = em;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public String name() {
        return "vsoko-current-year";
    }

    @Override
    public int order() {
        return 55;
    }

    @Override
    public void load() {
        java.util.Optional<ru.rsoko.directory.OrgUnit> found = ru.rsoko.directory.DemoOrganisations.region(directory,
                ru.rsoko.directory.DemoOrganisations.TVER);
        if (found.isEmpty()) {
            return;
        }
        long tver = found.get().id();
        DemoCalendar calendar = DemoCalendar.of(clock, java.util.Objects.requireNonNull(found.get().zone()));
        int year = calendar.year();
        List<VsokoDemoData.School> schools = study.schools(tver);
        Random random = new Random(year * 1000L + 1003);
        List<Object[]> values = new ArrayList<>();
        List<Object[]> events = new ArrayList<>();

        if (!hasCampaign(tver, year - 1)) {
            Framework framework = framework(tver, year - 1);
            Campaign last = study.campaign(tver, "Исследование эффективности ВСОКО, " + (year - 1), year - 1, framework,
                    LocalDate.of(year - 1, 10, 1), LocalDate.of(year - 1, 10, 31), CampaignStatus.PUBLISHED, previous(tver, year - 1));
            em.flush();
            for (int s = 0; s < schools.size(); s++) {
                VsokoDemoData.School school = schools.get(s);
                // a year on, most schools have moved up a little
                double aim = VsokoDemoData.centre(aim(school)) + 3 + (random.nextDouble() - 0.5) * 8;
                Instant submitted = VsokoDemoData.at(LocalDate.of(year - 1, 10, 6 + s % 20));
                long id = study.submission(last, school, SubmissionStatus.ACCEPTED, submitted);
                study.values(id, framework, aim, school, submitted, random, values);
                VsokoDemoData.events(id, school, submitted, true, events);
            }
        }

        if (!hasCampaign(tver, year)) {
            Framework framework = framework(tver, year);
            LocalDate opens = calendar.inYear(-28);
            Campaign current = study.campaign(tver, "Исследование эффективности ВСОКО, " + year, year, framework,
                    opens, calendar.day(21), CampaignStatus.OPEN, previous(tver, year));
            // this year the municipalities approve their schools' self-assessments before the region accepts them
            current.setMunicipalApproval(true);
            em.flush();
            // handed in at least four days ago, so that an acceptance three days later has passed too
            long days = Math.max(1, calendar.today().toEpochDay() - opens.toEpochDay() - 4);
            for (int s = 0; s < schools.size(); s++) {
                VsokoDemoData.School school = schools.get(s);
                Instant on = VsokoDemoData.at(opens.plusDays(s % days));
                SubmissionStatus status = school.name().equals(DemoOrganisations.SONKOVO_SCHOOL) ? SubmissionStatus.IN_PROGRESS
                        : switch (s % 6) {
                            case 0, 1 -> SubmissionStatus.ACCEPTED;
                            case 2 -> SubmissionStatus.SUBMITTED;
                            case 3 -> SubmissionStatus.IN_PROGRESS;
                            default -> SubmissionStatus.NOT_STARTED;
                        };
                switch (status) {
                    case ACCEPTED, SUBMITTED -> {
                        double aim = VsokoDemoData.centre(aim(school)) + 4 + (random.nextDouble() - 0.5) * 8;
                        long id = study.submission(current, school, status, on);
                        study.values(id, framework, aim, school, on, random, values);
                        VsokoDemoData.events(id, school, on, status == SubmissionStatus.ACCEPTED, events);
                    }
                    case IN_PROGRESS -> {
                        long id = study.submission(current, school, status, null);
                        jdbc.update("update vsoko_submission set updated_at = ?, updated_by = ? where id = ?",
                                Timestamp.from(on), school.username(), id);
                        List<Indicator> first = framework.getDirections().getFirst().getIndicators();
                        int filled = 8 + s % 10;
                        for (Indicator indicator : first.subList(0, Math.min(filled, first.size()))) {
                            values.add(VsokoDemoData.row(id, indicator, VsokoDemoData.value(indicator, 0.8, random), school, on));
                        }
                        events.add(new Object[]{id, Timestamp.from(on), school.username(), "SAVED",
                                "Заполнены показатели направления 1"});
                    }
                    default -> study.submission(current, school, SubmissionStatus.NOT_STARTED, null);
                }
            }
        }
        study.insertValues(values);
        jdbc.batchUpdate("insert into vsoko_submission_event (submission_id, at, username, action, detail) values (?, ?, ?, ?, ?)",
                events);
    }

    private static Level aim(VsokoDemoData.School school) {
        return school.municipality().equals(VsokoDemoData.SONKOVO) ? Level.FORMED
                : VsokoDemoData.AIM.getOrDefault(school.name(), Level.PARTIAL);
    }

    private boolean hasCampaign(long region, int year) {
        return Boolean.TRUE.equals(jdbc.queryForObject(
                "select exists(select 1 from vsoko_campaign where region_id = ? and year = ?)", Boolean.class, region, year));
    }

    private Campaign previous(long region, int year) {
        return em.createQuery("select c from Campaign c where c.regionId = :region and c.year < :year order by c.year desc, c.id desc",
                        Campaign.class).setParameter("region", region).setParameter("year", year).setMaxResults(1)
                .getResultStream().findFirst().orElse(null);
    }

    /** The year's sample framework: a copy of the region's latest one, made once. */
    private Framework framework(long region, int year) {
        String name = "Показатели эффективности ВСОКО, " + year + " (образец)";
        List<Framework> named = em.createQuery("select f from Framework f where f.regionId = :region and f.name = :name", Framework.class)
                .setParameter("region", region).setParameter("name", name).getResultList();
        if (!named.isEmpty()) {
            return named.getFirst();
        }
        Framework latest = em.createQuery("select f from Framework f where f.regionId = :region order by f.year desc, f.id desc",
                Framework.class).setParameter("region", region).setMaxResults(1).getSingleResult();
        Framework copy = FrameworkService.copyOf(latest, name, year);
        em.persist(copy);
        em.flush();
        return copy;
    }
}
