package com.imprimatur.web.support;

import com.imprimatur.notification.Inbox;
import com.imprimatur.problem.Problem;
import com.imprimatur.staff.Role;
import com.imprimatur.staff.Staff;
import com.imprimatur.staff.StaffMember;
import com.imprimatur.staff.StaffProfile;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** What every page's layout shows: who is logged in, under which roles, with how many unread notifications. */
@ControllerAdvice(basePackages = "com.imprimatur.web")
public class PageModel {

    private final Staff staff;
    private final Inbox inbox;

    PageModel(Staff staff, Inbox inbox) {
        this.staff = staff;
        this.inbox = inbox;
    }

    /** The logged-in member of staff as the layout shows them. */
    record Me(String username, String displayName, List<String> roles, boolean writer, boolean reviewer, boolean editor,
            boolean admin, int unread) {
    }

    @ModelAttribute("me")
    Me me() {
        StaffMember member;
        try {
            member = staff.current();
        } catch (Problem notLoggedIn) {
            return null;
        }
        String name = staff.profile(member.username()).map(StaffProfile::signature).orElse(member.username());
        return new Me(member.username(), name, member.roles().stream().sorted().map(PageModel::label).toList(),
                member.has(Role.WRITER), member.has(Role.MEDICAL_REVIEWER), member.has(Role.EDITOR), member.has(Role.ADMIN),
                inbox.unread(member.username()));
    }

    /** Display names ("Dr. Elena Marsh, M.D., FACP") for usernames; unknown ones stay as they are. */
    public Map<String, String> names(Collection<String> usernames) {
        Map<String, StaffProfile> profiles = staff.profiles(usernames.stream().filter(u -> u != null).distinct().toList());
        return usernames.stream().filter(u -> u != null).distinct().collect(Collectors.toMap(u -> u,
                u -> profiles.containsKey(u) ? profiles.get(u).signature() : u));
    }

    /** A role in words: "Medical reviewer". */
    public static String label(Role role) {
        return switch (role) {
            case WRITER -> "Writer";
            case MEDICAL_REVIEWER -> "Medical reviewer";
            case EDITOR -> "Editor";
            case ADMIN -> "Administrator";
        };
    }
}
