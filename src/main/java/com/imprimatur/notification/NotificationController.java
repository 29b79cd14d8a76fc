package com.imprimatur.notification;

import com.imprimatur.staff.Staff;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** The caller's own notifications and settings. */
@RestController
class NotificationController {

    private final Inbox inbox;
    private final Staff staff;

    NotificationController(Inbox inbox, Staff staff) {
        this.inbox = inbox;
        this.staff = staff;
    }

    /** The newest hundred, newest first, read or not. */
    @GetMapping("/api/me/notifications")
    List<Inbox.Item> notifications() {
        return inbox.of(staff.current().username());
    }

    /** Every kind with its mode: {@code {"TASK_ASSIGNED": "IMMEDIATE", "NEW_WORK": "DIGEST", …}}. */
    @GetMapping("/api/me/notification-settings")
    Map<Kind, Kind.Mode> settings() {
        return inbox.settings(staff.current().username());
    }

    /** The kinds given change (IMMEDIATE, DIGEST or OFF), the others stay; 422 for an unknown kind or mode. */
    @PutMapping("/api/me/notification-settings")
    Map<Kind, Kind.Mode> choose(@RequestBody Map<String, Object> choices) {
        return inbox.choose(staff.current().username(), choices);
    }
}
