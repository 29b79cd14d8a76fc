package com.imprimatur.apidocs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.imprimatur.support.Api;
import com.imprimatur.support.IntegrationTest;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/** /v3/api-docs is a valid OpenAPI 3 document that covers every /api/** handler mapping, with security and problems. */
class OpenApiHttpTest extends IntegrationTest {

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @Test
    void theDocumentValidatesAndDescribesEveryApiOperation() {
        Api.Answer docs = api().get(null, "/v3/api-docs");
        assertThat(docs.status()).isEqualTo(200);
        SwaggerParseResult parsed = new OpenAPIV3Parser().readContents(docs.text());
        assertThat(parsed.getMessages()).as("swagger-parser's findings").isEmpty();
        assertThat(parsed.getOpenAPI().getOpenapi()).startsWith("3.");

        JsonNode paths = docs.json().get("paths");
        List<String> missing = new ArrayList<>();
        for (String operation : apiOperations()) {
            String[] parts = operation.split(" ", 2);
            JsonNode path = paths.get(parts[1]);
            if (path == null || path.get(parts[0].toLowerCase(Locale.ROOT)) == null) {
                missing.add(operation);
            }
        }
        assertThat(missing).as("handler mappings under /api/ missing from /v3/api-docs").isEmpty();

        assertThat(docs.json().at("/components/securitySchemes").fieldNames()).toIterable()
                .containsExactlyInAnyOrder("basic", "bearer", "session");
        JsonNode create = paths.at("/~1api~1articles/post");
        assertThat(create.at("/requestBody/content/application~1json/schema").isMissingNode()).isFalse();
        assertThat(create.at("/responses/201").isMissingNode() && create.at("/responses/200").isMissingNode()).isFalse();
        for (String status : List.of("400", "401", "403", "422")) {
            assertThat(create.at("/responses/" + status + "/content/application~1problem+json/schema/$ref").asText())
                    .as(status).isEqualTo("#/components/schemas/Problem");
        }
        assertThat(create.get("security").findValuesAsText("bearer")).isNotNull();
        assertThat(create.get("security").toString()).contains("basic", "bearer", "session");
        JsonNode readers = paths.at("/~1api~1public~1articles~1{slug}/get");
        assertThat(readers.get("security")).isEmpty();
        assertThat(readers.at("/responses/404/content/application~1problem+json").isMissingNode()).isFalse();
    }

    private Set<String> apiOperations() {
        Set<String> operations = new TreeSet<>();
        for (RequestMappingInfo info : mappings.getHandlerMethods().keySet()) {
            for (String pattern : info.getPatternValues()) {
                if (!pattern.startsWith("/api/")) {
                    continue;
                }
                Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
                if (methods.isEmpty()) {
                    operations.add("GET " + pattern);
                }
                methods.forEach(m -> operations.add(m.name() + " " + pattern));
            }
        }
        assertThat(operations).hasSizeGreaterThan(30);
        return operations;
    }
}
