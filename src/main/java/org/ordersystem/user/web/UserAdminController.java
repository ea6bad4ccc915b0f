package org.ordersystem.user.web;

import java.util.function.Function;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;

import org.ordersystem.system.web.PageResponse;
import org.ordersystem.user.CurrentUser;
import org.ordersystem.user.OrderSummaries;
import org.ordersystem.user.UserAccount;
import org.ordersystem.user.UserAdministration;
import org.ordersystem.user.UserService;
import org.ordersystem.user.UserStatistics;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Administrators' view of all users; the security filter chain admits administrators only. */
@RestController
@RequestMapping("/api/users")
@Tag(name = "Users (admin)")
class UserAdminController {

    private final UserAdministration administration;
    private final UserService users;
    private final OrderSummaries orders;

    UserAdminController(UserAdministration administration, UserService users, OrderSummaries orders) {
        this.administration = administration;
        this.users = users;
        this.orders = orders;
    }

    @GetMapping
    @Operation(summary = "Users, by id, optionally those whose email or name contains q (any case)")
    PageResponse<UserAccount> list(@RequestParam(required = false) @Size(max = 254) String q,
            @RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
        return PageResponse.of(administration.search(q, page, size), Function.identity());
    }

    @GetMapping("/{id:\\d+}")
    @Operation(summary = "A user with order statistics")
    UserResponse get(@PathVariable long id) {
        return UserResponse.withStatistics(users.account(id), orders.of(id));
    }

    @PostMapping("/{id:\\d+}/promote")
    @Operation(summary = "Make a user an administrator (idempotent)")
    UserResponse promote(@PathVariable long id) {
        return UserResponse.of(administration.promote(id));
    }

    @PostMapping("/{id:\\d+}/deactivate")
    @Operation(summary = "Deactivate a user (idempotent)", description = "The user's next request is refused with "
            + "403 ACCOUNT_DEACTIVATED, even with a token issued before. An administrator cannot deactivate "
            + "themselves: that answers 400 VALIDATION_FAILED.")
    UserResponse deactivate(@AuthenticationPrincipal CurrentUser caller, @PathVariable long id) {
        return UserResponse.of(administration.deactivate(caller.id(), id));
    }

    @PostMapping("/{id:\\d+}/activate")
    @Operation(summary = "Activate a user again (idempotent)")
    UserResponse activate(@PathVariable long id) {
        return UserResponse.of(administration.activate(id));
    }

    @GetMapping("/statistics")
    @Operation(summary = "Counts over all users", description = "registered_today and registered_this_week count "
            + "from the start of the current UTC day and of the current ISO week (Monday, UTC).")
    UserStatistics statistics() {
        return administration.statistics();
    }
}
