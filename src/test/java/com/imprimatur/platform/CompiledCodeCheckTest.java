package com.imprimatur.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.sun.management.HotSpotDiagnosticMXBean;
import java.lang.management.ManagementFactory;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The start-up warning about flushed compiled code: when it is given, and how the flag is read. */
class CompiledCodeCheckTest {

    @Test
    void readsTheFlagOfTheRunningJvm() {
        assumeTrue(ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class) != null, "not a HotSpot JVM");
        boolean switchedOff = ManagementFactory.getRuntimeMXBean().getInputArguments().contains("-XX:-UseCodeCacheFlushing");
        assertThat(CompiledCodeCheck.flushing()).contains(!switchedOff);
    }

    @Test
    void readsTheFlagByItsNameAndNeverFailsTheStart() {
        assertThat(CompiledCodeCheck.flushing(name -> name.equals("UseCodeCacheFlushing") ? "true" : "false")).contains(true);
        assertThat(CompiledCodeCheck.flushing(name -> name.equals("UseCodeCacheFlushing") ? "false" : "true")).contains(false);
        assertThat(CompiledCodeCheck.flushing(name -> null)).isEmpty(); // no HotSpot diagnostics
        assertThat(CompiledCodeCheck.flushing(name -> {
            throw new IllegalArgumentException("VM option \"" + name + "\" does not exist");
        })).isEmpty();
        assertThat(CompiledCodeCheck.flushing(name -> {
            throw new NoClassDefFoundError("com/sun/management/HotSpotDiagnosticMXBean"); // a runtime without jdk.management
        })).isEmpty();
    }

    @Test
    void warnsOnlyWhereTheSweeperFlushesColdCode() {
        assertThat(CompiledCodeCheck.advice(17, Optional.of(true))).get().asString()
                .contains("-XX:-UseCodeCacheFlushing").contains("Java 17");
        assertThat(CompiledCodeCheck.advice(19, Optional.of(true))).isPresent();
        assertThat(CompiledCodeCheck.advice(17, Optional.of(false))).isEmpty();
        assertThat(CompiledCodeCheck.advice(17, Optional.empty())).isEmpty(); // unreadable
        assertThat(CompiledCodeCheck.advice(20, Optional.of(true))).isEmpty(); // the sweeper replaced, not measured
        assertThat(CompiledCodeCheck.advice(21, Optional.of(true))).isEmpty();
    }
}
