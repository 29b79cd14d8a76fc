package com.imprimatur.plagiarism;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The report entity: what a re-run does to an editor's dismissal. */
class PlagiarismReportTest {

    private static final PlagiarismReportView.Source ARTICLE_7 = new PlagiarismReportView.Source("article", 7L, 2, null, "Sleep");
    private static final PlagiarismReportView.Source SOURCE_3 = new PlagiarismReportView.Source("source", null, null, 3L, "Guide");

    private static PlagiarismMatch match(PlagiarismReportView.Source source, int from, int to, boolean quoted) {
        return new PlagiarismMatch(source, 12, 12, quoted, from, to, 100, 100 + to - from, "copied text", "copied text");
    }

    private static void run(PlagiarismReport report, PlagiarismMatch... matches) {
        report.fill(true, BigDecimal.valueOf(4.5), 12, 400, 0, 3, List.of(matches));
    }

    @Test
    void aReRunThatFindsTheSamePassagesKeepsTheDismissal() {
        PlagiarismReport report = new PlagiarismReport(42);
        run(report, match(ARTICLE_7, 10, 90, false), match(SOURCE_3, 400, 480, true));
        report.dismiss("editor", "The overlap is our own press release, licensed to us.");

        // the 12-month re-review of the same revision: same passages (a quoted one may come and go)
        run(report, match(ARTICLE_7, 10, 90, false));
        PlagiarismReportView.Dismissal kept = report.view(1, 1).dismissal();
        assertThat(kept).isNotNull();
        assertThat(kept.by()).isEqualTo("editor");
        assertThat(kept.justification()).isEqualTo("The overlap is our own press release, licensed to us.");
        assertThat(report.view(1, 1).matches()).hasSize(1);
    }

    @Test
    void aReRunThatFindsANewPassageNeedsANewDecision() {
        PlagiarismReport report = new PlagiarismReport(42);
        run(report, match(ARTICLE_7, 10, 90, false));
        report.dismiss("editor", "Licensed.");
        run(report, match(ARTICLE_7, 10, 90, false), match(SOURCE_3, 400, 480, false));
        assertThat(report.view(1, 1).dismissal()).isNull();
    }

    private static void assertNoLoneSurrogate(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c)) {
                assertThat(i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))).as("high surrogate at %d", i).isTrue();
                i++;
            } else {
                assertThat(Character.isLowSurrogate(c)).as("low surrogate alone at %d", i).isFalse();
            }
        }
    }

    @Test
    void truncationNeverSplitsAnEmoji() {
        String emoji = "\uD83D\uDE00"; // 😀, two chars
        // the cut (max - 1 = 7999 chars) lands between the emoji's two chars
        String justification = "a".repeat(7998) + emoji + "b".repeat(50);
        PlagiarismReport report = new PlagiarismReport(1);
        report.dismiss("editor", justification);
        String kept = report.view(1, 1).dismissal().justification();
        assertNoLoneSurrogate(kept);
        assertThat(kept).isEqualTo("a".repeat(7998) + "…");

        String text = "x".repeat(7998) + emoji + "y".repeat(10);
        PlagiarismMatch match = new PlagiarismMatch(SOURCE_3, 12, 12, false, 0, text.length(), 0, text.length(), text, text);
        PlagiarismReportView.Match view = match.view();
        assertNoLoneSurrogate(view.text());
        assertNoLoneSurrogate(view.sourceText());
        assertThat(view.text()).hasSize(7999).endsWith("x…");

        // a cut that falls after the whole emoji keeps it
        assertThat(PlagiarismMatch.cut("xxx" + emoji + "yy", 6)).isEqualTo("xxx" + emoji + "…");
        assertThat(PlagiarismMatch.cut("xxxx" + emoji + "y", 6)).isEqualTo("xxxx…");
        String title = "t".repeat(498) + emoji + "t";
        assertNoLoneSurrogate(new PlagiarismMatch(new PlagiarismReportView.Source("source", null, null, 3L, title), 1, 1, false, 0, 1, 0, 1, "x", "x")
                .view().source().title());
    }
}
