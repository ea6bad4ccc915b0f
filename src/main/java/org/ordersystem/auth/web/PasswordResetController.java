package org.ordersystem.auth.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;

import org.ordersystem.auth.PasswordResets;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/auth/password-reset")
@Tag(name = "Authentication")
class PasswordResetController {

    private final PasswordResets resets;

    PasswordResetController(PasswordResets resets) {
        this.resets = resets;
    }

    @PostMapping
    @ApiResponse(responseCode = "202", description = "Accepted, whether or not the address has an account")
    @ApiResponse(responseCode = "404", description = "No SMTP server is configured: there is no password reset")
    @Operation(summary = "Ask for a password-reset link by e-mail", description = "When the address belongs to an "
            + "active account, an e-mail with a single-use link valid for 30 minutes is sent to it (at most one "
            + "per minute per address); the answer is the same 202 either way. The link opens the web console's "
            + "page PUBLIC_URL/ui/password-reset/confirm?token=…, whose token the confirm call takes.")
    ResponseEntity<Void> request(@Valid @RequestBody PasswordResetRequest request) {
        resets.request(request.email());
        return ResponseEntity.accepted().build();
    }

    @PostMapping("/confirm")
    @ApiResponse(responseCode = "204", description = "The password is set; every session of the user has ended")
    @ApiResponse(responseCode = "404", description = "No SMTP server is configured: there is no password reset")
    @Operation(summary = "Set a new password with the token of a reset link", description = "A token that is "
            + "unknown, used or expired answers 400 RESET_TOKEN_INVALID; a password that breaks the policy 400 "
            + "WEAK_PASSWORD, and the link stays usable. On success the token and every other link of the user are "
            + "spent and every session of the user ends (refresh and access tokens, console sessions).")
    ResponseEntity<Void> confirm(@Valid @RequestBody PasswordResetConfirmation request) {
        resets.confirm(request.token(), request.newPassword());
        return ResponseEntity.noContent().build();
    }
}
