package com.imprimatur.platform;

import com.sun.management.HotSpotDiagnosticMXBean;
import java.lang.management.ManagementFactory;
import java.util.Optional;
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
 * removed the sweeper, so there the flag changes nothing and no warning is given.
 */
@Component
class CompiledCodeCheck {

    private static final Logger log = LoggerFactory.getLogger(CompiledCodeCheck.class);

    @EventListener(ApplicationReadyEvent.class)
    void warnIfCompiledCodeIsFlushed() {
        advice(Runtime.version().feature(), flushing()).ifPresent(log::warn);
    }

    /** The flag's value in this JVM, empty when the JVM has no such flag (not HotSpot). */
    static Optional<Boolean> flushing() {
        try {
            HotSpotDiagnosticMXBean hotSpot = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
            return hotSpot == null ? Optional.empty()
                    : Optional.of(Boolean.parseBoolean(hotSpot.getVMOption("UseCodeCacheFlushing").getValue()));
        } catch (IllegalArgumentException noSuchFlag) {
            return Optional.empty();
        }
    }

    /** What to tell the operator, given the Java feature release and the flag's value. */
    static Optional<String> advice(int javaFeature, Optional<Boolean> flushing) {
        if (javaFeature >= 20 || !flushing.orElse(false)) {
            return Optional.empty();
        }
        return Optional.of("The JVM flushes compiled code it deems cold (UseCodeCacheFlushing is on, Java "
                + javaFeature + "): under steady load this node will keep recompiling its busiest paths, which took a tenth "
                + "to two fifths of its CPU in the route benchmark. Start it with -XX:-UseCodeCacheFlushing (docs/operations.md, JVM options).");
    }
}
