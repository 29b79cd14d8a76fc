package com.imprimatur.staff;

import java.net.URI;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The users API of DESIGN.md (ADMIN only, as all of /api/admin/**). */
@RestController
@RequestMapping("/api/admin/users")
class UserController {

    private final UserAdmin admin;

    UserController(UserAdmin admin) {
        this.admin = admin;
    }

    @GetMapping
    List<UserView> list() {
        return admin.list();
    }

    @GetMapping("/{username}")
    UserView get(@PathVariable String username) {
        return admin.get(username);
    }

    @PostMapping
    ResponseEntity<UserView> create(@RequestBody UserRequest request) {
        UserView created = admin.create(request);
        return ResponseEntity.created(URI.create("/api/admin/users/" + created.username())).body(created);
    }

    @PatchMapping("/{username}")
    UserView update(@PathVariable String username, @RequestBody UserRequest request) {
        return admin.update(username, request);
    }
}
