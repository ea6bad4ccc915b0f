package org.ordersystem.user.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;

import org.ordersystem.user.CurrentUser;
import org.ordersystem.user.OrderSummaries;
import org.ordersystem.user.UserService;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The signed-in user's own account. */
@RestController
@RequestMapping("/api/users/me")
@Tag(name = "Users")
class UserController {

    private final UserService users;
    private final OrderSummaries orders;

    UserController(UserService users, OrderSummaries orders) {
        this.users = users;
        this.orders = orders;
    }

    @GetMapping
    @Operation(summary = "The caller's account with order statistics")
    UserResponse me(@AuthenticationPrincipal CurrentUser caller) {
        return UserResponse.withStatistics(users.account(caller.id()), orders.of(caller.id()));
    }

    @PatchMapping
    @Operation(summary = "Change the caller's name and/or email", description = "Absent fields are left as they are. "
            + "The email is trimmed and lower-cased; one taken by another account (in any case) answers 409 EMAIL_EXISTS.")
    UserResponse update(@AuthenticationPrincipal CurrentUser caller, @Valid @RequestBody UpdateProfileRequest request) {
        return UserResponse.of(users.updateProfile(caller.id(), request.name(), request.email()));
    }
}
