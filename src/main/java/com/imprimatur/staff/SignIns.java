package com.imprimatur.staff;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The ways into an account that HTTP security keeps: browser sessions, API tokens and the login
 * throttle. The port through which account changes reach them (implemented by {@code security}), so
 * the staff directory never depends on HTTP security: disabling someone, taking a role away or
 * resetting a password ends their sessions; a reset revokes their tokens; a person's own password
 * change is checked behind the same throttle as a login.
 */
public interface SignIns {

    /** A browser session of someone: when it was last used (its id is never shown). */
    record OpenSession(Instant lastRequest) {
    }

    /** The open browser sessions of the person, most recently used first. */
    List<OpenSession> openSessionsOf(String username);

    /** Ends every browser session of the person but {@code keep} (null: all of them); returns how many. */
    int endSessionsOf(String username, String keep);

    /** Revokes every live API token of the person, recording who did; returns how many. */
    int revokeTokensOf(String username, String by);

    /** Counts a password check before it is made: zero to go on, else how long the name stays locked. */
    Duration attempt(String username);

    /** The password was wrong. */
    void failed(String username);

    /** The password was right: the name's count of failures starts afresh. */
    void succeeded(String username);
}
