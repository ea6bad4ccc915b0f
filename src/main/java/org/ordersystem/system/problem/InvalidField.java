package org.ordersystem.system.problem;

import java.util.List;
import java.util.Map;

/** A request value that failed a rule checked in code (not by a validation annotation). */
public class InvalidField extends ApiException {

    private final List<Problem.FieldError> errors;

    public InvalidField(String field, String message) {
        super(ErrorCode.VALIDATION_FAILED, field + " " + message);
        this.errors = List.of(new Problem.FieldError(field, message));
    }

    @Override
    public Map<String, Object> properties() {
        return Map.of("errors", errors);
    }
}
