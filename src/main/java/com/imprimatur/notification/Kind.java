package com.imprimatur.notification;

/** What a person is told about, each with the way it is delivered until they choose otherwise. */
public enum Kind {
    /** a task given to you, by an editor or by the route (a revision to make) */
    TASK_ASSIGNED(Mode.IMMEDIATE),
    /** a task anyone of your group may claim (a digest by default: one mail a morning, not twenty) */
    NEW_WORK(Mode.DIGEST),
    /** a medical review due within {@code imprimatur.notifications.due-soon} */
    DUE_SOON(Mode.IMMEDIATE),
    /** a medical review past its due time (its holder and the editors) */
    OVERDUE(Mode.IMMEDIATE),
    /** the decision on your revision: changes requested, rejected, returned, published */
    DECISION(Mode.IMMEDIATE),
    /** a reader's report on an article (editors) */
    REPORT_RECEIVED(Mode.IMMEDIATE);

    private final Mode fallback;

    Kind(Mode fallback) {
        this.fallback = fallback;
    }

    /** The setting of someone who has not chosen. */
    public Mode fallback() {
        return fallback;
    }

    /** In words, for the settings page. */
    public String label() {
        return switch (this) {
            case TASK_ASSIGNED -> "A task is given to me";
            case NEW_WORK -> "New work in my queue";
            case DUE_SOON -> "A medical review is due soon";
            case OVERDUE -> "A medical review is overdue";
            case DECISION -> "A decision on my revision";
            case REPORT_RECEIVED -> "A reader reported an article";
        };
    }

    /** How a person wants one kind delivered. */
    public enum Mode {
        /** a mail at once (and the in-app list) */
        IMMEDIATE,
        /** gathered into one mail a day (and the in-app list at once) */
        DIGEST,
        /** not told at all */
        OFF
    }
}
