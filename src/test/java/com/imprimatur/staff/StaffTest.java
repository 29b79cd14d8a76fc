package com.imprimatur.staff;

import static org.assertj.core.api.Assertions.assertThat;

import com.imprimatur.support.IntegrationTest;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** The identity store's two reads on every decision (profiles, four-eyes), written out in SQL: what they answer. */
class StaffTest extends IntegrationTest {

    @Autowired
    Staff staff;

    @Autowired
    StaffAccounts accounts;

    @Autowired
    JdbcTemplate jdbc;

    private String someone(Set<Role> roles) {
        String name = "st" + UUID.randomUUID().toString().substring(0, 8);
        assertThat(accounts.createIfAbsent(name, "correct horse battery", "Dr " + name, "M.D.", "Cardiology", roles)).isTrue();
        return name;
    }

    @Test
    void profilesAnswerByCanonicalNameWithEveryRoleAndLeaveTheUnknownOut() {
        String physician = someone(EnumSet.of(Role.MEDICAL_REVIEWER, Role.EDITOR));
        String writer = someone(EnumSet.of(Role.WRITER));
        String nobody = someone(EnumSet.noneOf(Role.class));

        Map<String, StaffProfile> found = staff.profiles(List.of("  " + physician.toUpperCase() + " ", writer, writer, nobody, "no-such-user"));

        assertThat(found).containsOnlyKeys(physician, writer, nobody);
        StaffProfile p = found.get(physician);
        assertThat(p.roles()).containsExactlyInAnyOrder(Role.MEDICAL_REVIEWER, Role.EDITOR);
        assertThat(p.displayName()).isEqualTo("Dr " + physician);
        assertThat(p.credentials()).isEqualTo("M.D.");
        assertThat(p.specialty()).isEqualTo("Cardiology");
        assertThat(p.enabled()).isTrue();
        assertThat(found.get(writer).roles()).containsExactly(Role.WRITER);
        assertThat(found.get(nobody).roles()).isEmpty();
        assertThat(found).isEqualTo(Map.of(physician, staff.profile(physician).orElseThrow(), writer,
                staff.profile(writer).orElseThrow(), nobody, staff.profile(nobody).orElseThrow()));
        assertThat(staff.profiles(List.of())).isEmpty();
    }

    @Test
    void activeInCountsOnlyAnEnabledUserHoldingOneOfTheRoles() {
        String reviewer = someone(EnumSet.of(Role.MEDICAL_REVIEWER, Role.WRITER));

        assertThat(staff.activeIn(reviewer, List.of(Role.MEDICAL_REVIEWER))).isTrue();
        assertThat(staff.activeIn("  " + reviewer.toUpperCase() + " ", List.of(Role.MEDICAL_REVIEWER))).as("another spelling").isTrue();
        assertThat(staff.activeIn(reviewer, List.of(Role.EDITOR, Role.WRITER))).isTrue();
        assertThat(staff.activeIn(reviewer, List.of(Role.EDITOR))).isFalse();
        assertThat(staff.activeIn(reviewer, List.of())).isFalse();
        assertThat(staff.activeIn("no-such-user", List.of(Role.MEDICAL_REVIEWER))).isFalse();

        jdbc.update("update app_user set enabled = false where username = ?", reviewer);
        assertThat(staff.activeIn(reviewer, List.of(Role.MEDICAL_REVIEWER))).as("disabled").isFalse();
    }
}
