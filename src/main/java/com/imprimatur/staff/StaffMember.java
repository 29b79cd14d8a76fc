package com.imprimatur.staff;

import java.util.Set;
import java.util.stream.Collectors;

/** The member of staff making the current request. */
public record StaffMember(String username, Set<Role> roles) {

    public boolean has(Role role) {
        return roles.contains(role);
    }

    /** The BPMN candidate groups this member belongs to. */
    public Set<String> groups() {
        return roles.stream().map(Role::group).collect(Collectors.toUnmodifiableSet());
    }
}
