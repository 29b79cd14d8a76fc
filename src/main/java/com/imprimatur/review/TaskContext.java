package com.imprimatur.review;

/** The task a decision is taken on, as the workflow module describes it. */
public record TaskContext(String taskId, String taskKey, long articleId, int revision) {
}
