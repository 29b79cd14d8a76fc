package com.imprimatur.workflow;

import com.imprimatur.route.Decision;
import com.imprimatur.article.LiveRevisions;
import com.imprimatur.notification.Kind;
import com.imprimatur.notification.Notifications;
import java.util.List;

/**
 * Tells a revision's authors the decision on it, in the transaction of the decision: changes
 * requested (with the physician's comment), rejected, or returned by an editor. Publication is told
 * by the article module when the revision goes live.
 */
final class DecisionNotices {

    private DecisionNotices() {
    }

    static void told(Notifications notifications, LiveRevisions revisions, TaskView task, Decision decision, String comment,
            List<String> authors) {
        String title = "“" + revisions.title(task.articleId(), task.revision()) + "” (revision " + task.revision() + ")";
        String said = comment == null || comment.isBlank() ? "" : " The comment: " + comment.strip();
        Notifications.Message message = switch (decision) {
            case REQUEST_CHANGES -> new Notifications.Message("Changes requested: " + title,
                    "The medical reviewer asks for changes to " + title + "." + said + " Submit a new revision to continue.",
                    "/articles/" + task.articleId());
            case REJECT -> new Notifications.Message("Rejected: " + title,
                    "The medical reviewer rejected " + title + "." + said, "/articles/" + task.articleId());
            case RETURN_TO_WRITER -> new Notifications.Message(
                    "Returned to you: " + title, "An editor returned " + title + " to you." + said
                            + " Submit a new revision to continue.", "/articles/" + task.articleId());
            default -> null;
        };
        if (message != null) {
            notifications.tell(Kind.DECISION, "decision:" + task.id() + ":" + decision, authors, message);
        }
    }
}
