package com.imprimatur.webhook;

import java.net.URI;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Webhook endpoints for admins (all of /api/admin/** is ADMIN only). */
@RestController
@RequestMapping("/api/admin/webhooks")
class WebhookController {

    private final WebhookEndpoints endpoints;

    WebhookController(WebhookEndpoints endpoints) {
        this.endpoints = endpoints;
    }

    /** {@code events}: any of article.published, article.withdrawn, review.reopened, report.received. */
    record EndpointRequest(String url, List<String> events) {
    }

    @PostMapping
    ResponseEntity<WebhookEndpoints.Registered> register(@RequestBody EndpointRequest request) {
        WebhookEndpoints.Registered registered = endpoints.register(request.url(), request.events());
        return ResponseEntity.created(URI.create("/api/admin/webhooks/" + registered.id())).body(registered);
    }

    @GetMapping
    List<WebhookEndpoints.Endpoint> list() {
        return endpoints.list();
    }

    @DeleteMapping("/{id}")
    ResponseEntity<Void> remove(@PathVariable long id) {
        endpoints.remove(id);
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/{id}/deliveries")
    List<WebhookEndpoints.Delivery> deliveries(@PathVariable long id, @RequestParam(defaultValue = "100") int size) {
        return endpoints.deliveries(id, size);
    }
}
