package ru.rsoko.vsoko;

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

        public static FrameworkForm of(Framework f) {
            FrameworkForm form = new FrameworkForm();
            form.name = f.getName();
            form.year = String.valueOf(f.getYear());
            form.formedFrom = plain(f.getFormedFrom());
            form.partialFrom = plain(f.getPartialFrom());
            form.version = f.getVersion();
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

        public static DirectionForm of(Direction d) {
            DirectionForm form = new DirectionForm();
            form.code = d.getCode();
            form.name = d.getName();
            form.version = d.getVersion();
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

        public static IndicatorForm of(Indicator i) {
            IndicatorForm form = new IndicatorForm();
            form.code = i.getCode();
            form.wording = i.getWording();
            form.valueType = i.getValueType();
            form.points = plain(i.getPoints());
            form.target = i.getTarget() == null ? null : plain(i.getTarget());
            form.options = i.getOptions().stream().map(o -> o.getLabel() + " = " + plain(o.getPoints()))
                    .collect(Collectors.joining("\n"));
            form.evidenceRequired = i.isEvidenceRequired();
            form.version = i.getVersion();
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
