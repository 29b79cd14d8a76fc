package com.imprimatur.platform;

import com.sun.management.HotSpotDiagnosticMXBean;
import java.lang.management.ManagementFactory;
import java.util.Optional;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Warns at start-up when the JVM will keep throwing away compiled code that is still in use, or will
 * take minutes longer than it needs to compile the busiest paths.
 *
 * <p>On Java 17 to 19, HotSpot's code cache sweeper flushes compiled methods it has not seen on a
 * thread's stack for a while, even with most of the code cache free. This application runs a wide
 * path per request (Tomcat, Spring Security, Hibernate, the engine's MyBatis, the driver), so most
 * of its methods are called often but seldom caught on a stack: under steady load the node kept
 * recompiling about 1,000 methods a minute after ten minutes, and the flushed methods ran interpreted
 * or at the profiling tier until compiled again
 * (docs/performance.md, "Eighth round"). {@code -XX:-UseCodeCacheFlushing} keeps what was compiled;
 * the Dockerfile, {@code ./mvnw spring-boot:run} and the benchmarks start the JVM with it. Java 20
 * replaced the sweeper (the garbage collector unloads cold code there, under the same flag); that is
 * not measured here, so no warning is given there.
 *
 * <p>It also tells when a machine of fewer than 4 processors leaves the JIT one thread for its optimising
 * compiler ({@link #compilerThreadsAdvice}). The check never stops a start: a JVM whose flags cannot be
 * read gets no warning.
 */
@Component
class CompiledCodeCheck {

    private static final Logger log = LoggerFactory.getLogger(CompiledCodeCheck.class);

    @EventListener(ApplicationReadyEvent.class)
    void adviseOnTheJit() {
        advice(Runtime.version().feature(), flushing()).ifPresent(log::warn);
        compilerThreadsAdvice(Runtime.getRuntime().availableProcessors(), compilerThreads()).ifPresent(log::warn);
    }

    /** The flag's value in this JVM, empty when it cannot be read. */
    static Optional<Boolean> flushing() {
        return flushing(CompiledCodeCheck::vmOption);
    }

    /**
     * The flag's value as the given reader of VM options tells it; empty when there is no such flag
     * (IllegalArgumentException), no HotSpot diagnostics (null), or no {@code jdk.management} module
     * in a trimmed runtime (a LinkageError).
     */
    static Optional<Boolean> flushing(Function<String, String> vmOption) {
        return option(vmOption, "UseCodeCacheFlushing").map(Boolean::parseBoolean);
    }

    /** How many compiler threads this JVM may run (CICompilerCount), empty when it cannot be read. */
    static Optional<Integer> compilerThreads() {
        return compilerThreads(CompiledCodeCheck::vmOption);
    }

    static Optional<Integer> compilerThreads(Function<String, String> vmOption) {
        return option(vmOption, "CICompilerCount").flatMap(value -> {
            try {
                return Optional.of(Integer.valueOf(value.strip()));
            } catch (NumberFormatException unreadable) {
                return Optional.empty();
            }
        });
    }

    private static String vmOption(String name) {
        HotSpotDiagnosticMXBean hotSpot = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
        return hotSpot == null ? null : hotSpot.getVMOption(name).getValue();
    }

    private static Optional<String> option(Function<String, String> vmOption, String name) {
        try {
            return Optional.ofNullable(vmOption.apply(name));
        } catch (RuntimeException | LinkageError unreadable) {
            log.debug("Cannot read the JVM option {}", name, unreadable);
            return Optional.empty();
        }
    }

    /**
     * What to tell the operator about the JIT's threads, given the processors the JVM sees and its
     * compiler thread count. Below 4 processors the JVM picks 2 threads, one of them for the optimising
     * compiler (C2); under the route's load that one thread had not caught up after five minutes, and
     * the node ran its busiest paths in slower, profiled code meanwhile (docs/performance.md, twelfth
     * round). 3 is what the JVM itself picks on 4 processors; from there on its own count is left alone.
     */
    static Optional<String> compilerThreadsAdvice(int processors, Optional<Integer> compilerThreads) {
        if (processors >= 4 || compilerThreads.isEmpty() || compilerThreads.get() >= 3 || compilerThreads.get() < 2) {
            return Optional.empty(); // fewer than 2: a JIT set up by hand (C1 only, say), where the advice does not apply
        }
        return Optional.of("The JVM compiles with " + compilerThreads.get() + " threads on " + processors + " processor"
                + (processors == 1 ? "" : "s") + ": under load this node needs minutes more to compile its busiest paths, "
                + "and runs them slower until then (docs/performance.md, twelfth round). Start it with -XX:CICompilerCount=3 "
                + "(docs/operations.md, JVM options; src/main/docker/jvm-options.sh adds it below 4 processors, "
                + "counting a container's CPU quota).");
    }

    /** What to tell the operator, given the Java feature release and the flag's value. */
    static Optional<String> advice(int javaFeature, Optional<Boolean> flushing) {
        if (javaFeature >= 20 || !flushing.orElse(false)) {
            return Optional.empty();
        }
        return Optional.of("The JVM flushes compiled code it deems cold (UseCodeCacheFlushing is on, Java "
                + javaFeature + "): under steady load this node will keep recompiling its busiest paths, and run them slower "
                + "until they are compiled again (docs/performance.md, eighth round). Start it with -XX:-UseCodeCacheFlushing (docs/operations.md, JVM options).");
    }
}
