package org.ordersystem.auth.web;

import java.util.List;

import io.swagger.v3.oas.models.PathItem.HttpMethod;

import org.ordersystem.auth.AuthErrorCode;
import org.ordersystem.system.openapi.ApiDocumentation;
import org.ordersystem.system.problem.ErrorCode;
import org.ordersystem.user.UserErrorCode;

import org.springframework.stereotype.Component;

/** Signing in and tokens in the OpenAPI document: what a bearer token or a sign-in may be refused with. */
@Component
class AuthApiDocumentation implements ApiDocumentation {

    @Override
    public String description() {
        return "Sign in with /api/auth/login (JSON) or /api/auth/token (OAuth2 password form); send the access "
                + "token as `Authorization: Bearer`. A refresh token is single-use: using one twice (401 "
                + "TOKEN_REUSED) ends every token of its session.";
    }

    @Override
    public List<ErrorCode> errors(String path, HttpMethod method) {
        return switch (path) {
            case "/api/auth/register" -> List.of(UserErrorCode.EMAIL_EXISTS, UserErrorCode.WEAK_PASSWORD);
            case "/api/auth/login", "/api/auth/token" -> List.of(AuthErrorCode.INVALID_CREDENTIALS,
                    AuthErrorCode.ACCOUNT_DEACTIVATED, AuthErrorCode.TOO_MANY_ATTEMPTS, AuthErrorCode.TOKEN_INVALID,
                    AuthErrorCode.TOKEN_EXPIRED, AuthErrorCode.TOKEN_REUSED);
            case "/api/auth/refresh" -> List.of(AuthErrorCode.TOKEN_INVALID, AuthErrorCode.TOKEN_EXPIRED,
                    AuthErrorCode.TOKEN_REUSED, AuthErrorCode.ACCOUNT_DEACTIVATED);
            case "/api/users/me/password" -> List.of(AuthErrorCode.TOKEN_INVALID, AuthErrorCode.TOKEN_EXPIRED,
                    AuthErrorCode.ACCOUNT_DEACTIVATED, AuthErrorCode.TOO_MANY_ATTEMPTS, UserErrorCode.WEAK_PASSWORD);
            default -> path.startsWith("/api/") ? List.of(AuthErrorCode.TOKEN_INVALID, AuthErrorCode.TOKEN_EXPIRED,
                    AuthErrorCode.ACCOUNT_DEACTIVATED) : List.of();
        };
    }
}
