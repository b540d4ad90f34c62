package ru.rsoko.vsoko.framework;

import java.math.BigDecimal;
import java.util.stream.Collectors;

/**
 * What the framework pages submit. Numbers arrive as text, so that a wrong one gets a Russian message on its
 * field rather than a conversion error.
 */
public final class FrameworkForms {

    private FrameworkForms() {
    }

    /** Name, year and thresholds of a framework (new, edited or a copy). */
    public static class FrameworkForm {
        private String name;
        private String year;
        private String formedFrom = "75";
        private String partialFrom = "50";
        private Long version;

        static FrameworkForm of(FrameworkView f) {
            FrameworkForm form = new FrameworkForm();
            form.name = f.name();
            form.year = String.valueOf(f.year());
            form.formedFrom = plain(f.formedFrom());
            form.partialFrom = plain(f.partialFrom());
            form.version = f.version();
            return form;
        }

        public String getName() { return name; }
        public void setName(String name) { this.name = name; }
        public String getYear() { return year; }
        public void setYear(String year) { this.year = year; }
        public String getFormedFrom() { return formedFrom; }
        public void setFormedFrom(String formedFrom) { this.formedFrom = formedFrom; }
        public String getPartialFrom() { return partialFrom; }
        public void setPartialFrom(String partialFrom) { this.partialFrom = partialFrom; }
        public Long getVersion() { return version; }
        public void setVersion(Long version) { this.version = version; }
    }

    public static class DirectionForm {
        private String code;
        private String name;
        private Long version;

        static DirectionForm of(FrameworkView.DirectionView d) {
            DirectionForm form = new DirectionForm();
            form.code = d.code();
            form.name = d.name();
            form.version = d.version();
            return form;
        }

        public String getCode() { return code; }
        public void setCode(String code) { this.code = code; }
        public String getName() { return name; }
        public void setName(String name) { this.name = name; }
        public Long getVersion() { return version; }
        public void setVersion(Long version) { this.version = version; }
    }

    /** An indicator; options of a choice are «вариант = баллы», one a line. */
    public static class IndicatorForm {
        private String code;
        private String wording;
        private ValueType valueType = ValueType.YES_NO;
        private String points = "1";
        private String target;
        private String options;
        private boolean evidenceRequired;
        private Long version;

        static IndicatorForm of(FrameworkView.IndicatorView i) {
            IndicatorForm form = new IndicatorForm();
            form.code = i.code();
            form.wording = i.wording();
            form.valueType = i.valueType();
            form.points = plain(i.points());
            form.target = i.target() == null ? null : plain(i.target());
            form.options = i.options().stream().map(o -> o.label() + " = " + plain(o.points()))
                    .collect(Collectors.joining("\n"));
            form.evidenceRequired = i.evidenceRequired();
            form.version = i.version();
            return form;
        }

        public String getCode() { return code; }
        public void setCode(String code) { this.code = code; }
        public String getWording() { return wording; }
        public void setWording(String wording) { this.wording = wording; }
        public ValueType getValueType() { return valueType; }
        public void setValueType(ValueType valueType) { this.valueType = valueType; }
        public String getPoints() { return points; }
        public void setPoints(String points) { this.points = points; }
        public String getTarget() { return target; }
        public void setTarget(String target) { this.target = target; }
        public String getOptions() { return options; }
        public void setOptions(String options) { this.options = options; }
        public boolean isEvidenceRequired() { return evidenceRequired; }
        public void setEvidenceRequired(boolean evidenceRequired) { this.evidenceRequired = evidenceRequired; }
        public Long getVersion() { return version; }
        public void setVersion(Long version) { this.version = version; }
    }

    /** A number as people write it: «75», «0,5»; no trailing zeros. */
    public static String plain(BigDecimal value) {
        if (value == null) {
            return "";
        }
        BigDecimal stripped = value.stripTrailingZeros();
        return (stripped.scale() < 0 ? stripped.setScale(0) : stripped).toPlainString();
    }
}
