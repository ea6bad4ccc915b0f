package org.ordersystem.console;

import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.ordersystem.auth.PasswordResets;
import org.ordersystem.system.problem.ApiException;
import org.ordersystem.user.EmailAddress;
import org.ordersystem.user.UserService;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Signing in and registering; signing out is the security chain's. */
@Controller
class AccountPages {

    private static final Map<String, String> REFUSALS = Map.of(
            "INVALID_CREDENTIALS", "Wrong e-mail or password.",
            "ACCOUNT_DEACTIVATED", "This account has been deactivated.",
            "TOO_MANY_ATTEMPTS", "Too many failed attempts; wait a few minutes and try again.");

    static final String CHECK = "/ui/register/check";

    private final UserService users;
    private final PasswordResets resets;

    AccountPages(UserService users, PasswordResets resets) {
        this.users = users;
        this.resets = resets;
    }

    /** What the registration form sends. */
    record Registration(@NotBlank @Size(max = 200) String name, @NotBlank @Email @Size(max = 254) String email,
            @NotBlank @Size(max = 128) String password) {
    }

    @GetMapping(ConsoleSignIn.SIGN_IN)
    String signIn(@RequestParam(required = false) String error, @RequestParam(required = false) String ended,
            @RequestParam(name = "signed-out", required = false) String signedOut,
            @RequestParam(required = false) String registered,
            @RequestParam(name = "password-reset", required = false) String passwordReset, Model model) {
        model.addAttribute("passwordReset", resets.available());
        if (error != null) {
            model.addAttribute("error", REFUSALS.getOrDefault(error, REFUSALS.get("INVALID_CREDENTIALS")));
        }
        else if (ended != null) {
            model.addAttribute("notice", "Your session has ended; please sign in again.");
        }
        else if (signedOut != null) {
            model.addAttribute("notice", "You have signed out.");
        }
        else if (registered != null) {
            model.addAttribute("notice", "Your account is ready; please sign in.");
        }
        else if (passwordReset != null) {
            model.addAttribute("notice", "Your new password is set and every session has ended; please sign in.");
        }
        return "console/sign-in";
    }

    @GetMapping("/ui/register")
    String registration(Model model) {
        model.addAttribute("registration", new Registration("", "", ""));
        return "console/register";
    }

    /**
     * Inline validation (htmx, on leaving a field): the registration page with the messages for
     * what has been typed so far, of which the page swaps in the field's own. Saves nothing; an
     * address already taken is said only when registering.
     */
    @PostMapping(CHECK)
    String checkRegistration(@Valid @ModelAttribute("registration") Registration registration, BindingResult form) {
        check(form, "email", () -> EmailAddress.normalize(registration.email()));
        check(form, "password", () -> users.checkPassword(registration.password()));
        return "console/register";
    }

    private static void check(BindingResult form, String field, Runnable rule) {
        if (form.hasFieldErrors(field)) {
            return;
        }
        try {
            rule.run();
        }
        catch (ApiException ex) {
            form.rejectValue(field, ex.code().name(), ex.detail());
        }
    }

    @PostMapping("/ui/register")
    String register(@Valid @ModelAttribute("registration") Registration registration, BindingResult form) {
        if (form.hasErrors()) {
            return "console/register";
        }
        try {
            users.register(registration.email(), registration.password(), registration.name().strip());
        }
        catch (ApiException ex) {
            // taken e-mail, weak password, malformed address: said next to the form
            form.reject(ex.code().name(), ex.detail());
            return "console/register";
        }
        return "redirect:" + ConsoleSignIn.SIGN_IN + "?registered";
    }
}
