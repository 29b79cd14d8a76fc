package com.imprimatur.web.tasks;

import java.util.Collections;
import java.util.Map;

/** The task types in the words of the pages, for the article screens, which name tasks too; the queues keep the list. */
public final class TaskTypes {

    /** Task key to its name on the pages, in the order of the route ("medicalReview": "Medical review"). */
    public static final Map<String, String> NAMES = Collections.unmodifiableMap(TaskPages.TYPES);

    private TaskTypes() {
    }
}
