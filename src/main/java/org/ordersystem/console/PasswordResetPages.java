package org.ordersystem.console;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.ordersystem.auth.PasswordResets;
import org.ordersystem.system.problem.ApiException;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Forgotten passwords, when SMTP is configured (otherwise these pages are a 404 and the sign-in
 * page offers no link): ask for a link by e-mail, then choose a new password on the page the
 * link opens. The first page says the same whether or not the address has an account.
 */
@Controller
class PasswordResetPages {

    static final String REQUEST = "/ui/password-reset";

    private final PasswordResets resets;

    PasswordResetPages(PasswordResets resets) {
        this.resets = resets;
    }

    /** What the first form sends. */
    record ResetRequest(@NotBlank @Email @Size(max = 254) String email) {
    }

    /** What the page the link opens sends. */
    record NewPassword(String token, @NotBlank @Size(max = 128) String password, @NotBlank String repeated) {
    }

    @GetMapping(REQUEST)
    String requestForm(Model model) {
        resets.requireAvailable();
        model.addAttribute("resetRequest", new ResetRequest(""));
        return "console/password-reset";
    }

    @PostMapping(REQUEST)
    String request(@Valid @ModelAttribute("resetRequest") ResetRequest request, BindingResult form, Model model) {
        resets.requireAvailable();
        if (form.hasErrors()) {
            return "console/password-reset";
        }
        try {
            resets.request(request.email());
        }
        catch (ApiException ex) {
            form.reject(ex.code().name(), ex.detail());
            return "console/password-reset";
        }
        model.addAttribute("sent", true);
        return "console/password-reset";
    }

    @GetMapping(PasswordResets.PAGE)
    String newPasswordForm(@RequestParam(defaultValue = "") String token, Model model) {
        resets.requireAvailable();
        model.addAttribute("newPassword", new NewPassword(token, "", ""));
        return "console/password-reset-confirm";
    }

    @PostMapping(PasswordResets.PAGE)
    String confirm(@Valid @ModelAttribute("newPassword") NewPassword change, BindingResult form) {
        resets.requireAvailable();
        if (!form.hasErrors() && !change.password().equals(change.repeated())) {
            form.rejectValue("repeated", "mismatch", "The two passwords differ.");
        }
        if (form.hasErrors()) {
            return "console/password-reset-confirm";
        }
        try {
            resets.confirm(change.token(), change.password());
        }
        catch (ApiException ex) {
            // an unusable link, or a password the policy refuses: said next to the form
            form.reject(ex.code().name(), ex.detail());
            return "console/password-reset-confirm";
        }
        return "redirect:" + ConsoleSignIn.SIGN_IN + "?password-reset";
    }
}
