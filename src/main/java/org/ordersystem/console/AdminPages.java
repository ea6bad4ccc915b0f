package org.ordersystem.console;

import org.ordersystem.system.problem.ApiException;
import org.ordersystem.user.CurrentUser;
import org.ordersystem.user.UserAdministration;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Administrators' pages (the security chain admits administrators only): users. */
@Controller
@RequestMapping("/ui/admin")
class AdminPages {

    private static final int PAGE_SIZE = 20;

    private final UserAdministration users;

    AdminPages(UserAdministration users) {
        this.users = users;
    }

    @GetMapping("/users")
    String users(@RequestParam(defaultValue = "") String q, @RequestParam(defaultValue = "0") int page, Model model) {
        model.addAttribute("q", q);
        model.addAttribute("page", users.search(q.isBlank() ? null : q.strip(), Math.max(page, 0), PAGE_SIZE));
        return "console/admin-users";
    }

    @PostMapping("/users/{id}/promote")
    String promote(@PathVariable long id, RedirectAttributes flash) {
        return change(flash, "User promoted to administrator.", () -> users.promote(id));
    }

    @PostMapping("/users/{id}/deactivate")
    String deactivate(@AuthenticationPrincipal CurrentUser caller, @PathVariable long id, RedirectAttributes flash) {
        return change(flash, "User deactivated; their sessions have ended.", () -> users.deactivate(caller.id(), id));
    }

    @PostMapping("/users/{id}/activate")
    String activate(@PathVariable long id, RedirectAttributes flash) {
        return change(flash, "User activated.", () -> users.activate(id));
    }

    private static String change(RedirectAttributes flash, String done, Runnable action) {
        try {
            action.run();
            flash.addFlashAttribute("notice", done);
        }
        catch (ApiException ex) {
            flash.addFlashAttribute("error", ex.detail());
        }
        return "redirect:/ui/admin/users";
    }
}
