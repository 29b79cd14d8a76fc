package com.imprimatur.web.account;

import com.imprimatur.notification.Inbox;
import com.imprimatur.problem.Problem;
import com.imprimatur.security.ApiTokens;
import com.imprimatur.staff.OwnAccount;
import com.imprimatur.staff.Staff;
import com.imprimatur.staff.StaffMember;
import jakarta.servlet.http.HttpServletRequest;
import java.util.HashMap;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** /me: every member of staff's own profile, password, API tokens and notification settings. */
@Controller
class MePages {

    private final Staff staff;
    private final OwnAccount account;
    private final ApiTokens tokens;
    private final Inbox inbox;

    MePages(Staff staff, OwnAccount account, ApiTokens tokens, Inbox inbox) {
        this.staff = staff;
        this.account = account;
        this.tokens = tokens;
        this.inbox = inbox;
    }

    @GetMapping("/me")
    String me(Model model) {
        StaffMember me = staff.current();
        model.addAttribute("profile", staff.profile(me.username()).orElseThrow());
        model.addAttribute("tokens", tokens.of(me.username()));
        model.addAttribute("settings", inbox.settings(me.username()));
        return "me";
    }

    /** The notification settings form: one select per kind (named by the kind). */
    @PostMapping("/me/notification-settings")
    String notificationSettings(@RequestParam Map<String, String> form, RedirectAttributes redirect) {
        Map<String, String> choices = new HashMap<>(form);
        choices.remove("_csrf");
        try {
            inbox.choose(staff.current().username(), choices);
            redirect.addFlashAttribute("notice", "Your notification settings are saved.");
        } catch (Problem problem) {
            redirect.addFlashAttribute("problem", problem.getMessage());
        }
        return "redirect:/me#notifications";
    }

    @PostMapping("/me/password")
    String password(@RequestParam(required = false) String currentPassword, @RequestParam(required = false) String newPassword,
            HttpServletRequest request, RedirectAttributes redirect) {
        try {
            int ended = account.changePassword(staff.current().username(), currentPassword, newPassword,
                    request.getSession(false) == null ? null : request.getSession(false).getId());
            redirect.addFlashAttribute("notice", "Your password is changed" + (ended == 0 ? "."
                    : "; your " + ended + " other session" + (ended == 1 ? " was" : "s were") + " ended."));
        } catch (Problem problem) {
            if (problem.status() == HttpStatus.TOO_MANY_REQUESTS || problem.status() == HttpStatus.UNPROCESSABLE_ENTITY) {
                redirect.addFlashAttribute("problem", problem.getMessage());
            } else {
                throw problem;
            }
        }
        return "redirect:/me";
    }

    /**
     * Creates a token and shows its secret once, in this answer: not through a redirect, whose flash
     * attribute would put the secret into the session store (MariaDB) on its way.
     */
    @PostMapping("/me/tokens")
    String createToken(@RequestParam(required = false) String name, @RequestParam(required = false) Integer expiresInDays,
            Model model, RedirectAttributes redirect) {
        try {
            ApiTokens.CreatedToken created = tokens.create(staff.current().username(), name, expiresInDays);
            model.addAttribute("created", created);
            model.addAttribute("notice", "Token “" + created.name() + "” created: copy it now, it is not shown again.");
            return me(model);
        } catch (Problem problem) {
            if (problem.status() != HttpStatus.UNPROCESSABLE_ENTITY) {
                throw problem;
            }
            redirect.addFlashAttribute("problem", problem.getMessage());
        }
        return "redirect:/me";
    }

    @PostMapping("/me/tokens/{id}/revoke")
    String revokeToken(@PathVariable long id, RedirectAttributes redirect) {
        try {
            tokens.revokeOwn(staff.current().username(), id);
            redirect.addFlashAttribute("notice", "Token revoked: programs using it now get 401.");
        } catch (Problem problem) {
            redirect.addFlashAttribute("problem", problem.getMessage());
        }
        return "redirect:/me";
    }
}
