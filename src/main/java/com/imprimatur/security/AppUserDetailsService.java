package com.imprimatur.security;

import com.imprimatur.identity.UserName;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
class AppUserDetailsService implements UserDetailsService {

    private final AppUsers users;

    AppUserDetailsService(AppUsers users) {
        this.users = users;
    }

    @Override
    @Transactional(readOnly = true)
    public UserDetails loadUserByUsername(String typed) {
        // the principal carries the canonical name, never the spelling that was typed
        String username = UserName.canonical(typed);
        AppUser user = users.findById(username).orElseThrow(() -> new UsernameNotFoundException(username));
        return User.withUsername(username)
                .password(user.passwordHash())
                .disabled(!user.enabled())
                .authorities(user.roles().stream().map(r -> new SimpleGrantedAuthority(r.authority())).toList())
                .build();
    }
}
