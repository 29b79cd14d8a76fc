package com.imprimatur.web.admin;

import com.imprimatur.audit.AuditLog;
import com.imprimatur.identity.UserName;
import com.imprimatur.problem.Problem;
import com.imprimatur.staff.Role;
import com.imprimatur.staff.UserAdmin;
import com.imprimatur.staff.UserRequest;
import com.imprimatur.staff.UserView;
import com.imprimatur.web.support.PageModel;
import java.time.Instant;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The people: a list to sort and filter, a page per person (profile, roles in words, enabled with a
 * confirmation, last sign-in, open sessions, a password reset that forces a change), a form for a
 * new one. The same operations as the users API (ADMIN only: /admin/** in SecurityConfig).
 */
@Controller
class UserPages {

    private final UserAdmin admin;
    private final AuditLog log;

    UserPages(UserAdmin admin, AuditLog log) {
        this.admin = admin;
        this.log = log;
    }

    /** A row of the list: the user, their roles in words, when they last signed in (null: never). */
    record Row(UserView user, String roles, Instant lastSignIn) {
    }

    /** What the forms send back when something in them must change. */
    record Form(String username, String displayName, String credentials, String specialty, Set<Role> roles, String email) {

        static Form of(UserView u) {
            return new Form(u.username(), u.displayName(), u.credentials(), u.specialty(), u.roles(), u.email());
        }
    }

    @GetMapping("/admin/users")
    String users(@RequestParam(defaultValue = "") String q, @RequestParam(required = false) Role role,
            @RequestParam(defaultValue = "") String state, @RequestParam(defaultValue = "name") String sort, Model model) {
        List<UserView> all = admin.list();
        Map<String, Instant> last = log.lastOf("login.succeeded", all.stream().map(UserView::username).toList());
        String needle = q.strip().toLowerCase(Locale.ROOT);
        Comparator<Row> order = switch (sort) {
            case "username" -> Comparator.comparing(r -> r.user().username());
            case "signin" -> Comparator.comparing(Row::lastSignIn, Comparator.nullsLast(Comparator.reverseOrder()));
            case "created" -> Comparator.comparing(r -> r.user().createdAt(), Comparator.reverseOrder());
            default -> Comparator.comparing(r -> r.user().displayName().toLowerCase(Locale.ROOT));
        };
        List<Row> rows = all.stream()
                .filter(u -> needle.isEmpty() || u.username().contains(needle) || u.displayName().toLowerCase(Locale.ROOT).contains(needle))
                .filter(u -> role == null || u.roles().contains(role))
                .filter(u -> state.isEmpty() || (state.equals("enabled") == u.enabled()))
                .map(u -> new Row(u, roles(u.roles()), last.get(u.username()))).sorted(order).toList();
        model.addAttribute("rows", rows);
        model.addAttribute("total", all.size());
        model.addAttribute("q", q);
        model.addAttribute("role", role);
        model.addAttribute("state", state);
        model.addAttribute("sort", sort);
        model.addAttribute("roles", roleWords());
        return "admin/users";
    }

    @GetMapping("/admin/users/new")
    String blank(Model model) {
        return newUser(model, new Form("", "", "", "", EnumSet.noneOf(Role.class), ""), Map.of());
    }

    @PostMapping("/admin/users")
    String create(@RequestParam(defaultValue = "") String username, @RequestParam(defaultValue = "") String displayName,
            @RequestParam(required = false) String credentials, @RequestParam(required = false) String specialty,
            @RequestParam(required = false) List<Role> roles, @RequestParam(required = false) String password,
            @RequestParam(required = false) String email, Model model, RedirectAttributes flash) {
        Form form = new Form(username, displayName, credentials, specialty, set(roles), email);
        try {
            UserView created = admin.create(new UserRequest(username, displayName, credentials, specialty, set(roles),
                    password == null || password.isEmpty() ? null : password, true, email));
            flash.addFlashAttribute("notice", "Added " + created.displayName() + " (" + created.username() + ").");
            return "redirect:/admin/users/" + created.username();
        } catch (Problem problem) {
            return newUser(model, form, UserAdmin.fieldErrors(problem));
        }
    }

    @GetMapping("/admin/users/{username}")
    String person(@PathVariable String username, Model model) {
        UserView user = admin.get(username);
        return person(model, user, Form.of(user), Map.of());
    }

    /** Profile and roles; what is not sent stays as it is (the state has its own form, with a confirmation). */
    @PostMapping("/admin/users/{username}")
    String update(@PathVariable String username, @RequestParam(defaultValue = "") String displayName,
            @RequestParam(required = false) String credentials, @RequestParam(required = false) String specialty,
            @RequestParam(required = false) List<Role> roles, @RequestParam(required = false) String email, Model model,
            RedirectAttributes flash) {
        try {
            // a form without the field (an older page) leaves the address as it is
            UserView saved = admin.update(username, new UserRequest(null, displayName, credentials == null ? "" : credentials,
                    specialty == null ? "" : specialty, set(roles), null, null, email));
            flash.addFlashAttribute("notice", "Saved the profile and roles of " + saved.displayName() + ".");
            return "redirect:/admin/users/" + saved.username();
        } catch (Problem problem) {
            if (problem.status().value() == 404) {
                throw problem;
            }
            Map<String, String> errors = UserAdmin.fieldErrors(problem);
            return person(model, admin.get(username), new Form(username, displayName, credentials, specialty, set(roles), email), errors);
        }
    }

    /** The confirmation before someone is disabled: what it does, and a button to do it. */
    @GetMapping("/admin/users/{username}/disable")
    String confirmDisable(@PathVariable String username, Model model) {
        model.addAttribute("user", admin.get(username));
        model.addAttribute("sessions", admin.openSessions(username).size());
        return "admin/user-disable";
    }

    @PostMapping("/admin/users/{username}/enabled")
    String enabled(@PathVariable String username, @RequestParam boolean enabled, RedirectAttributes flash) {
        String canonical = UserName.canonical(username);
        try {
            UserView user = admin.update(canonical, new UserRequest(null, null, null, null, null, null, enabled, null));
            flash.addFlashAttribute("notice", user.displayName() + (enabled ? " is enabled and may sign in again."
                    : " is disabled: they cannot sign in, and their sessions have ended."));
        } catch (Problem problem) {
            flash.addFlashAttribute("problem", problem.getMessage());
        }
        return "redirect:/admin/users/" + canonical;
    }

    @PostMapping("/admin/users/{username}/sessions/end")
    String endSessions(@PathVariable String username, RedirectAttributes flash) {
        int ended = admin.endSessions(username);
        flash.addFlashAttribute("notice", ended == 0 ? "There was no open session to end."
                : "Ended " + ended + (ended == 1 ? " session" : " sessions") + "; the next request on each asks to sign in again.");
        return "redirect:/admin/users/" + UserName.canonical(username);
    }

    @PostMapping("/admin/users/{username}/password")
    String resetPassword(@PathVariable String username, @RequestParam(defaultValue = "") String password, Model model,
            RedirectAttributes flash) {
        try {
            UserView user = admin.resetPassword(username, password);
            flash.addFlashAttribute("notice", "The password of " + user.displayName() + " is reset. Give them the temporary "
                    + "password by a safe way; at their next sign-in they must choose a new one. Their sessions have ended.");
            return "redirect:/admin/users/" + user.username();
        } catch (Problem problem) {
            if (problem.status().value() == 404) {
                throw problem;
            }
            UserView user = admin.get(username);
            Map<String, String> errors = UserAdmin.fieldErrors(problem).entrySet().stream()
                    .collect(Collectors.toMap(e -> "temporary", Map.Entry::getValue, (a, b) -> a));
            return person(model, user, Form.of(user), errors);
        }
    }

    private String person(Model model, UserView user, Form form, Map<String, String> errors) {
        model.addAttribute("user", user);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("roleWords", roles(user.roles()));
        model.addAttribute("roles", roleWords());
        model.addAttribute("lastSignIn", log.lastOf("login.succeeded", List.of(user.username())).get(user.username()));
        model.addAttribute("sessions", admin.openSessions(user.username()));
        return "admin/user";
    }

    private String newUser(Model model, Form form, Map<String, String> errors) {
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("roles", roleWords());
        return "admin/user-new";
    }

    /** Each role with its words, in the order of the enum. */
    static Map<Role, String> roleWords() {
        Map<Role, String> words = new java.util.LinkedHashMap<>();
        for (Role r : Role.values()) {
            words.put(r, PageModel.label(r));
        }
        return words;
    }

    static String roles(Set<Role> roles) {
        return roles.isEmpty() ? "No role" : roles.stream().sorted().map(PageModel::label).collect(Collectors.joining(", "));
    }

    private static Set<Role> set(List<Role> roles) {
        return roles == null || roles.isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(roles);
    }
}
