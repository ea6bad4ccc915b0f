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

    static final String EXPORT = """
            The orders the list's filters cover (`status`, `created_from`, `created_to`, `total_min`, `total_max`, \
            `q`, `user_id` for admins; `sort` as the list's), all of them, without paging: an admin exports every \
            user's orders. RFC 4180: a header row, every line ended by CRLF, fields quoted when they hold a comma, \
            a quote, CR or LF; UTF-8 without a byte-order mark (in a spreadsheet, import it as UTF-8). Columns: \
            `id,user_id,status,currency,item_count,total,created_at,updated_at,notes`; with `lines=true` one row \
            per item (orders without items have none): `order_id,user_id,status,currency,order_total,created_at,\
            updated_at,item_id,name,sku,quantity,unit_price,line_total`. A cell starting with `=`, `+`, `-`, `@`, \
            tab or CR is prefixed with `'`, so no spreadsheet runs it as a formula. Streamed from the database as \
            it is written, in constant memory; an export that fails part-way ends with the connection closed \
            (never a well-formed but incomplete file), so a download that completed is complete.""";

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
                user's order is 404 ORDER_NOT_FOUND. \
                Search: `q` (at most 200 characters) is words, all of which must occur in the notes or item \
                names (whole words, any case, no stemming), or, for a word spelled like a SKU, at the start of one \
                of its SKUs (`ls-1` finds `LS-100`); the text-search operators `& | ! ( ) : * < >` are refused \
                (400). `total_min`/`total_max` are inclusive; min above max is 400.""";
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
