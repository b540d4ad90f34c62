package ru.rsoko.platform.audit;

public record FieldChange(String field, String before, String after) {
}
