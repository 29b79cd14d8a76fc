package com.imprimatur.security;

import com.imprimatur.problem.Problem;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The page /admin/users (ADMIN only: /admin/** in SecurityConfig): the same operations as the users API. */
@Controller
class UserPages {

    private final UserAdmin admin;

    UserPages(UserAdmin admin) {
        this.admin = admin;
    }

    @GetMapping("/admin/users")
    String users(Model model) {
        model.addAttribute("users", admin.list());
        model.addAttribute("roles", Role.values());
        return "admin/users";
    }

    @PostMapping("/admin/users")
    String create(@RequestParam String username, @RequestParam String displayName,
            @RequestParam(required = false) String credentials, @RequestParam(required = false) String specialty,
            @RequestParam(required = false) List<Role> roles, @RequestParam String password, RedirectAttributes flash) {
        return done(flash, () -> admin.create(new UserRequest(username, displayName, credentials, specialty, set(roles),
                password, true)), "Created " + username + ".");
    }

    @PostMapping("/admin/users/{username}")
    String update(@PathVariable String username, @RequestParam String displayName,
            @RequestParam(required = false) String credentials, @RequestParam(required = false) String specialty,
            @RequestParam(required = false) List<Role> roles, @RequestParam(required = false) String password,
            @RequestParam(defaultValue = "false") boolean enabled, RedirectAttributes flash) {
        String newPassword = password == null || password.isEmpty() ? null : password;
        return done(flash, () -> admin.update(username, new UserRequest(null, displayName, credentials == null ? "" : credentials,
                specialty == null ? "" : specialty, set(roles), newPassword, enabled)), "Saved " + username + ".");
    }

    private static String done(RedirectAttributes flash, Runnable change, String message) {
        try {
            change.run();
            flash.addFlashAttribute("message", message);
        } catch (Problem problem) {
            flash.addFlashAttribute("error", problem.getMessage());
        }
        return "redirect:/admin/users";
    }

    private static Set<Role> set(List<Role> roles) {
        return roles == null || roles.isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(roles);
    }
}
