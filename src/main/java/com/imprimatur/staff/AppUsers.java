package com.imprimatur.staff;

import jakarta.persistence.LockModeType;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface AppUsers extends JpaRepository<AppUser, String> {

    List<AppUser> findAllByOrderByUsername();

    /** The enabled administrators, locked until the transaction ends: two admins cannot remove the last two at once. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select distinct u from AppUser u join u.roles r where r = com.imprimatur.staff.Role.ADMIN and u.enabled = true")
    List<AppUser> lockEnabledAdmins();

    @Query("select distinct u from AppUser u join u.roles r where r = :role")
    List<AppUser> findByRole(@Param("role") Role role);
}
