package com.imprimatur.security;

import java.util.Collection;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface AppUsers extends JpaRepository<AppUser, String> {

    List<AppUser> findByUsernameIn(Collection<String> usernames);

    @Query("select distinct u from AppUser u join u.roles r where r = :role")
    List<AppUser> findByRole(@Param("role") Role role);
}
