package com.imprimatur.security;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The landing page after login. */
@Controller
class HomeController {

    private final Staff staff;

    HomeController(Staff staff) {
        this.staff = staff;
    }

    @GetMapping("/")
    String home(Model model) {
        StaffMember me = staff.current();
        model.addAttribute("username", me.username());
        model.addAttribute("roles", me.roles());
        return "home";
    }
}
