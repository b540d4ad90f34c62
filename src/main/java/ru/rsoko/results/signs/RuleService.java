package ru.rsoko.results.signs;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import ru.rsoko.access.CurrentUser;
import ru.rsoko.access.Role;
import ru.rsoko.platform.audit.AuditHistory;
import ru.rsoko.platform.audit.HistoryEntry;
import ru.rsoko.platform.audit.HistoryFields;
import ru.rsoko.platform.web.ConcurrentEditException;
import ru.rsoko.platform.web.RuleViolationException;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * The region's thresholds of the rules: everyone of the region reads them, regional staff change them (versioned,
 * audited). A region that never changed them uses {@link Rules#DEFAULTS}.
 */
@Service
@Transactional
public class RuleService {

    /** The rules of the user's region as the page and the API show them. */
    public record Setting(Rules rules, boolean own, @Nullable Long version, @Nullable Instant updatedAt,
                          @Nullable String updatedBy) {
    }

    private final RuleSettingRepository settings;
    private final AuditHistory auditHistory;
    private final Clock clock;

    RuleService(RuleSettingRepository settings, AuditHistory auditHistory, Clock clock) {
        this.settings = settings;
        this.auditHistory = auditHistory;
        this.clock = clock;
    }

    /** The thresholds the rules of the region use now. */
    @Transactional(readOnly = true)
    public Rules rules(long regionId) {
        return settings.findById(regionId).map(RuleSetting::rules).orElse(Rules.DEFAULTS);
    }

    @Transactional(readOnly = true)
    public Setting setting(CurrentUser user) {
        Long regionId = user.regionId();
        RuleSetting s = regionId == null ? null : settings.findById(regionId).orElse(null);
        return s == null ? new Setting(Rules.DEFAULTS, false, null, null, null)
                : new Setting(s.rules(), true, s.getVersion(), s.getUpdatedAt(), s.getUpdatedBy());
    }

    /** The rules' page: the thresholds and their history, in one read-only transaction. */
    public record RulesPage(Setting setting, List<HistoryEntry> history) {
    }

    @Transactional(readOnly = true)
    public RulesPage page(CurrentUser user) {
        return new RulesPage(setting(user), history(user));
    }

    /**
     * Changes the region's thresholds. The first change of a region (still on the defaults) needs no version; every
     * later one the version it was made on.
     */
    public Setting update(CurrentUser user, Rules rules, @Nullable Long version) {
        requireKeeper(user);
        Long regionId = user.regionId();
        if (regionId == null) {
            throw RuleViolationException.forbidden("Правила ведут сотрудники региона");
        }
        check(rules);
        RuleSetting s = settings.findById(regionId).orElse(null);
        if (s == null) {
            s = new RuleSetting(regionId);
            s.set(rules, clock.instant(), user.getUsername());
            settings.saveAndFlush(s);
        } else {
            ConcurrentEditException.check(version, s.getVersion());
            s.set(rules, clock.instant(), user.getUsername());
            settings.flush();
        }
        return setting(user);
    }

    @Transactional(readOnly = true)
    public List<HistoryEntry> history(CurrentUser user) {
        Long regionId = user.regionId();
        return regionId == null ? List.of() : auditHistory.of(RuleSetting.class, regionId, HISTORY);
    }

    private static final HistoryFields<RuleSetting> HISTORY = HistoryFields.of(RuleSetting.class)
            .field("Мин. число участников", RuleSetting::getMinParticipants)
            .field("Доля «5»: во сколько раз выше региона", s -> num(s.getTopMarkFactor()))
            .field("Доля «5»: на сколько п. п. выше региона", s -> num(s.getTopMarkMargin()))
            .field("Доля «повысили», %", s -> num(s.getRaisedShare()))
            .field("Доля «понизили», %", s -> num(s.getLoweredShare()))
            .field("Расхождение при перепроверке, %", s -> num(s.getRecheckDiscrepancyShare()))
            .field("Мин. число перепроверенных работ", RuleSetting::getRecheckMinWorks)
            .field("Скачок доли «4» и «5», п. п.", s -> num(s.getYearJump()))
            .field("ШНОР: доля «2», %", s -> num(s.getLowFailShare()))
            .field("ШНОР: число предметов", RuleSetting::getLowSubjects)
            .field("ШНОР: доля худших школ региона, %", s -> num(s.getLowBottomShare()))
            .field("ШНОР: лет подряд", RuleSetting::getLowYears);

    private static @Nullable String num(@Nullable BigDecimal v) {
        return v == null ? null : Rules.number(v);
    }

    public static boolean keeps(CurrentUser user) {
        return user.is(Role.REGION);
    }

    public static void requireKeeper(CurrentUser user) {
        if (!keeps(user)) {
            throw RuleViolationException.forbidden("Правила и списки по результатам ведут сотрудники региона");
        }
    }

    /** The same limits as the table's checks, with the field a person fixes. */
    static void check(Rules r) {
        range("minParticipants", "Минимальное число участников", r.minParticipants(), 1, 10_000);
        if (r.topMarkFactor() == null || r.topMarkFactor().compareTo(BigDecimal.ONE) <= 0
                || r.topMarkFactor().compareTo(new BigDecimal("100")) > 0) {
            throw RuleViolationException.field("topMarkFactor", "Во сколько раз доля «5» выше региональной: число больше 1 и не больше 100");
        }
        share("topMarkMargin", "Превышение доли «5» над региональной (п. п.)", r.topMarkMargin(), true);
        share("raisedShare", "Доля «повысили»", r.raisedShare(), false);
        share("loweredShare", "Доля «понизили»", r.loweredShare(), false);
        share("recheckDiscrepancyShare", "Доля расхождений при перепроверке", r.recheckDiscrepancyShare(), false);
        range("recheckMinWorks", "Минимальное число перепроверенных работ", r.recheckMinWorks(), 1, 10_000);
        share("yearJump", "Скачок доли «4» и «5» (п. п.)", r.yearJump(), false);
        share("lowFailShare", "Доля «2» для ШНОР", r.lowFailShare(), false);
        range("lowSubjects", "Число предметов для ШНОР", r.lowSubjects(), 1, 20);
        share("lowBottomShare", "Доля школ региона с наибольшей долей «2»", r.lowBottomShare(), true);
        range("lowYears", "Число лет подряд для ШНОР", r.lowYears(), 1, 5);
    }

    private static void range(String field, String label, int value, int min, int max) {
        if (value < min || value > max) {
            throw RuleViolationException.field(field, label + ": целое число от " + min + " до " + max);
        }
    }

    private static void share(String field, String label, @Nullable BigDecimal value, boolean zeroAllowed) {
        if (value == null || value.compareTo(BigDecimal.ZERO) < (zeroAllowed ? 0 : 1) || value.compareTo(new BigDecimal(100)) > 0
                || value.scale() > 2 && value.stripTrailingZeros().scale() > 2) {
            throw RuleViolationException.field(field, label + ": число " + (zeroAllowed ? "от 0" : "больше 0")
                    + " до 100, не больше двух знаков после запятой");
        }
    }
}
