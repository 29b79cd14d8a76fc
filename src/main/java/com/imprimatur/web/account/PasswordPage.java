package com.imprimatur.web.account;

import com.imprimatur.problem.Problem;
import com.imprimatur.security.PasswordChangeGate;
import com.imprimatur.staff.Staff;
import com.imprimatur.staff.UserAdmin;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * {@code /password}: choose a new password. Where a person whose password an administrator reset is
 * sent until they have chosen one ({@link PasswordChangeGate}); anyone signed in may use it.
 */
@Controller
class PasswordPage {

    private final UserAdmin users;
    private final Staff staff;
    private final HttpSessionSecurityContextRepository sessions = new HttpSessionSecurityContextRepository();

    PasswordPage(UserAdmin users, Staff staff) {
        this.users = users;
        this.staff = staff;
    }

    @GetMapping(PasswordChangeGate.PAGE)
    String form(Model model) {
        model.addAttribute("forced", PasswordChangeGate.mustChange(SecurityContextHolder.getContext().getAuthentication()));
        model.addAttribute("errors", Map.of());
        return "password";
    }

    @PostMapping(PasswordChangeGate.PAGE)
    String change(@RequestParam(defaultValue = "") String current, @RequestParam(defaultValue = "") String password,
            @RequestParam(defaultValue = "") String repeat, HttpServletRequest request, HttpServletResponse response, Model model) {
        try {
            users.changeOwnPassword(staff.current().username(), current, password, repeat,
                    request.getSession(false) == null ? null : request.getSession(false).getId());
        } catch (Problem problem) {
            model.addAttribute("forced", PasswordChangeGate.mustChange(SecurityContextHolder.getContext().getAuthentication()));
            model.addAttribute("errors", UserAdmin.fieldErrors(problem));
            return "password";
        }
        Authentication was = SecurityContextHolder.getContext().getAuthentication();
        UsernamePasswordAuthenticationToken now = UsernamePasswordAuthenticationToken.authenticated(was.getPrincipal(), null,
                was.getAuthorities().stream().filter(a -> !PasswordChangeGate.MUST_CHANGE.equals(a.getAuthority())).toList());
        now.setDetails(was.getDetails());
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(now);
        SecurityContextHolder.setContext(context);
        sessions.saveContext(context, request, response);
        return "redirect:/?password-changed";
    }
}
