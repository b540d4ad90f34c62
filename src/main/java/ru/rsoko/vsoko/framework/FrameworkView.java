package ru.rsoko.vsoko.framework;

import org.jspecify.annotations.Nullable;
import ru.rsoko.platform.web.NotFoundException;
import ru.rsoko.vsoko.Level;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/**
 * A framework as pages, workbooks and the API read it: whole (directions, indicators, options), read inside the
 * service's transaction, so that nothing is loaded while a page renders.
 */
public record FrameworkView(long id, long regionId, String name, int year, boolean sample, BigDecimal formedFrom,
                            BigDecimal partialFrom, @Nullable Long basedOnId, long version,
                            List<DirectionView> directions) {

    /** Reads the whole framework; call inside a transaction. */
    public static FrameworkView of(Framework f) {
        return new FrameworkView(f.getId(), f.getRegionId(), f.getName(), f.getYear(), f.isSample(), f.getFormedFrom(),
                f.getPartialFrom(), f.getBasedOnId(), f.getVersion(),
                f.getDirections().stream().map(DirectionView::of).toList());
    }

    public List<IndicatorView> indicators() {
        return directions.stream().flatMap(d -> d.indicators().stream()).toList();
    }

    public int indicatorCount() {
        return directions.stream().mapToInt(d -> d.indicators().size()).sum();
    }

    public BigDecimal maxPoints() {
        return directions.stream().map(DirectionView::maxPoints).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    public Level level(BigDecimal percent) {
        return Level.of(percent, formedFrom, partialFrom);
    }

    /** The direction of this code, or the first one; none for a framework without directions. */
    public Optional<DirectionView> directionOrFirst(@Nullable String code) {
        return directions.stream().filter(d -> d.code().equals(code)).findFirst()
                .or(() -> directions.stream().findFirst());
    }

    public DirectionView direction(long directionId) {
        return directions.stream().filter(d -> d.id() == directionId).findFirst()
                .orElseThrow(() -> NotFoundException.of("Направление", directionId));
    }

    public IndicatorView indicator(long indicatorId) {
        return indicators().stream().filter(i -> i.id() == indicatorId).findFirst()
                .orElseThrow(() -> NotFoundException.of("Показатель", indicatorId));
    }

    /** A direction with its indicators. */
    public record DirectionView(long id, int position, String code, String name, long version,
                                List<IndicatorView> indicators) {

        static DirectionView of(Direction d) {
            return new DirectionView(d.getId(), d.getPosition(), d.getCode(), d.getName(), d.getVersion(),
                    d.getIndicators().stream().map(IndicatorView::of).toList());
        }

        public BigDecimal maxPoints() {
            return indicators.stream().map(IndicatorView::maxPoints).reduce(BigDecimal.ZERO, BigDecimal::add);
        }
    }

    /** An indicator: how it is answered and scored; {@link Answers} reads and shows its answers. */
    public record IndicatorView(long id, long directionId, String directionCode, int position, String code,
                                String wording, ValueType valueType, BigDecimal points, @Nullable BigDecimal target,
                                boolean evidenceRequired, List<Option> options, long version) {

        static IndicatorView of(Indicator i) {
            return new IndicatorView(i.getId(), i.getDirection().getId(), i.getDirection().getCode(), i.getPosition(),
                    i.getCode(), i.getWording(), i.getValueType(), i.getPoints(), i.getTarget(), i.isEvidenceRequired(),
                    i.getOptions().stream().map(o -> new Option(o.getLabel(), o.getPoints())).toList(), i.getVersion());
        }

        /** The most an answer can earn. */
        public BigDecimal maxPoints() {
            return valueType == ValueType.CHOICE
                    ? options.stream().map(Option::points).reduce(BigDecimal.ZERO, BigDecimal::max) : points;
        }

        public List<String> optionLabels() {
            return options.stream().map(Option::label).toList();
        }
    }

    /** One answer of a choice indicator and the points it brings. */
    public record Option(String label, BigDecimal points) {
    }
}
