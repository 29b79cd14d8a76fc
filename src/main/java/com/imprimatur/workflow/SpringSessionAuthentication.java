package com.imprimatur.workflow;

import com.imprimatur.identity.UserName;
import com.imprimatur.staff.Role;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.rest.security.auth.AuthenticationProvider;
import org.camunda.bpm.engine.rest.security.auth.AuthenticationResult;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Single sign-on for the Camunda webapps: the user of the request is the one Spring Security
 * authenticated (our login form and session), never one Camunda logged in itself. Only an admin is
 * accepted (Spring Security already refuses everyone else on {@code /camunda/**}; this is the second
 * lock), with the Camunda groups of their roles ({@link Role#group()}), so {@code admins} makes them
 * Camunda administrators ({@link CamundaWebapps}).
 *
 * <p>Instantiated by Camunda's filter through its no-argument constructor (init parameter
 * {@code authentication-provider}); it reads the request's security context, so it holds no state.
 */
public class SpringSessionAuthentication implements AuthenticationProvider {

    @Override
    public AuthenticationResult extractAuthenticatedUser(HttpServletRequest request, ProcessEngine engine) {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null || !auth.isAuthenticated() || auth.getName() == null) {
            return AuthenticationResult.unsuccessful();
        }
        List<String> groups = new ArrayList<>();
        for (GrantedAuthority authority : auth.getAuthorities()) {
            for (Role role : Role.values()) {
                if (role.authority().equals(authority.getAuthority())) {
                    groups.add(role.group());
                }
            }
        }
        if (!groups.contains(Role.ADMIN.group())) {
            return AuthenticationResult.unsuccessful(UserName.canonical(auth.getName()));
        }
        AuthenticationResult result = AuthenticationResult.successful(UserName.canonical(auth.getName()));
        result.setGroups(groups);
        result.setTenants(List.of());
        return result;
    }

    @Override
    public void augmentResponseByAuthenticationChallenge(HttpServletResponse response, ProcessEngine engine) {
        // no challenge: the login is our own form at /login
    }
}
