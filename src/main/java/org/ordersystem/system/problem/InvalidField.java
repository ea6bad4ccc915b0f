package org.ordersystem.system.problem;

import java.util.List;

/** A request value that failed a rule checked in code (not by a validation annotation). */
public class InvalidField extends ApiException {

    public InvalidField(String field, String message) {
        super(CommonErrorCode.VALIDATION_FAILED, field + " " + message);
        getBody().setProperty("errors", List.of(new ProblemDetails.FieldError(field, message)));
    }
}
