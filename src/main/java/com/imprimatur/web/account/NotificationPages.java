package com.imprimatur.web.account;

import com.imprimatur.notification.Inbox;
import com.imprimatur.problem.Problem;
import com.imprimatur.staff.Staff;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** /notifications: what the person was told, newest first, unread ones marked; marking them read. */
@Controller
class NotificationPages {

    private final Inbox inbox;
    private final Staff staff;

    NotificationPages(Inbox inbox, Staff staff) {
        this.inbox = inbox;
        this.staff = staff;
    }

    @GetMapping("/notifications")
    String list(Model model) {
        model.addAttribute("items", inbox.of(staff.current().username()));
        return "notifications";
    }

    /** One notification read ({@code id}), or all of them (no id). */
    @PostMapping("/notifications/read")
    String read(@RequestParam(required = false) Long id, RedirectAttributes redirect) {
        try {
            inbox.markRead(staff.current().username(), id);
            redirect.addFlashAttribute("notice", id == null ? "Everything is marked read." : "Marked read.");
        } catch (Problem problem) {
            redirect.addFlashAttribute("problem", problem.getMessage());
        }
        return "redirect:/notifications";
    }
}
