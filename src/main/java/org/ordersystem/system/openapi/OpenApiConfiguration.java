package org.ordersystem.system.openapi;

import org.ordersystem.system.problem.ErrorCode;
import org.ordersystem.system.problem.CommonErrorCode;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

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
 * success (all as {@code application/problem+json} with the contract's {@code error_code}):
 * the HTTP layer's codes, and the codes and description paragraphs the modules declare
 * ({@link ApiDocumentation} beans).
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    private static final String PROBLEM = "Problem";

    private static final String DESCRIPTION = """
            Order management API. JSON bodies use snake_case; timestamps are ISO-8601 UTC; money is a \
            number with at most 2 decimals. Unknown request fields are refused (400 VALIDATION_FAILED, with \
            `errors[{field, message}]`).

            Every error is RFC 9457 application/problem+json with `error_code` and `request_id`; problem \
            `type`s are relative URIs `/problems/<error-code-in-kebab-case>`. Every response carries \
            `X-Request-Id`. A 503 SERVICE_UNAVAILABLE (the database is unreachable, or the instance is at its \
            adaptive concurrency limit) carries `Retry-After`. Where the operator lets requests over the limit \
            wait for their turn, a caller that would rather be refused at once sends `Prefer: wait=0` \
            (RFC 7240; `wait=N` shortens the wait to N seconds). A 500 INTERNAL_ERROR is logged with the \
            request id.""";

    @Bean
    OpenApiCustomizer problemResponses(ObjectProvider<BuildProperties> build, List<ApiDocumentation> modules) {
        return openApi -> {
            StringBuilder description = new StringBuilder(DESCRIPTION);
            modules.stream().map(ApiDocumentation::description).filter(text -> !text.isBlank())
                    .forEach(text -> description.append("\n\n").append(text));
            openApi.info(new Info().title("Order backend API")
                    .version(build.getIfAvailable() == null ? "dev" : build.getIfAvailable().getVersion())
                    .description(description.toString()));
            if (openApi.getComponents() == null) {
                openApi.setComponents(new Components());
            }
            Set<String> codes = new TreeSet<>();
            if (openApi.getPaths() != null) {
                openApi.getPaths().forEach((path, item) -> {
                    if (path.startsWith("/api/")) {
                        item.readOperationsMap().forEach((method, operation) -> codes.addAll(
                                document(operation, errors(path, method, modules))));
                    }
                });
            }
            openApi.getComponents().addSchemas(PROBLEM, problemSchema(codes));
        };
    }

    /** The HTTP layer's codes for any operation, then each module's. */
    private static List<ErrorCode> errors(String path, PathItem.HttpMethod method, List<ApiDocumentation> modules) {
        List<ErrorCode> errors = new ArrayList<>(List.of(CommonErrorCode.VALIDATION_FAILED,
                CommonErrorCode.MALFORMED_REQUEST, CommonErrorCode.UNAUTHENTICATED, CommonErrorCode.INTERNAL_ERROR,
                CommonErrorCode.SERVICE_UNAVAILABLE));
        if (path.contains("{")) {
            errors.add(CommonErrorCode.NOT_FOUND);
        }
        if (method == PathItem.HttpMethod.POST || method == PathItem.HttpMethod.PATCH
                || method == PathItem.HttpMethod.PUT) {
            errors.add(CommonErrorCode.PAYLOAD_TOO_LARGE);
            errors.add(CommonErrorCode.UNSUPPORTED_MEDIA_TYPE);
        }
        modules.forEach(module -> errors.addAll(module.errors(path, method)));
        return errors;
    }

    /** One problem response per status, naming its codes; returns the codes named. */
    private static Set<String> document(Operation operation, List<ErrorCode> errors) {
        ApiResponses responses = operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
        operation.setResponses(responses);
        Map<String, Set<String>> byStatus = new TreeMap<>();
        errors.forEach(code -> byStatus.computeIfAbsent(String.valueOf(code.status().value()),
                status -> new LinkedHashSet<>()).add(code.name()));
        byStatus.forEach((status, names) -> {
            ApiResponse existing = responses.get(status);
            ApiResponse response = new ApiResponse().description(String.join(", ", names)).content(new Content()
                    .addMediaType("application/problem+json", new MediaType().schema(
                            new Schema<>().$ref("#/components/schemas/" + PROBLEM))));
            if (existing == null || existing.getContent() == null || existing.getContent().isEmpty()
                    || existing.getContent().values().stream().anyMatch(m -> m.getSchema() == null
                            || m.getSchema().get$ref() == null)) {
                responses.addApiResponse(status, response);
            }
        });
        return byStatus.values().stream().flatMap(Set::stream).collect(Collectors.toSet());
    }

    private static Schema<?> problemSchema(Set<String> codes) {
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
        problem.addProperty("error_code", new StringSchema().example("ORDER_NOT_FOUND")._enum(List.copyOf(codes)));
        problem.addProperty("request_id", new StringSchema());
        problem.addProperty("errors", new ArraySchema().items(fieldError));
        problem.required(List.of("type", "title", "status", "error_code"));
        return problem;
    }
}
