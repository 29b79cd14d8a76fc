package com.imprimatur.web.admin;

import com.imprimatur.problem.Problem;
import com.imprimatur.webhook.WebhookEndpoints;
import com.imprimatur.webhook.WebhookOutbox;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The page /admin/webhooks (ADMIN only, as all of /admin/**): endpoints, their deliveries, registering and removing. */
@Controller
class WebhookPages {

    private final WebhookEndpoints endpoints;

    WebhookPages(WebhookEndpoints endpoints) {
        this.endpoints = endpoints;
    }

    @GetMapping("/admin/webhooks")
    String list(@RequestParam(required = false) Long endpoint, Model model) {
        List<WebhookEndpoints.Endpoint> all = endpoints.list();
        model.addAttribute("endpoints", all);
        model.addAttribute("events", WebhookOutbox.EVENTS);
        WebhookEndpoints.Endpoint shown = endpoint == null ? null : all.stream().filter(e -> e.id() == endpoint).findFirst().orElse(null);
        model.addAttribute("shown", shown);
        model.addAttribute("deliveries", shown == null ? List.of() : endpoints.deliveries(shown.id(), 100));
        return "admin/webhooks";
    }

    /** Registers an endpoint and shows its secret once, in this answer (never through the session store). */
    @PostMapping("/admin/webhooks")
    String register(@RequestParam(required = false) String url, @RequestParam(required = false) List<String> events,
            Model model, RedirectAttributes redirect) {
        try {
            WebhookEndpoints.Registered registered = endpoints.register(url, events);
            model.addAttribute("registered", registered);
            model.addAttribute("notice", "Endpoint registered: give its secret to the receiver now; it is not shown again.");
            return list(null, model);
        } catch (Problem problem) {
            redirect.addFlashAttribute("problem", problem.getMessage());
        }
        return "redirect:/admin/webhooks";
    }

    @PostMapping("/admin/webhooks/{id}/remove")
    String remove(@PathVariable long id, RedirectAttributes redirect) {
        try {
            endpoints.remove(id);
            redirect.addFlashAttribute("notice", "Endpoint removed; deliveries not yet made are cancelled.");
        } catch (Problem problem) {
            redirect.addFlashAttribute("problem", problem.getMessage());
        }
        return "redirect:/admin/webhooks";
    }
}
