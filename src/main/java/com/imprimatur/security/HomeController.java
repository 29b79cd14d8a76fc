package com.imprimatur.security;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** After login, staff land on their work: the task queues. */
@Controller
class HomeController {

    @GetMapping("/")
    String home() {
        return "redirect:/tasks";
    }
}
