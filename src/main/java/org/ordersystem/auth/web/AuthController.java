package org.ordersystem.auth.web;

import java.net.URI;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;

import org.ordersystem.auth.AccessToken;
import org.ordersystem.auth.AuthService;
import org.ordersystem.system.web.ClientAddress;
import org.ordersystem.user.UserAccount;
import org.ordersystem.user.UserService;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/auth")
@Tag(name = "Authentication")
class AuthController {

    private final UserService users;
    private final AuthService auth;
    private final ClientAddress clientAddresses;

    AuthController(UserService users, AuthService auth, ClientAddress clientAddresses) {
        this.users = users;
        this.auth = auth;
        this.clientAddresses = clientAddresses;
    }

    @PostMapping("/register")
    @ApiResponse(responseCode = "201", description = "Created; Location names the new user")
    @Operation(summary = "Create an account", description = "The email is trimmed and lower-cased and must be unique "
            + "in any case (409 EMAIL_EXISTS). The password needs 8-72 UTF-8 bytes with an upper-case letter, a "
            + "lower-case letter, a digit and another character (400 WEAK_PASSWORD names the rule broken).")
    ResponseEntity<UserAccount> register(@Valid @RequestBody RegisterRequest request) {
        UserAccount user = users.register(request.email(), request.password(), request.name());
        return ResponseEntity.created(URI.create("/api/users/" + user.id())).body(user);
    }

    @PostMapping("/login")
    @Operation(summary = "Sign in", description = "An unknown email and a wrong password get the same 401 "
            + "INVALID_CREDENTIALS. After 5 failures for one email, or 20 from one address, within 15 minutes: "
            + "429 TOO_MANY_ATTEMPTS with Retry-After, even with the right password.")
    TokenResponse login(@Valid @RequestBody LoginRequest request, HttpServletRequest http) {
        return TokenResponse.of(auth.login(request.email(), request.password(), clientAddresses.of(http)));
    }

    @PostMapping(path = "/token", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    @Operation(summary = "OAuth2 token endpoint (password and refresh_token grants)", description = "The form "
            + "Swagger UI's Authorize button posts: username is the email. Errors are problem+json like everywhere "
            + "else; an unsupported grant_type is 400 VALIDATION_FAILED.")
    TokenResponse token(@RequestParam("grant_type") String grantType,
            @RequestParam(required = false) String username, @RequestParam(required = false) String password,
            @RequestParam(name = "refresh_token", required = false) String refreshToken, HttpServletRequest http)
            throws MissingServletRequestParameterException {
        if ("password".equals(grantType)) {
            return TokenResponse.of(auth.login(required("username", username), required("password", password),
                    clientAddresses.of(http)));
        }
        if ("refresh_token".equals(grantType)) {
            return TokenResponse.of(auth.refresh(required("refresh_token", refreshToken)));
        }
        throw new UnsupportedGrantType();
    }

    @PostMapping("/refresh")
    @Operation(summary = "Exchange a refresh token for a new pair", description = "The refresh token is spent. "
            + "Presenting a spent one again answers 401 TOKEN_REUSED and revokes its whole session.")
    TokenResponse refresh(@Valid @RequestBody RefreshRequest request) {
        return TokenResponse.of(auth.refresh(request.refreshToken()));
    }

    @PostMapping("/logout")
    @ApiResponse(responseCode = "204", description = "Signed out")
    @Operation(summary = "End the session", description = "The presented access token is refused from now on and "
            + "the session's refresh tokens are revoked (and those of refresh_token, when given).")
    ResponseEntity<Void> logout(@RequestBody(required = false) LogoutRequest request, Authentication authentication) {
        auth.logout((AccessToken) authentication.getDetails(), request == null ? null : request.refreshToken());
        return ResponseEntity.noContent().build();
    }

    private static String required(String name, String value) throws MissingServletRequestParameterException {
        if (value == null || value.isEmpty()) {
            throw new MissingServletRequestParameterException(name, "String");
        }
        return value;
    }
}
