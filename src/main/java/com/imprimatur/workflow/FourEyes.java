package com.imprimatur.workflow;

import com.imprimatur.route.TaskKind;
import com.imprimatur.identity.UserName;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * Who must not take a task's decision, from the cycle's variables: the authors of the revision
 * (authorship accumulates over a cycle's revisions, so these are the authors of every revision of
 * it) for the medical review, the plagiarism finding, the publication approval and the triage of a
 * report; and, for the publication approval, also the physician who approved the medical review:
 * the two approvals a reader is promised are two people's.
 */
final class FourEyes {

    /** The variables {@link #excluded} reads. */
    static final List<String> VARIABLES = List.of(ProcessVariables.AUTHORS,
            TaskKind.MEDICAL_REVIEW.actorVariable());

    private FourEyes() {
    }

    /** The canonical names that may not hold or decide a task of this kind, given its variables. */
    static Set<String> excluded(String taskKey, Function<String, Object> variable) {
        Set<String> excluded = new LinkedHashSet<>();
        TaskKind kind = TaskKind.ofKey(taskKey).orElse(null);
        if (kind == null || !kind.fourEyes()) {
            return excluded;
        }
        if (variable.apply(ProcessVariables.AUTHORS) instanceof String authors) {
            for (String author : authors.split(",")) {
                if (!author.isBlank()) {
                    excluded.add(UserName.canonical(author));
                }
            }
        }
        if (kind.excludesTheApprovingPhysician()
                && variable.apply(TaskKind.MEDICAL_REVIEW.actorVariable()) instanceof String physician
                && !physician.isBlank()) {
            excluded.add(UserName.canonical(physician));
        }
        return excluded;
    }

    /** Why {@code username} may not take the task, in words for them ("You …") or for an editor; null when they may. */
    static String refusal(String taskKey, Set<String> excluded, String username, String who) {
        String name = UserName.canonical(username);
        if (!excluded.contains(name)) {
            return null;
        }
        return who + (TaskKind.ofKey(taskKey).filter(TaskKind::excludesTheApprovingPhysician).isPresent()
                ? " wrote this revision or approved its medical review; someone else must approve its publication (four-eyes)."
                : " wrote this revision; someone else must decide on it (four-eyes).");
    }
}
