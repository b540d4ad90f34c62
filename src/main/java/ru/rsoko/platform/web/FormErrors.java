package ru.rsoko.platform.web;

import org.springframework.validation.BindingResult;

/** Puts a rule violation from a service onto the form it came from: on its field, or above the form. */
public final class FormErrors {

    private FormErrors() {
    }

    public static void reject(BindingResult errors, RuleViolationException e) {
        if (e.field() != null && errors.getFieldType(e.field()) != null) {
            errors.rejectValue(e.field(), "rule", e.getMessage());
        } else {
            errors.reject("rule", e.getMessage());
        }
    }
}
