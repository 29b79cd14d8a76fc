package com.imprimatur.publication;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.jsonldjava.core.DocumentLoader;
import com.github.jsonldjava.core.JsonLdOptions;
import com.github.jsonldjava.core.JsonLdProcessor;
import com.github.jsonldjava.utils.JsonUtils;
import com.imprimatur.support.Api;
import com.imprimatur.support.Desk;
import com.imprimatur.support.IntegrationTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The public article's schema.org MedicalWebPage, expanded by a JSON-LD processor. */
class JsonLdHttpTest extends IntegrationTest {

    private static final String SCHEMA = "https://schema.org/";

    /**
     * Expands with a stand-in for the schema.org context (no network here): every term in the
     * schema.org vocabulary, which is what the real context says of the terms we use.
     */
    static List<Object> expand(String jsonLd) throws Exception {
        DocumentLoader loader = new DocumentLoader();
        loader.addInjectedDoc("https://schema.org", "{\"@context\": {\"@vocab\": \"" + SCHEMA + "\"}}");
        JsonLdOptions options = new JsonLdOptions();
        options.setDocumentLoader(loader);
        return JsonLdProcessor.expand(JsonUtils.fromString(jsonLd), options);
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> only(Object list) {
        return (Map<String, Object>) ((List<Object>) list).get(0);
    }

    static Object value(Map<String, Object> node, String term) {
        return only(node.get(SCHEMA + term)).get("@value");
    }

    @Test
    void theMedicalWebPageReadsBackWithReviewerDatesAndCitations() throws Exception {
        Api api = api();
        JsonNode created = new Desk(api).publish("writer", Desk.article("Hay fever in children", 2), 2);
        JsonNode page = api.get(null, "/api/public/articles/" + created.get("slug").asText()).json();

        List<Object> expanded = expand(new ObjectMapper().writeValueAsString(page.get("jsonLd")));
        assertThat(expanded).hasSize(1);
        @SuppressWarnings("unchecked")
        Map<String, Object> webPage = (Map<String, Object>) expanded.get(0);
        assertThat(webPage.get("@type")).isEqualTo(List.of(SCHEMA + "MedicalWebPage"));
        Map<String, Object> reviewer = only(webPage.get(SCHEMA + "reviewedBy"));
        assertThat(reviewer.get("@type")).isEqualTo(List.of(SCHEMA + "Person"));
        assertThat(value(reviewer, "name")).isEqualTo("Dr. Elena Marsh");
        assertThat(value(reviewer, "honorificSuffix")).isEqualTo("M.D., FACP");
        assertThat(value(only(webPage.get(SCHEMA + "author")), "name")).isEqualTo("Maya Thornton");
        assertThat(value(webPage, "lastReviewed")).isEqualTo(page.get("lastReviewed").asText());
        assertThat(value(webPage, "datePublished")).isEqualTo(page.get("datePublished").asText());
        assertThat(value(webPage, "dateModified")).isEqualTo(page.get("lastModified").asText());
        assertThat((List<?>) webPage.get(SCHEMA + "citation")).hasSize(2);
    }

    @Test
    void theReadersPageCarriesTheSameJsonLdInAScriptBlock() throws Exception {
        Api api = api();
        JsonNode created = new Desk(api).publish("writer", Desk.article("Iron in pregnancy </script><script>alert(1)</script>", 1), 1);
        Api.Answer page = api.send(null, java.net.http.HttpRequest.newBuilder(api.uri("/public/articles/" + created.get("slug").asText())));
        assertThat(page.status()).isEqualTo(200);
        java.util.regex.Matcher block = java.util.regex.Pattern.compile(
                "<script type=\"application/ld\\+json\">(.*?)</script>", java.util.regex.Pattern.DOTALL).matcher(page.text());
        assertThat(block.find()).isTrue();
        // the title's "</script>" cannot end the block early: it is escaped inside the JSON
        assertThat(block.group(1)).doesNotContain("<");
        @SuppressWarnings("unchecked")
        Map<String, Object> webPage = (Map<String, Object>) expand(block.group(1)).get(0);
        assertThat(value(webPage, "name")).isEqualTo("Iron in pregnancy </script><script>alert(1)</script>");
        assertThat(value(only(webPage.get(SCHEMA + "reviewedBy")), "honorificSuffix")).isEqualTo("M.D., FACP");
    }
}
