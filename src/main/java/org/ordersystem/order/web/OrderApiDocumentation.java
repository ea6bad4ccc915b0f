package org.ordersystem.order.web;

import java.util.ArrayList;
import java.util.List;

import io.swagger.v3.oas.models.PathItem.HttpMethod;

import org.ordersystem.order.OrderErrorCode;
import org.ordersystem.system.openapi.ApiDocumentation;
import org.ordersystem.system.problem.CommonErrorCode;
import org.ordersystem.system.problem.ErrorCode;
import org.ordersystem.user.UserErrorCode;

import org.springframework.stereotype.Component;

/** The order API's part of the OpenAPI document: the decisions the contract left open, and its error codes. */
@Component
class OrderApiDocumentation implements ApiDocumentation {

    private static final String ORDERS = "/api/orders";

    @Override
    public String description() {
        return """
                Orders: `ETag` is the order's version; `If-None-Match` on GET answers 304; `If-Match` on every \
                write (order, status, items, delete) answers 412 PRECONDITION_FAILED when stale. \
                `Idempotency-Key` (1-255 chars, per user, 24 h) on POST /api/orders replays the first answer \
                with `Idempotent-Replayed: true`; another body → 422; while the first runs → 409. \
                A 409 INVALID_STATUS_TRANSITION carries `current_status` and `allowed_transitions`. \
                `item_count` is the number of lines. Statistics' `total_value`/`average_value` leave cancelled \
                orders out; a user's `total_spent` counts confirmed, shipped and delivered orders. \
                PATCH /api/orders/{id} requires `notes`; an empty string clears it. In an item PATCH an empty \
                `sku` clears it. A regular user sending `user_id` (create, list, statistics) gets 403; another \
                user's order is 404 ORDER_NOT_FOUND.""";
    }

    @Override
    public List<ErrorCode> errors(String path, HttpMethod method) {
        if (!path.equals(ORDERS) && !path.startsWith(ORDERS + "/")) {
            return List.of();
        }
        List<ErrorCode> errors = new ArrayList<>(List.of(CommonErrorCode.INSUFFICIENT_PERMISSIONS));
        boolean write = method != HttpMethod.GET && method != HttpMethod.HEAD;
        if (path.equals(ORDERS) && method == HttpMethod.POST) {
            errors.addAll(List.of(OrderErrorCode.IDEMPOTENCY_IN_PROGRESS, OrderErrorCode.IDEMPOTENCY_KEY_REUSED,
                    OrderErrorCode.ITEM_LIMIT_REACHED, UserErrorCode.USER_NOT_FOUND));
        }
        if (path.startsWith(ORDERS + "/{")) {
            errors.add(OrderErrorCode.ORDER_NOT_FOUND);
            if (write) {
                errors.addAll(List.of(CommonErrorCode.PRECONDITION_FAILED, CommonErrorCode.CONCURRENT_MODIFICATION,
                        OrderErrorCode.ORDER_NOT_MODIFIABLE));
            }
        }
        if (path.endsWith("/status") && write) {
            errors.addAll(List.of(OrderErrorCode.INVALID_STATUS_TRANSITION, OrderErrorCode.ORDER_EMPTY));
        }
        if (path.contains("/items")) {
            errors.add(method == HttpMethod.POST ? OrderErrorCode.ITEM_LIMIT_REACHED : OrderErrorCode.ITEM_NOT_FOUND);
        }
        return errors;
    }
}
