package com.imprimatur.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The start-up warning about flushed compiled code: when it is given, and that it reads the running JVM. */
class CompiledCodeCheckTest {

    @Test
    void readsTheFlagOfTheRunningJvm() {
        boolean switchedOff = ManagementFactory.getRuntimeMXBean().getInputArguments().contains("-XX:-UseCodeCacheFlushing");
        assertThat(CompiledCodeCheck.flushing()).contains(!switchedOff);
    }

    @Test
    void warnsOnlyWhereTheSweeperFlushesColdCode() {
        assertThat(CompiledCodeCheck.advice(17, Optional.of(true))).get().asString()
                .contains("-XX:-UseCodeCacheFlushing").contains("Java 17");
        assertThat(CompiledCodeCheck.advice(19, Optional.of(true))).isPresent();
        assertThat(CompiledCodeCheck.advice(17, Optional.of(false))).isEmpty();
        assertThat(CompiledCodeCheck.advice(17, Optional.empty())).isEmpty(); // not HotSpot
        assertThat(CompiledCodeCheck.advice(20, Optional.of(true))).isEmpty(); // no sweeper any more
        assertThat(CompiledCodeCheck.advice(21, Optional.of(true))).isEmpty();
    }
}
