package org.ordersystem.order.web;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.time.OffsetDateTime;
import java.util.Currency;
import java.util.List;
import java.util.Set;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

import org.ordersystem.order.OrderCsv;
import org.ordersystem.order.OrderExport;
import org.ordersystem.order.OrderFilter;
import org.ordersystem.order.OrderSnapshot;
import org.ordersystem.order.OrderService;
import org.ordersystem.order.OrderStatistics;
import org.ordersystem.order.OrderStatus;
import org.ordersystem.order.PlaceOrder;
import org.ordersystem.system.problem.InvalidField;
import org.ordersystem.system.web.PageResponse;
import org.ordersystem.user.CurrentUser;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;

import org.springframework.data.domain.Sort;
import org.springframework.data.web.SortDefault;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.format.annotation.DateTimeFormat.ISO;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping(path = "/api/orders", produces = MediaType.APPLICATION_JSON_VALUE)
class OrderController {

    private final OrderService orders;
    private final IdempotentPlacement idempotent;
    private final OrderStatistics statistics;
    private final OrderExport export;

    OrderController(OrderService orders, IdempotentPlacement idempotent, OrderStatistics statistics,
            OrderExport export) {
        this.orders = orders;
        this.export = export;
        this.idempotent = idempotent;
        this.statistics = statistics;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Place an order", description = "user_id is honoured for admins only (403 otherwise). "
            + "With Idempotency-Key a repeat with the same body answers the first response again.")
    @ApiResponse(responseCode = "201", description = "Created; Location and ETag headers",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = OrderResponse.class)))
    ResponseEntity<?> place(@AuthenticationPrincipal CurrentUser caller,
            @RequestBody @Valid PlaceOrderRequest request,
            @RequestHeader(name = "Idempotency-Key", required = false) @Size(min = 1, max = 255) String key) {
        PlaceOrder command = new PlaceOrder(
                request.items() == null ? List.of() : request.items().stream().map(ItemRequest::details).toList(),
                request.notes() == null || request.notes().isEmpty() ? null : request.notes(),
                currency(request.currency()), request.userId());
        if (key != null) {
            return idempotent.place(caller, command, key);
        }
        OrderSnapshot order = orders.place(caller, command);
        return ResponseEntity.created(location(order.id())).eTag(Etags.of(order)).body(OrderResponse.of(order, caller));
    }

    @GetMapping
    PageResponse<OrderResponse> list(@AuthenticationPrincipal CurrentUser caller,
            @RequestParam(required = false) Set<OrderStatus> status,
            @RequestParam(name = "created_from", required = false) @DateTimeFormat(iso = ISO.DATE_TIME)
            OffsetDateTime createdFrom,
            @RequestParam(name = "created_to", required = false) @DateTimeFormat(iso = ISO.DATE_TIME)
            OffsetDateTime createdTo,
            @RequestParam(name = "total_min", required = false) @DecimalMin("0") @Digits(integer = 14, fraction = 2) BigDecimal totalMin,
            @RequestParam(name = "total_max", required = false) @DecimalMin("0") @Digits(integer = 14, fraction = 2) BigDecimal totalMax,
            @RequestParam(required = false) @Size(max = OrderFilter.MAX_SEARCH_LENGTH) String q,
            @RequestParam(name = "user_id", required = false) @Positive Long userId,
            @RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size,
            @SortDefault(sort = "created_at", direction = Sort.Direction.DESC) Sort sort) {
        OrderFilter filter = ListParameters.filter(status, createdFrom, createdTo, totalMin, totalMax, q, userId);
        return PageResponse.of(orders.list(caller, ListParameters.query(filter, page, size, sort)),
                order -> OrderResponse.of(order, caller));
    }

    @GetMapping(path = "/export", produces = OrderCsv.MEDIA_TYPE)
    @Operation(summary = "Export orders as CSV", description = OrderApiDocumentation.EXPORT)
    @ApiResponse(responseCode = "200", description = "RFC 4180 CSV, UTF-8, streamed",
            content = @Content(mediaType = OrderCsv.MEDIA_TYPE))
    void export(@AuthenticationPrincipal CurrentUser caller,
            @RequestParam(required = false) Set<OrderStatus> status,
            @RequestParam(name = "created_from", required = false) @DateTimeFormat(iso = ISO.DATE_TIME)
            OffsetDateTime createdFrom,
            @RequestParam(name = "created_to", required = false) @DateTimeFormat(iso = ISO.DATE_TIME)
            OffsetDateTime createdTo,
            @RequestParam(name = "total_min", required = false) @DecimalMin("0") @Digits(integer = 14, fraction = 2) BigDecimal totalMin,
            @RequestParam(name = "total_max", required = false) @DecimalMin("0") @Digits(integer = 14, fraction = 2) BigDecimal totalMax,
            @RequestParam(required = false) @Size(max = OrderFilter.MAX_SEARCH_LENGTH) String q,
            @RequestParam(name = "user_id", required = false) @Positive Long userId,
            @RequestParam(defaultValue = "false") boolean lines,
            @SortDefault(sort = "created_at", direction = Sort.Direction.DESC) Sort sort,
            HttpServletResponse response) throws IOException {
        OrderCsv.write(export, caller, ListParameters.filter(status, createdFrom, createdTo, totalMin, totalMax, q,
                userId), ListParameters.sort(sort), lines, response);
    }

    @GetMapping("/statistics")
    StatisticsResponse statistics(@AuthenticationPrincipal CurrentUser caller,
            @RequestParam(name = "user_id", required = false) Long userId) {
        return StatisticsResponse.of(statistics.figures(caller, userId));
    }

    @GetMapping("/{id}")
    ResponseEntity<OrderResponse> get(@AuthenticationPrincipal CurrentUser caller, @PathVariable long id,
            @RequestHeader(name = HttpHeaders.IF_NONE_MATCH, required = false) String ifNoneMatch) {
        OrderSnapshot order = orders.get(caller, id);
        if (Etags.matches(ifNoneMatch, order)) {
            return ResponseEntity.status(HttpStatus.NOT_MODIFIED).eTag(Etags.of(order)).build();
        }
        return single(order, caller);
    }

    @PatchMapping(path = "/{id}", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<OrderResponse> changeNotes(@AuthenticationPrincipal CurrentUser caller, @PathVariable long id,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @RequestBody @Valid NotesRequest request) {
        String notes = request.notes().isEmpty() ? null : request.notes();
        return single(orders.changeNotes(caller, id, Etags.expectedVersion(ifMatch), notes), caller);
    }

    @PatchMapping(path = "/{id}/status", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<OrderResponse> changeStatus(@AuthenticationPrincipal CurrentUser caller, @PathVariable long id,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @RequestBody @Valid StatusChangeRequest request) {
        OrderStatus target;
        try {
            target = OrderStatus.valueOf(request.status().strip());
        }
        catch (IllegalArgumentException ex) {
            throw new InvalidField("status", "must be one of PENDING, CONFIRMED, SHIPPED, DELIVERED, CANCELLED");
        }
        return single(orders.changeStatus(caller, id, Etags.expectedVersion(ifMatch), target,
                request.reason() == null || request.reason().isBlank() ? null : request.reason().strip()), caller);
    }

    @DeleteMapping("/{id}")
    ResponseEntity<Void> delete(@AuthenticationPrincipal CurrentUser caller, @PathVariable long id,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        orders.delete(caller, id, Etags.expectedVersion(ifMatch));
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/{id}/history")
    List<HistoryEntryResponse> history(@AuthenticationPrincipal CurrentUser caller, @PathVariable long id) {
        return orders.history(caller, id).stream().map(HistoryEntryResponse::of).toList();
    }

    static URI location(long orderId) {
        return URI.create("/api/orders/" + orderId);
    }

    static ResponseEntity<OrderResponse> single(OrderSnapshot order, CurrentUser caller) {
        return ResponseEntity.ok().eTag(Etags.of(order)).body(OrderResponse.of(order, caller));
    }

    private static String currency(String code) {
        if (code == null) {
            return null;
        }
        try {
            Currency.getInstance(code);
            return code;
        }
        catch (IllegalArgumentException ex) {
            throw new InvalidField("currency", "must be an ISO-4217 code such as USD");
        }
    }
}
