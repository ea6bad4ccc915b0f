package org.ordersystem.console;

import java.util.List;

import org.ordersystem.system.problem.ApiException;
import org.ordersystem.webhook.WebhookEndpoint;
import org.ordersystem.webhook.WebhookEvents;
import org.ordersystem.webhook.WebhookService;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Administrators' webhook pages, over the same service as the API: endpoints (register with
 * the SSRF rules, change, switch on and off, delete), their secret shown once on registration
 * and rotation, a test event, and each endpoint's deliveries with redelivery.
 */
@Controller
@RequestMapping("/ui/admin/webhooks")
class WebhookPages {

    private static final int PAGE_SIZE = 20;

    private final WebhookService webhooks;

    WebhookPages(WebhookService webhooks) {
        this.webhooks = webhooks;
    }

    @GetMapping
    String list(Model model) {
        model.addAttribute("endpoints", webhooks.list());
        model.addAttribute("events", WebhookEvents.SUBSCRIBABLE);
        return "console/admin-webhooks";
    }

    @PostMapping
    String create(@RequestParam(defaultValue = "") String url,
            @RequestParam(name = "events", required = false) List<String> events,
            @RequestParam(defaultValue = "") String description, RedirectAttributes flash) {
        try {
            WebhookEndpoint endpoint = webhooks.create(url.strip(), events == null ? List.of() : events,
                    description.isBlank() ? null : description.strip());
            flash.addFlashAttribute("secret", endpoint.secret());
            flash.addFlashAttribute("notice", "Endpoint registered. Copy its secret now: it is not shown again.");
            return "redirect:/ui/admin/webhooks/" + endpoint.id();
        }
        catch (ApiException ex) {
            flash.addFlashAttribute("error", ex.detail());
            return "redirect:/ui/admin/webhooks";
        }
    }

    @GetMapping("/{id}")
    String endpoint(@PathVariable long id, @RequestParam(defaultValue = "0") int page, Model model) {
        model.addAttribute("endpoint", webhooks.get(id));
        model.addAttribute("deliveries", webhooks.deliveries(id, Math.max(page, 0), PAGE_SIZE));
        model.addAttribute("events", WebhookEvents.SUBSCRIBABLE);
        return "console/admin-webhook";
    }

    @PostMapping("/{id}")
    String update(@PathVariable long id, @RequestParam(defaultValue = "") String url,
            @RequestParam(name = "events", required = false) List<String> events,
            @RequestParam(defaultValue = "") String description, RedirectAttributes flash) {
        return change(id, flash, "Endpoint saved.", () -> webhooks.update(id, url.strip(),
                events == null ? List.of() : events, description.strip(), null));
    }

    @PostMapping("/{id}/active")
    String active(@PathVariable long id, @RequestParam boolean active, RedirectAttributes flash) {
        return change(id, flash, active ? "Endpoint switched on." : "Endpoint switched off.",
                () -> webhooks.update(id, null, null, null, active));
    }

    @PostMapping("/{id}/rotate-secret")
    String rotate(@PathVariable long id, RedirectAttributes flash) {
        return change(id, flash, "New secret; the old one keeps signing for 24 hours. Copy it now: it is not "
                + "shown again.", () -> flash.addFlashAttribute("secret", webhooks.rotateSecret(id).secret()));
    }

    @PostMapping("/{id}/test")
    String test(@PathVariable long id, RedirectAttributes flash) {
        return change(id, flash, "A webhook.test event is on its way.", () -> webhooks.sendTest(id));
    }

    @PostMapping("/{id}/deliveries/{deliveryId}/redeliver")
    String redeliver(@PathVariable long id, @PathVariable long deliveryId, RedirectAttributes flash) {
        return change(id, flash, "The event will be delivered again.", () -> webhooks.redeliver(id, deliveryId));
    }

    @PostMapping("/{id}/delete")
    String delete(@PathVariable long id, RedirectAttributes flash) {
        return ConsoleAction.run(flash, "Endpoint deleted.", () -> webhooks.delete(id))
                ? "redirect:/ui/admin/webhooks" : "redirect:/ui/admin/webhooks/" + id;
    }

    /** A change of the endpoint, then back to it. */
    private static String change(long id, RedirectAttributes flash, String done, Runnable action) {
        ConsoleAction.run(flash, done, action);
        return "redirect:/ui/admin/webhooks/" + id;
    }
}
