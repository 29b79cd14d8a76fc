package com.imprimatur.support;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;

/**
 * The SMTP server of the tests: one port per test JVM, given to every Spring context through
 * {@link IntegrationTest} (so no extra context), and a GreenMail server (a real SMTP server in this
 * JVM) on it, started by the tests that read mail. Until one starts it, the application's mail
 * finds the server down and waits in the outbox, as it would in production.
 */
public final class TestMail {

    private static final int PORT = freePort();
    private static GreenMail server;

    private TestMail() {
    }

    public static int port() {
        return PORT;
    }

    /** The running server, started on first use. */
    public static synchronized GreenMail server() {
        if (server == null) {
            server = new GreenMail(new ServerSetup(PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
            server.start();
        }
        return server;
    }

    /** The mail server goes down: connections are refused until {@link #server()} starts a new one. */
    public static synchronized void stop() {
        if (server != null) {
            server.stop();
            server = null;
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
