package com.imprimatur.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.sun.management.HotSpotDiagnosticMXBean;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The start-up warnings about flushed compiled code and the JIT's threads: when each is given, and how the flags are read. */
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

    @Test
    void readsTheCompilerThreadCountOfTheRunningJvm() {
        assumeTrue(ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class) != null, "not a HotSpot JVM");
        Optional<Integer> given = ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                .filter(a -> a.startsWith("-XX:CICompilerCount=")).map(a -> Integer.valueOf(a.substring(a.indexOf('=') + 1)))
                .reduce((first, last) -> last);
        Optional<Integer> read = CompiledCodeCheck.compilerThreads();
        assertThat(read).get().satisfies(n -> assertThat(n).isGreaterThanOrEqualTo(1));
        given.ifPresent(n -> assertThat(read).contains(n));
        assertThat(CompiledCodeCheck.compilerThreads(name -> name.equals("CICompilerCount") ? "3" : "x")).contains(3);
        assertThat(CompiledCodeCheck.compilerThreads(name -> "not a number")).isEmpty();
        assertThat(CompiledCodeCheck.compilerThreads(name -> null)).isEmpty();
        assertThat(CompiledCodeCheck.compilerThreads(name -> {
            throw new IllegalArgumentException("VM option \"" + name + "\" does not exist");
        })).isEmpty();
    }

    @Test
    void advisesASecondOptimisingCompilerThreadOnlyBelowFourProcessors() {
        assertThat(CompiledCodeCheck.compilerThreadsAdvice(2, Optional.of(2))).get().asString()
                .contains("-XX:CICompilerCount=3").contains("2 threads on 2 processors");
        assertThat(CompiledCodeCheck.compilerThreadsAdvice(1, Optional.of(2))).get().asString().contains("on 1 processor:");
        assertThat(CompiledCodeCheck.compilerThreadsAdvice(3, Optional.of(2))).isPresent();
        assertThat(CompiledCodeCheck.compilerThreadsAdvice(2, Optional.of(3))).isEmpty(); // the flag given
        assertThat(CompiledCodeCheck.compilerThreadsAdvice(2, Optional.of(4))).isEmpty();
        assertThat(CompiledCodeCheck.compilerThreadsAdvice(4, Optional.of(2))).isEmpty(); // the JVM's own choice from 4 on
        assertThat(CompiledCodeCheck.compilerThreadsAdvice(16, Optional.of(12))).isEmpty();
        assertThat(CompiledCodeCheck.compilerThreadsAdvice(2, Optional.empty())).isEmpty(); // unreadable
        assertThat(CompiledCodeCheck.compilerThreadsAdvice(2, Optional.of(1))).isEmpty(); // a JIT set up by hand
    }

    @Test
    void theStartScriptCountsProcessorsAsThisJvmDoes() throws IOException, InterruptedException {
        // src/main/docker/jvm-options.sh (the Dockerfile's options) on this machine: the second C2 thread
        // exactly when the JVM itself sees fewer than 4 processors (nproc or a cgroup CPU quota), so that no
        // node it starts draws the warning above
        Process script = new ProcessBuilder("sh", "src/main/docker/jvm-options.sh").redirectErrorStream(true).start();
        assertThat(script.waitFor(10, TimeUnit.SECONDS)).isTrue();
        List<String> options = List.of(new String(script.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip().split("\\s+"));
        assertThat(script.exitValue()).isZero();
        assertThat(options).contains("-XX:-UseCodeCacheFlushing");
        if (Runtime.getRuntime().availableProcessors() < 4) {
            assertThat(options).contains("-XX:CICompilerCount=3").hasSize(2);
        } else {
            assertThat(options).containsExactly("-XX:-UseCodeCacheFlushing");
        }
    }
}
