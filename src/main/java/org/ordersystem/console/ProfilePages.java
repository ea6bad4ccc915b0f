package org.ordersystem.console;

import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.ordersystem.auth.AuthService;
import org.ordersystem.system.problem.ApiException;
import org.ordersystem.system.web.ClientAddress;
import org.ordersystem.user.CurrentUser;
import org.ordersystem.user.UserService;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The signed-in user's profile: name and e-mail, and the password (the current one checked
 * through the login guard; every other session of theirs ends, this one stays).
 */
@Controller
@RequestMapping("/ui/profile")
class ProfilePages {

    private final UserService users;
    private final AuthService auth;
    private final ClientAddress clientAddress;

    ProfilePages(UserService users, AuthService auth, ClientAddress clientAddress) {
        this.users = users;
        this.auth = auth;
        this.clientAddress = clientAddress;
    }

    /** Name and e-mail as the form sends them. */
    public static class Profile {

        @NotBlank
        @Size(max = 200)
        private String name;
        @NotBlank
        @Size(max = 254)
        private String email;

        // @formatter:off
        public String getName() { return name; }
        public void setName(String name) { this.name = name; }
        public String getEmail() { return email; }
        public void setEmail(String email) { this.email = email; }
        // @formatter:on
    }

    /** The password form. */
    public static class PasswordChange {

        @NotBlank
        private String currentPassword;
        @NotBlank
        private String newPassword;

        // @formatter:off
        public String getCurrentPassword() { return currentPassword; }
        public void setCurrentPassword(String currentPassword) { this.currentPassword = currentPassword; }
        public String getNewPassword() { return newPassword; }
        public void setNewPassword(String newPassword) { this.newPassword = newPassword; }
        // @formatter:on
    }

    @GetMapping
    String profile(@AuthenticationPrincipal CurrentUser me, Model model) {
        Profile profile = new Profile();
        profile.setName(me.name());
        profile.setEmail(me.email());
        model.addAttribute("profile", profile);
        model.addAttribute("passwordChange", new PasswordChange());
        return "console/profile";
    }

    @PostMapping
    String update(@AuthenticationPrincipal CurrentUser me, @Valid @ModelAttribute("profile") Profile profile, BindingResult form,
            Model model, RedirectAttributes flash) {
        model.addAttribute("passwordChange", new PasswordChange());
        if (form.hasErrors()) {
            return "console/profile";
        }
        try {
            users.updateProfile(me.id(), profile.getName().strip(), profile.getEmail());
        }
        catch (ApiException ex) {
            form.reject(ex.code().name(), ex.detail());
            return "console/profile";
        }
        flash.addFlashAttribute("notice", "Profile saved.");
        return "redirect:/ui/profile";
    }

    @PostMapping("/password")
    String changePassword(@AuthenticationPrincipal CurrentUser me, @Valid @ModelAttribute("passwordChange") PasswordChange change,
            BindingResult form, HttpServletRequest request, Model model, RedirectAttributes flash) {
        Profile profile = new Profile();
        profile.setName(me.name());
        profile.setEmail(me.email());
        model.addAttribute("profile", profile);
        if (form.hasErrors()) {
            return "console/profile";
        }
        try {
            auth.changeConsolePassword(me.id(), session(), me.email(), change.getCurrentPassword(),
                    change.getNewPassword(), clientAddress.of(request));
        }
        catch (ApiException ex) {
            form.reject(ex.code().name(), ex.detail());
            return "console/profile";
        }
        flash.addFlashAttribute("notice", "Password changed; your other sessions have ended.");
        return "redirect:/ui/profile";
    }

    /** This console session's id, which the password change keeps open. */
    private static UUID session() {
        return ((ConsoleSignIn.Signed) SecurityContextHolder.getContext().getAuthentication()).session();
    }
}
