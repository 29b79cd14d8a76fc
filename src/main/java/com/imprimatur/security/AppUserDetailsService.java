package com.imprimatur.security;

import com.imprimatur.identity.UserName;
import com.imprimatur.staff.StaffAccounts;
import com.imprimatur.staff.StaffAccounts.Credentials;
import java.util.ArrayList;
import java.util.List;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
class AppUserDetailsService implements UserDetailsService {

    private final StaffAccounts accounts;

    AppUserDetailsService(StaffAccounts accounts) {
        this.accounts = accounts;
    }

    @Override
    @Transactional(readOnly = true)
    public UserDetails loadUserByUsername(String typed) {
        // the principal carries the canonical name, never the spelling that was typed
        String username = UserName.canonical(typed);
        Credentials user = accounts.credentials(username).orElseThrow(() -> new UsernameNotFoundException(username));
        return User.withUsername(username)
                .password(user.passwordHash())
                .disabled(!user.enabled())
                .authorities(authorities(user))
                .build();
    }

    /** The roles; and, while an administrator's reset password stands, the mark that lets nothing else through. */
    private static List<GrantedAuthority> authorities(Credentials user) {
        List<GrantedAuthority> authorities = new ArrayList<>();
        user.roles().forEach(r -> authorities.add(new SimpleGrantedAuthority(r.authority())));
        if (user.mustChangePassword()) {
            authorities.add(new SimpleGrantedAuthority(PasswordChangeGate.MUST_CHANGE));
        }
        return authorities;
    }
}
