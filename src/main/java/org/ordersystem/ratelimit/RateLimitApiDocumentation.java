package org.ordersystem.ratelimit;

import java.util.List;

import io.swagger.v3.oas.models.PathItem.HttpMethod;

import org.ordersystem.system.openapi.ApiDocumentation;
import org.ordersystem.system.problem.ErrorCode;

import org.springframework.stereotype.Component;

/** The rate limit in the OpenAPI document: its headers and its refusal, on every /api operation. */
@Component
class RateLimitApiDocumentation implements ApiDocumentation {

    @Override
    public String description() {
        return "Rate limits on /api: `RateLimit-Limit`, `RateLimit-Remaining`, `RateLimit-Reset` on every "
                + "response; 429 RATE_LIMITED with `Retry-After`.";
    }

    @Override
    public List<ErrorCode> errors(String path, HttpMethod method) {
        return path.startsWith("/api/") ? List.of(RateLimitErrorCode.RATE_LIMITED) : List.of();
    }
}
