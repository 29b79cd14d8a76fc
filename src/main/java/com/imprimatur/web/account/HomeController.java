package com.imprimatur.web.account;

import com.imprimatur.staff.Role;
import com.imprimatur.staff.Staff;
import com.imprimatur.staff.StaffMember;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * After login, staff land on their work: writers, physicians and editors on the task queues;
 * administrators who hold no editorial role on the administrators' desk.
 */
@Controller
class HomeController {

    private final Staff staff;

    HomeController(Staff staff) {
        this.staff = staff;
    }

    @GetMapping("/")
    String home() {
        StaffMember me = staff.current();
        boolean editorial = me.has(Role.WRITER) || me.has(Role.MEDICAL_REVIEWER) || me.has(Role.EDITOR);
        return me.has(Role.ADMIN) && !editorial ? "redirect:/admin" : "redirect:/tasks";
    }
}
