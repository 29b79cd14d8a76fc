package com.imprimatur.staff;

import jakarta.persistence.LockModeType;
import java.util.Collection;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface AppUsers extends JpaRepository<AppUser, String> {

    List<AppUser> findByUsernameIn(Collection<String> usernames);

    List<AppUser> findAllByOrderByUsername();

    /** The enabled administrators, locked until the transaction ends: two admins cannot remove the last two at once. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select distinct u from AppUser u join u.roles r where r = com.imprimatur.staff.Role.ADMIN and u.enabled = true")
    List<AppUser> lockEnabledAdmins();

    /** Whether the user is enabled and holds one of the roles: one query on two primary keys. */
    @Query("select count(u) > 0 from AppUser u join u.roles r where u.username = :username and u.enabled = true and r in :roles")
    boolean enabledWithAnyOf(@Param("username") String username, @Param("roles") Collection<Role> roles);

    @Query("select distinct u from AppUser u join u.roles r where r = :role")
    List<AppUser> findByRole(@Param("role") Role role);
}
