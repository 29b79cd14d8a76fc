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
 * Warns at start-up when the JVM will keep throwing away compiled code that is still in use.
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
 * not measured here, so no warning is given there. The check never stops a start: a JVM whose flag
 * cannot be read gets no warning.
 */
@Component
class CompiledCodeCheck {

    private static final Logger log = LoggerFactory.getLogger(CompiledCodeCheck.class);

    @EventListener(ApplicationReadyEvent.class)
    void warnIfCompiledCodeIsFlushed() {
        advice(Runtime.version().feature(), flushing()).ifPresent(log::warn);
    }

    /** The flag's value in this JVM, empty when it cannot be read. */
    static Optional<Boolean> flushing() {
        return flushing(name -> {
            HotSpotDiagnosticMXBean hotSpot = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
            return hotSpot == null ? null : hotSpot.getVMOption(name).getValue();
        });
    }

    /**
     * The flag's value as the given reader of VM options tells it; empty when there is no such flag
     * (IllegalArgumentException), no HotSpot diagnostics (null), or no {@code jdk.management} module
     * in a trimmed runtime (a LinkageError).
     */
    static Optional<Boolean> flushing(Function<String, String> vmOption) {
        try {
            return Optional.ofNullable(vmOption.apply("UseCodeCacheFlushing")).map(Boolean::parseBoolean);
        } catch (RuntimeException | LinkageError unreadable) {
            log.debug("Cannot read the JVM option UseCodeCacheFlushing", unreadable);
            return Optional.empty();
        }
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
