package com.imprimatur.article;

import com.imprimatur.security.StaffMember;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The word diff between two revisions of an article, for other modules' pages (the API has its own endpoint). */
@Service
@Transactional(readOnly = true)
public class RevisionDiffs {

    private final ArticleService articles;

    RevisionDiffs(ArticleService articles) {
        this.articles = articles;
    }

    /** One run of text: "equal", "delete" or "insert". */
    public record Part(String op, String text) {
    }

    public record Diff(int from, int to, int wordsDeleted, int wordsInserted, List<Part> parts) {
    }

    /** From revision {@code from} to revision {@code to}; 404 unless the caller may see the article. */
    public Diff between(StaffMember caller, long articleId, int from, int to) {
        WordDiff.Result result = WordDiff.between(articles.revision(caller, articleId, from), articles.revision(caller, articleId, to));
        return new Diff(result.from(), result.to(), result.wordsDeleted(), result.wordsInserted(), result.segments().stream()
                .map(s -> new Part(s.op().name().toLowerCase(java.util.Locale.ROOT), s.text())).toList());
    }
}
