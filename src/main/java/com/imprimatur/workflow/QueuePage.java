package com.imprimatur.workflow;

import java.util.List;

/** One page of a queue and the number of tasks the whole queue holds. */
public record QueuePage(List<TaskView> tasks, long total, int page, int size) {

    public int pages() {
        return (int) Math.max(1, (total + size - 1) / size);
    }
}
