package com.imprimatur.article;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class RevisionContentTest {

    private static RevisionContent content(String title, String body, String doi) {
        return new RevisionContent(title, "summary", body,
                List.of(new RevisionContent.Source("A citation", doi, null, null)), null, null);
    }

    @Test
    void theDigestIsStableAndCoversEveryField() {
        String digest = content("T", "body", "10.1/x").sha256();
        assertThat(digest).hasSize(64).matches("[0-9a-f]+").isEqualTo(content("T", "body", "10.1/x").sha256());
        assertThat(content("T", "body", "10.1/y").sha256()).isNotEqualTo(digest);
        assertThat(content("T", "body ", "10.1/x").sha256()).isNotEqualTo(digest);
        // moving text between fields changes the digest: fields are length-prefixed, not concatenated
        assertThat(content("Tb", "ody", "10.1/x").sha256()).isNotEqualTo(content("T", "body", "10.1/x").sha256());
    }
}
