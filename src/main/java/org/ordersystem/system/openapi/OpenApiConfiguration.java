package org.ordersystem.system.openapi;

import org.ordersystem.system.problem.ErrorCode;
import org.ordersystem.system.problem.Problem;

import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import org.springdoc.core.customizers.OpenApiCustomizer;

import org.springframework.boot.info.BuildProperties;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI document's conventions: what every API operation may answer besides its
 * success (all as {@code application/problem+json} with the contract's {@code error_code}),
 * and the decisions the contract left open.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    private static final String PROBLEM = "Problem";

    private static final String DESCRIPTION = """
            Order management API. JSON bodies use snake_case; timestamps are ISO-8601 UTC; money is a \
            number with at most 2 decimals. Unknown request fields are refused (400 VALIDATION_FAILED).

            Every error is RFC 9457 application/problem+json with `error_code` and `request_id`; problem \
            `type`s are relative URIs `/problems/<error-code-in-kebab-case>`. Every response carries \
            `X-Request-Id`.

            Orders: `ETag` is the order's version; `If-None-Match` on GET answers 304; `If-Match` on every \
            write (order, status, items, delete) answers 412 PRECONDITION_FAILED when stale. \
            `Idempotency-Key` (1-255 chars, per user, 24 h) on POST /api/orders replays the first answer \
            with `Idempotent-Replayed: true`; another body → 422; while the first runs → 409. \
            `item_count` is the number of lines. Statistics' `total_value`/`average_value` leave cancelled \
            orders out; a user's `total_spent` counts confirmed, shipped and delivered orders. \
            PATCH /api/orders/{id} requires `notes`; an empty string clears it. In an item PATCH an empty \
            `sku` clears it. A regular user sending `user_id` (create, list, statistics) gets 403.

            Rate limits on /api: `RateLimit-Limit`, `RateLimit-Remaining`, `RateLimit-Reset` on every \
            response; 429 RATE_LIMITED with `Retry-After`.""";

    private static final Map<String, String> ERRORS = Map.of(
            "400", "VALIDATION_FAILED (with `errors[{field, message}]`), MALFORMED_REQUEST, WEAK_PASSWORD",
            "401", "UNAUTHENTICATED, TOKEN_INVALID, TOKEN_EXPIRED, TOKEN_REUSED, INVALID_CREDENTIALS",
            "403", "ACCOUNT_DEACTIVATED, INSUFFICIENT_PERMISSIONS",
            "404", "USER_NOT_FOUND, ORDER_NOT_FOUND, ITEM_NOT_FOUND (also for another user's resources), NOT_FOUND",
            "409", "EMAIL_EXISTS, INVALID_STATUS_TRANSITION (with `current_status`, `allowed_transitions`), "
                    + "ORDER_NOT_MODIFIABLE, ORDER_EMPTY, ITEM_LIMIT_REACHED, CONCURRENT_MODIFICATION, "
                    + "IDEMPOTENCY_IN_PROGRESS",
            "412", "PRECONDITION_FAILED: If-Match names an old version; nothing changed",
            "413", "PAYLOAD_TOO_LARGE: body over 1 MiB",
            "415", "UNSUPPORTED_MEDIA_TYPE: send application/json",
            "422", "IDEMPOTENCY_KEY_REUSED",
            "429", "RATE_LIMITED or TOO_MANY_ATTEMPTS, with Retry-After");

    private static final Map<String, String> ALWAYS = Map.of(
            "500", "INTERNAL_ERROR (logged with the request id)",
            "503", "SERVICE_UNAVAILABLE: the database is unreachable or the instance is at its concurrency limit; "
                    + "retry after Retry-After seconds");

    @Bean
    OpenApiCustomizer problemResponses(ObjectProvider<BuildProperties> build) {
        return openApi -> {
            openApi.info(new Info().title("Order backend API")
                    .version(build.getIfAvailable() == null ? "dev" : build.getIfAvailable().getVersion())
                    .description(DESCRIPTION));
            if (openApi.getComponents() == null) {
                openApi.setComponents(new Components());
            }
            openApi.getComponents().addSchemas(PROBLEM, problemSchema());
            if (openApi.getPaths() == null) {
                return;
            }
            openApi.getPaths().forEach((path, item) -> {
                if (path.startsWith("/api/")) {
                    item.readOperationsMap().forEach((method, operation) -> document(path, method, operation));
                }
            });
        };
    }

    private static void document(String path, PathItem.HttpMethod method, Operation operation) {
        ApiResponses responses = operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
        operation.setResponses(responses);
        Map<String, String> errors = new java.util.TreeMap<>(ALWAYS);
        ERRORS.forEach((status, codes) -> {
            boolean applies = switch (status) {
                case "404" -> path.contains("{") || path.startsWith("/api/users") || path.startsWith("/api/orders");
                case "412" -> path.startsWith("/api/orders/{") && method != PathItem.HttpMethod.GET;
                case "413", "415" -> method == PathItem.HttpMethod.POST || method == PathItem.HttpMethod.PATCH;
                case "422" -> path.equals("/api/orders") && method == PathItem.HttpMethod.POST;
                default -> true;
            };
            if (applies) {
                errors.put(status, codes);
            }
        });
        errors.forEach((status, codes) -> {
            ApiResponse existing = responses.get(status);
            ApiResponse response = new ApiResponse().description(codes).content(new Content()
                    .addMediaType("application/problem+json", new MediaType().schema(
                            new Schema<>().$ref("#/components/schemas/" + PROBLEM))));
            if (existing == null || existing.getContent() == null || existing.getContent().isEmpty()
                    || existing.getContent().values().stream().anyMatch(m -> m.getSchema() == null
                            || m.getSchema().get$ref() == null)) {
                responses.addApiResponse(status, response);
            }
        });
    }

    private static Schema<?> problemSchema() {
        ObjectSchema fieldError = new ObjectSchema();
        fieldError.addProperty("field", new StringSchema().example("items[0].unit_price"));
        fieldError.addProperty("message", new StringSchema().example("must be greater than or equal to 0"));
        ObjectSchema problem = new ObjectSchema();
        problem.description("RFC 9457 problem details");
        problem.addProperty("type", new StringSchema().example("/problems/order-not-found"));
        problem.addProperty("title", new StringSchema().example("Order not found"));
        problem.addProperty("status", new IntegerSchema().example(404));
        problem.addProperty("detail", new StringSchema().example("Order 42 not found."));
        problem.addProperty("instance", new StringSchema().example("/api/orders/42"));
        problem.addProperty("error_code", new StringSchema().example("ORDER_NOT_FOUND")._enum(
                java.util.Arrays.stream(ErrorCode.values()).map(Enum::name).toList()));
        problem.addProperty("request_id", new StringSchema());
        problem.addProperty("errors", new ArraySchema().items(fieldError));
        problem.addProperty("current_status", new StringSchema());
        problem.addProperty("allowed_transitions", new ArraySchema().items(new StringSchema()));
        problem.required(List.of("type", "title", "status", "error_code"));
        return problem;
    }
}
