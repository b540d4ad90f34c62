package ru.rsoko.vsoko.framework;

import ru.rsoko.platform.web.Plurals;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import ru.rsoko.access.CurrentUser;
import ru.rsoko.platform.web.ConcurrentEditException;
import ru.rsoko.platform.web.NotFoundException;
import ru.rsoko.platform.web.RuleViolationException;
import ru.rsoko.vsoko.framework.FrameworkForms.DirectionForm;
import ru.rsoko.vsoko.framework.FrameworkForms.FrameworkForm;
import ru.rsoko.vsoko.framework.FrameworkForms.IndicatorForm;

import java.math.BigDecimal;
import java.util.List;

/**
 * Changes to a framework by its region's staff: only while no campaign that has opened uses it
 * ({@link FrameworkService#editable}); every change names the version the user saw.
 */
@Service
@Transactional
class FrameworkEditService {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private final FrameworkService frameworks;
    private final FrameworkRepository repository;

    FrameworkEditService(FrameworkService frameworks, FrameworkRepository repository) {
        this.frameworks = frameworks;
        this.repository = repository;
    }

    /** A new empty framework of the user's region; its id. */
    long create(CurrentUser user, FrameworkForm form) {
        FrameworkService.requireKeeper(user);
        Framework framework = new Framework(user.regionId(), name(form.getName()), year(form.getYear()));
        thresholds(framework, form);
        return repository.saveAndFlush(framework).getId();
    }

    /** A new version copied from the source; its id. */
    long copy(CurrentUser user, long sourceId, FrameworkForm form) {
        String name = name(form.getName());
        int year = year(form.getYear());
        return frameworks.copy(user, sourceId, name, year).getId();
    }

    long update(CurrentUser user, long id, FrameworkForm form) {
        Framework framework = frameworks.editable(user, id);
        ConcurrentEditException.check(form.getVersion(), framework.getVersion());
        framework.setName(name(form.getName()));
        framework.setYear(year(form.getYear()));
        thresholds(framework, form);
        return repository.saveAndFlush(framework).getId();
    }

    /** A new direction at the end of the framework; its id. */
    long addDirection(CurrentUser user, long frameworkId, DirectionForm form) {
        Framework framework = frameworks.editable(user, frameworkId);
        String code = directionCode(framework, null, form.getCode());
        framework.addDirection(code, text(form.getName(), "name", "Укажите название направления", 1000));
        // a merge may persist a copy of the new direction: it is found by its code, unique in the framework
        return repository.saveAndFlush(framework).getDirections().stream().filter(d -> d.getCode().equals(code))
                .findFirst().orElseThrow().getId();
    }

    void updateDirection(CurrentUser user, long frameworkId, long directionId, DirectionForm form) {
        Framework framework = frameworks.editable(user, frameworkId);
        Direction direction = direction(framework, directionId);
        ConcurrentEditException.check(form.getVersion(), direction.getVersion());
        direction.setCode(directionCode(framework, direction, form.getCode()));
        direction.setName(text(form.getName(), "name", "Укажите название направления", 1000));
        repository.saveAndFlush(framework);
    }

    void deleteDirection(CurrentUser user, long frameworkId, long directionId, Long version) {
        Framework framework = frameworks.editable(user, frameworkId);
        Direction direction = direction(framework, directionId);
        ConcurrentEditException.check(version, direction.getVersion());
        framework.getDirections().remove(direction);
        framework.renumber();
        repository.saveAndFlush(framework);
    }

    /** A new indicator at the end of the direction; its id. */
    long addIndicator(CurrentUser user, long frameworkId, long directionId, IndicatorForm form) {
        Framework framework = frameworks.editable(user, frameworkId);
        Direction direction = direction(framework, directionId);
        String code = indicatorCode(framework, null, form.getCode());
        String wording = text(form.getWording(), "wording", "Укажите формулировку показателя", 10_000);
        Indicator indicator = direction.addIndicator(code, wording, type(form), BigDecimal.ZERO);
        apply(indicator, form);
        // a merge may persist a copy of the new indicator: it is found by its code, unique in the framework
        return repository.saveAndFlush(framework).indicators().stream().filter(i -> i.getCode().equals(code))
                .findFirst().orElseThrow().getId();
    }

    void updateIndicator(CurrentUser user, long frameworkId, long indicatorId, IndicatorForm form) {
        Framework framework = frameworks.editable(user, frameworkId);
        Indicator indicator = indicator(framework, indicatorId);
        ConcurrentEditException.check(form.getVersion(), indicator.getVersion());
        indicator.setCode(indicatorCode(framework, indicator, form.getCode()));
        indicator.setWording(text(form.getWording(), "wording", "Укажите формулировку показателя", 10_000));
        indicator.setValueType(type(form));
        apply(indicator, form);
        repository.saveAndFlush(framework);
    }

    void deleteIndicator(CurrentUser user, long frameworkId, long indicatorId, Long version) {
        Framework framework = frameworks.editable(user, frameworkId);
        Indicator indicator = indicator(framework, indicatorId);
        ConcurrentEditException.check(version, indicator.getVersion());
        Direction direction = indicator.getDirection();
        direction.getIndicators().remove(indicator);
        direction.renumber();
        repository.saveAndFlush(framework);
    }

    private static Direction direction(Framework framework, long directionId) {
        return framework.getDirections().stream().filter(d -> d.getId().equals(directionId)).findFirst()
                .orElseThrow(() -> NotFoundException.of("Направление", directionId));
    }

    private static Indicator indicator(Framework framework, long indicatorId) {
        return framework.indicators().stream().filter(i -> i.getId().equals(indicatorId)).findFirst()
                .orElseThrow(() -> NotFoundException.of("Показатель", indicatorId));
    }

    private static void apply(Indicator indicator, IndicatorForm form) {
        ValueType type = indicator.getValueType();
        List<IndicatorOption> options = List.of();
        if (type == ValueType.CHOICE) {
            try {
                options = FrameworkRules.options(form.getOptions(), "\\R");
            } catch (IllegalArgumentException e) {
                throw RuleViolationException.field("options", "Вариант «" + e.getMessage()
                        + "» записан неверно: пишите по одному варианту в строке как «вариант = баллы», баллы — число не меньше 0.");
            }
            if (options.size() < 2) {
                throw RuleViolationException.field("options", "Для выбора из вариантов укажите хотя бы два варианта «вариант = баллы».");
            }
        }
        BigDecimal points = decimal(form.getPoints(), "points", "Баллы");
        if (points == null) {
            points = type == ValueType.CHOICE
                    ? options.stream().map(IndicatorOption::getPoints).reduce(BigDecimal.ZERO, BigDecimal::max) : null;
            if (points == null) {
                throw RuleViolationException.field("points", "Укажите баллы за показатель");
            }
        }
        if (points.signum() < 0) {
            throw RuleViolationException.field("points", "Баллы не могут быть отрицательными");
        }
        BigDecimal target = type == ValueType.NUMBER ? decimal(form.getTarget(), "target", "Цель") : null;
        if (target != null && target.signum() <= 0) {
            throw RuleViolationException.field("target", "Цель — число больше 0 (или оставьте пустым)");
        }
        indicator.setPoints(points);
        indicator.setTarget(target);
        indicator.setEvidenceRequired(form.isEvidenceRequired());
        indicator.getOptions().clear();
        indicator.getOptions().addAll(options);
    }

    private static ValueType type(IndicatorForm form) {
        if (form.getValueType() == null) {
            throw RuleViolationException.field("valueType", "Выберите тип показателя");
        }
        return form.getValueType();
    }

    private static String directionCode(Framework framework, Direction self, String text) {
        String code = text(text, "code", "Укажите код направления", FrameworkRules.MAX_DIRECTION_CODE);
        if (framework.getDirections().stream().anyMatch(d -> d != self && d.getCode().equalsIgnoreCase(code))) {
            throw RuleViolationException.field("code", "Направление с кодом «" + code + "» в наборе уже есть");
        }
        return code;
    }

    private static String indicatorCode(Framework framework, Indicator self, String text) {
        String code = text(text, "code", "Укажите код показателя", FrameworkRules.MAX_CODE);
        framework.indicators().stream().filter(i -> i != self && i.getCode().equalsIgnoreCase(code)).findFirst()
                .ifPresent(other -> {
                    throw RuleViolationException.field("code", "Код «" + code + "» уже есть в наборе у показателя «"
                            + other.getWording() + "»: коды показателей в наборе не повторяются");
                });
        return code;
    }

    private static void thresholds(Framework framework, FrameworkForm form) {
        BigDecimal formed = decimal(form.getFormedFrom(), "formedFrom", "Порог «сформирована»");
        BigDecimal partial = decimal(form.getPartialFrom(), "partialFrom", "Порог «частично сформирована»");
        if (formed == null || formed.signum() <= 0 || formed.compareTo(HUNDRED) > 0) {
            throw RuleViolationException.field("formedFrom", "Порог «сформирована» — число больше 0 и не больше 100 %");
        }
        if (partial == null || partial.signum() <= 0 || partial.compareTo(HUNDRED) > 0) {
            throw RuleViolationException.field("partialFrom", "Порог «частично сформирована» — число больше 0 и не больше 100 %");
        }
        if (partial.compareTo(formed) >= 0) {
            throw RuleViolationException.field("partialFrom", "Порог «частично сформирована» должен быть меньше порога «сформирована»");
        }
        if (formed.scale() > 2 || partial.scale() > 2) {
            throw RuleViolationException.field("formedFrom", "Пороги указываются не точнее сотых долей процента");
        }
        framework.setFormedFrom(formed);
        framework.setPartialFrom(partial);
    }

    private static BigDecimal decimal(String text, String field, String label) {
        try {
            return FrameworkRules.number(text);
        } catch (IllegalArgumentException e) {
            throw RuleViolationException.field(field, label + " — число, а указано «" + e.getMessage() + "»");
        }
    }

    static String name(String text) {
        return text(text, "name", "Укажите название набора показателей", 500);
    }

    static int year(String text) {
        try {
            int year = Integer.parseInt(text == null ? "" : text.strip());
            if (year >= 2000 && year <= 2100) {
                return year;
            }
        } catch (NumberFormatException ignored) {
            // the message below
        }
        throw RuleViolationException.field("year", "Год — четыре цифры, например 2023");
    }

    private static String text(String text, String field, String required, int max) {
        String t = text == null ? "" : text.strip().replaceAll("\\s+", " ");
        if (t.isEmpty()) {
            throw RuleViolationException.field(field, required);
        }
        if (t.length() > max) {
            throw RuleViolationException.field(field, "Не больше " + max + " символов (сейчас " + t.length() + ")");
        }
        return t;
    }
}
