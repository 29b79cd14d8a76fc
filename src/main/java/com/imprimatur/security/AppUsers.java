package com.imprimatur.security;

import java.util.Collection;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface AppUsers extends JpaRepository<AppUser, String> {

    List<AppUser> findByUsernameIn(Collection<String> usernames);
}
