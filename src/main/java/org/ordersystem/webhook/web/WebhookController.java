package org.ordersystem.webhook.web;

import java.net.URI;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.ordersystem.system.web.PageResponse;
import org.ordersystem.webhook.WebhookService;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Webhook endpoints and their deliveries; the security filter chain admits administrators only. */
@RestController
@RequestMapping(path = "/api/webhooks", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Webhooks (admin)")
class WebhookController {

    private final WebhookService webhooks;

    WebhookController(WebhookService webhooks) {
        this.webhooks = webhooks;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Register an endpoint", description = "Answers the signing secret; it is shown only here "
            + "and on rotation.")
    ResponseEntity<WebhookResponse> create(@RequestBody @Valid CreateWebhookRequest request) {
        var endpoint = webhooks.create(request.url(), request.events(), request.description());
        return ResponseEntity.created(URI.create("/api/webhooks/" + endpoint.id()))
                .body(WebhookResponse.withSecret(endpoint));
    }

    @GetMapping
    @Operation(summary = "All endpoints, by id (without secrets)")
    List<WebhookResponse> list() {
        return webhooks.list().stream().map(WebhookResponse::of).toList();
    }

    @GetMapping("/{id:\\d+}")
    @Operation(summary = "One endpoint (without its secret)")
    WebhookResponse get(@PathVariable long id) {
        return WebhookResponse.of(webhooks.get(id));
    }

    @PatchMapping(path = "/{id:\\d+}", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Change an endpoint", description = "`active: true` resumes an endpoint that was "
            + "deactivated; its waiting deliveries are then made.")
    WebhookResponse update(@PathVariable long id, @RequestBody @Valid UpdateWebhookRequest request) {
        return WebhookResponse.of(webhooks.update(id, request.url(), request.events(), request.description(),
                request.active()));
    }

    @DeleteMapping("/{id:\\d+}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Delete an endpoint and its delivery log")
    void delete(@PathVariable long id) {
        webhooks.delete(id);
    }

    @PostMapping("/{id:\\d+}/rotate-secret")
    @Operation(summary = "Replace the signing secret", description = "The previous secret keeps signing for "
            + "24 hours: deliveries carry both signatures until then.")
    WebhookResponse rotateSecret(@PathVariable long id) {
        return WebhookResponse.withSecret(webhooks.rotateSecret(id));
    }

    @PostMapping("/{id:\\d+}/test")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(summary = "Send a webhook.test event to this endpoint")
    void test(@PathVariable long id) {
        webhooks.sendTest(id);
    }

    @GetMapping("/{id:\\d+}/deliveries")
    @Operation(summary = "Delivery attempts, newest first")
    PageResponse<DeliveryResponse> deliveries(@PathVariable long id,
            @RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
        return PageResponse.of(webhooks.deliveries(id, page, size), DeliveryResponse::of);
    }

    @PostMapping("/{id:\\d+}/deliveries/{deliveryId:\\d+}/redeliver")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(summary = "Make one more attempt of that delivery's event now", description = "Same webhook-id; "
            + "a failed redelivery is not retried.")
    void redeliver(@PathVariable long id, @PathVariable long deliveryId) {
        webhooks.redeliver(id, deliveryId);
    }
}
