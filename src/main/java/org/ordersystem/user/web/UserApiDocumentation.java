package org.ordersystem.user.web;

import java.util.ArrayList;
import java.util.List;

import io.swagger.v3.oas.models.PathItem.HttpMethod;

import org.ordersystem.system.openapi.ApiDocumentation;
import org.ordersystem.system.problem.CommonErrorCode;
import org.ordersystem.system.problem.ErrorCode;
import org.ordersystem.user.UserErrorCode;

import org.springframework.stereotype.Component;

/** The user API's part of the OpenAPI document: its error codes. */
@Component
class UserApiDocumentation implements ApiDocumentation {

    private static final String USERS = "/api/users";
    private static final String OWN_ACCOUNT = USERS + "/me";

    @Override
    public String description() {
        return "Users: everything under /api/users but /api/users/me is for administrators (403 otherwise).";
    }

    @Override
    public List<ErrorCode> errors(String path, HttpMethod method) {
        if (!path.equals(USERS) && !path.startsWith(USERS + "/")) {
            return List.of();
        }
        List<ErrorCode> errors = new ArrayList<>();
        if (path.equals(OWN_ACCOUNT) || path.startsWith(OWN_ACCOUNT + "/")) {
            if (method == HttpMethod.PATCH) {
                errors.add(UserErrorCode.EMAIL_EXISTS);
            }
            return errors;
        }
        errors.add(CommonErrorCode.INSUFFICIENT_PERMISSIONS);
        if (path.contains("{")) {
            errors.add(UserErrorCode.USER_NOT_FOUND);
        }
        return errors;
    }
}
