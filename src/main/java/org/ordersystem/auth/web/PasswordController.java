package org.ordersystem.auth.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;

import org.ordersystem.auth.AccessToken;
import org.ordersystem.auth.AuthService;
import org.ordersystem.system.web.ClientAddress;
import org.ordersystem.user.CurrentUser;

import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** The caller's own password: a credential, so it is changed here, where sessions and the login guard live. */
@RestController
@Tag(name = "Users")
class PasswordController {

    private final AuthService auth;
    private final ClientAddress clientAddresses;

    PasswordController(AuthService auth, ClientAddress clientAddresses) {
        this.auth = auth;
        this.clientAddresses = clientAddresses;
    }

    @PostMapping("/api/users/me/password")
    @ApiResponse(responseCode = "204", description = "Changed; every other session of the user has ended")
    @Operation(summary = "Change the caller's password", description = "Ends every session of the user except the "
            + "caller's own: their refresh tokens are revoked and their access tokens refused at once. A wrong "
            + "current_password answers 400 VALIDATION_FAILED and counts as a failed login: after 5 for the account "
            + "(or 20 from one address) within 15 minutes, 429 TOO_MANY_ATTEMPTS with Retry-After. A new password "
            + "that breaks the policy answers 400 WEAK_PASSWORD.")
    ResponseEntity<Void> changePassword(@Valid @RequestBody ChangePasswordRequest request,
            Authentication authentication, HttpServletRequest http) {
        auth.changePassword((AccessToken) authentication.getDetails(),
                ((CurrentUser) authentication.getPrincipal()).email(), request.currentPassword(), request.newPassword(),
                clientAddresses.of(http));
        return ResponseEntity.noContent().build();
    }
}
