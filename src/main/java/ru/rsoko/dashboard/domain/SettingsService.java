package ru.rsoko.dashboard.domain;

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
import java.util.List;

/** A region's dashboard thresholds and risk weights: read by every dashboard, kept by the region's staff. */
@Service
@Transactional(readOnly = true)
public class SettingsService {

    private static final HistoryFields<DashboardSettings> HISTORY = HistoryFields.of(DashboardSettings.class)
            .field("ВСОКО «сформирована»: зелёный от, %", DashboardSettings::getFormedGreen)
            .field("ВСОКО «сформирована»: красный ниже, %", DashboardSettings::getFormedRed)
            .field("Просрочено: зелёный до, %", DashboardSettings::getOverdueGreen)
            .field("Просрочено: красный выше, %", DashboardSettings::getOverdueRed)
            .field("Охват: жёлтый в пределах, п. п. ниже цели", DashboardSettings::getCoverageAmberGap)
            .field("Школы высокого риска: зелёный до, %", DashboardSettings::getRiskGreen)
            .field("Школы высокого риска: красный выше, %", DashboardSettings::getRiskRed)
            .field("Вес: ВСОКО не сформирована", DashboardSettings::getWeightVsokoNotFormed)
            .field("Вес: ВСОКО сформирована частично", DashboardSettings::getWeightVsokoPartial)
            .field("Вес: самооценка не представлена", DashboardSettings::getWeightVsokoNotSubmitted)
            .field("Вес: просроченное поручение", DashboardSettings::getWeightOverdue)
            .field("Просроченных поручений в расчёте не более", DashboardSettings::getOverdueCap)
            .field("Вес: в списке ШНОР", DashboardSettings::getWeightLowResults)
            .field("Вес: признаки необъективности", DashboardSettings::getWeightNonObjective)
            .field("Вес: охват ниже цели", DashboardSettings::getWeightUnderTarget)
            .field("Вес: нет общественных наблюдателей", DashboardSettings::getWeightNoObservers)
            .field("Учитываемых лет", DashboardSettings::getLookbackYears)
            .field("Средний риск от, баллов", DashboardSettings::getMediumFrom)
            .field("Высокий риск от, баллов", DashboardSettings::getHighFrom);

    private final DashboardSettingsRepository repository;
    private final AuditHistory audit;
    private final Clock clock;

    SettingsService(DashboardSettingsRepository repository, AuditHistory audit, Clock clock) {
        this.repository = repository;
        this.audit = audit;
        this.clock = clock;
    }

    /** The region's settings, or the defaults when it has kept none. */
    public Settings of(long regionId) {
        return repository.findById(regionId).map(DashboardSettings::toSettings).orElse(Settings.DEFAULTS);
    }

    /** Whether the user keeps the settings of their region: its staff and its administrator. */
    public static boolean keeps(CurrentUser user) {
        return user.regionId() != null && (user.is(Role.REGION) || user.is(Role.ADMIN));
    }

    /**
     * Saves the region's settings as edited from the given version ({@code -1}: from the defaults, nothing kept yet).
     * Wrong values are refused with the field and a message; someone else's save in between is a conflict.
     */
    @Transactional
    public Settings save(CurrentUser user, Settings edited) {
        if (!keeps(user)) {
            throw RuleViolationException.forbidden("Пороговые значения и правила риска ведут сотрудники региона");
        }
        validate(edited);
        long regionId = user.regionId();
        DashboardSettings stored = repository.findById(regionId).orElse(null);
        if (stored == null) {
            if (edited.version() >= 0) {
                throw new ConcurrentEditException();
            }
            stored = new DashboardSettings(regionId);
        } else {
            ConcurrentEditException.check(edited.version(), stored.getVersion());
        }
        stored.apply(edited);
        stored.touched(clock.instant(), user.getUsername());
        return repository.saveAndFlush(stored).toSettings();
    }

    public List<HistoryEntry> history(long regionId) {
        return audit.of(DashboardSettings.class, regionId, HISTORY);
    }

    static void validate(Settings s) {
        percent("formedGreen", s.formedGreen());
        percent("formedRed", s.formedRed());
        percent("overdueGreen", s.overdueGreen());
        percent("overdueRed", s.overdueRed());
        percent("coverageAmberGap", s.coverageAmberGap());
        percent("riskGreen", s.riskGreen());
        percent("riskRed", s.riskRed());
        if (s.formedRed().compareTo(s.formedGreen()) > 0) {
            throw RuleViolationException.field("formedRed", "Порог красного цвета не может быть выше порога зелёного");
        }
        if (s.overdueGreen().compareTo(s.overdueRed()) > 0) {
            throw RuleViolationException.field("overdueRed", "Порог красного цвета не может быть ниже порога зелёного");
        }
        if (s.riskGreen().compareTo(s.riskRed()) > 0) {
            throw RuleViolationException.field("riskRed", "Порог красного цвета не может быть ниже порога зелёного");
        }
        weight("weightVsokoNotFormed", s.weightVsokoNotFormed());
        weight("weightVsokoPartial", s.weightVsokoPartial());
        weight("weightVsokoNotSubmitted", s.weightVsokoNotSubmitted());
        weight("weightOverdue", s.weightOverdue());
        weight("weightLowResults", s.weightLowResults());
        weight("weightNonObjective", s.weightNonObjective());
        weight("weightUnderTarget", s.weightUnderTarget());
        weight("weightNoObservers", s.weightNoObservers());
        if (s.overdueCap() < 1 || s.overdueCap() > 100) {
            throw RuleViolationException.field("overdueCap", "Укажите число от 1 до 100");
        }
        if (s.lookbackYears() < 1 || s.lookbackYears() > 10) {
            throw RuleViolationException.field("lookbackYears", "Укажите число лет от 1 до 10");
        }
        if (s.mediumFrom() < 1 || s.mediumFrom() > 1000) {
            throw RuleViolationException.field("mediumFrom", "Укажите число баллов от 1 до 1000");
        }
        if (s.highFrom() <= s.mediumFrom() || s.highFrom() > 1000) {
            throw RuleViolationException.field("highFrom", "Высокий риск должен начинаться с большего числа баллов, чем средний");
        }
    }

    private static void percent(String field, BigDecimal value) {
        if (value == null || value.signum() < 0 || value.compareTo(BigDecimal.valueOf(100)) > 0) {
            throw RuleViolationException.field(field, "Укажите процент от 0 до 100");
        }
        if (value.stripTrailingZeros().scale() > 1) {
            throw RuleViolationException.field(field, "Не более одного знака после запятой");
        }
    }

    private static void weight(String field, int value) {
        if (value < 0 || value > 100) {
            throw RuleViolationException.field(field, "Вес — целое число от 0 до 100");
        }
    }
}
