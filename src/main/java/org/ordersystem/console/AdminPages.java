package org.ordersystem.console;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.ordersystem.order.OrderStatistics;
import org.ordersystem.system.problem.ApiException;
import org.ordersystem.user.CurrentUser;
import org.ordersystem.user.UserAdministration;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Administrators' pages (the security chain admits administrators only): users and statistics. */
@Controller
@RequestMapping("/ui/admin")
class AdminPages {

    private static final int PAGE_SIZE = 20;

    private static final int DEFAULT_DAYS = 30;

    private final UserAdministration users;
    private final OrderStatistics statistics;
    private final Clock clock;

    AdminPages(UserAdministration users, OrderStatistics statistics, Clock clock) {
        this.users = users;
        this.statistics = statistics;
        this.clock = clock;
    }

    /**
     * Orders by status, and placed per day over a chosen range (the last 30 days by default),
     * as charts and as the tables they are drawn from.
     */
    @GetMapping("/statistics")
    String statistics(@AuthenticationPrincipal CurrentUser caller,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to, Model model) {
        LocalDate end = to != null ? to : LocalDate.now(clock.withZone(ZoneOffset.UTC));
        LocalDate start = from != null ? from : end.minusDays(DEFAULT_DAYS - 1);
        model.addAttribute("from", start);
        model.addAttribute("to", end);
        model.addAttribute("figures", statistics.figures(caller, null));
        try {
            List<OrderStatistics.Day> days = statistics.daily(caller, start, end);
            model.addAttribute("days", days);
            model.addAttribute("dayLabels", join(days.stream().map(day -> day.day().toString())));
            model.addAttribute("dayOrders", join(days.stream().map(day -> Long.toString(day.orders()))));
            model.addAttribute("dayValues", join(days.stream().map(day -> day.value().toPlainString())));
        }
        catch (ApiException ex) {
            model.addAttribute("error", ex.detail());
        }
        return "console/admin-statistics";
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

    private static String join(Stream<String> values) {
        return values.collect(Collectors.joining(","));
    }

    private static String change(RedirectAttributes flash, String done, Runnable action) {
        ConsoleAction.run(flash, done, action);
        return "redirect:/ui/admin/users";
    }
}
