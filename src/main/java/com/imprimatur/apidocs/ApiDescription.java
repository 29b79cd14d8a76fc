package com.imprimatur.apidocs;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI document springdoc makes from the controllers, completed with what it cannot see:
 * the three ways to log in (HTTP Basic, an API token, the browser session with its CSRF token),
 * that readers' endpoints need none, and the RFC 9457 problems each operation may answer (every
 * error of the API is {@code application/problem+json}: ProblemHandler and the security chains).
 */
@Configuration(proxyBeanMethods = false)
class ApiDescription {

    static final String BASIC = "basic";
    static final String BEARER = "bearer";
    static final String SESSION = "session";
    private static final String PROBLEM = "Problem";
    private static final String PROBLEM_JSON = "application/problem+json";

    @Bean
    OpenAPI imprimaturApi() {
        return new OpenAPI()
                .info(new Info().title("Imprimatur").version("1")
                        .description("Editorial review and fact-checking of health articles. Staff endpoints take HTTP Basic, "
                                + "an API token (Authorization: Bearer imp_…, made on /me) or the browser session (changes "
                                + "then need the CSRF token in X-CSRF-TOKEN). Every error is application/problem+json (RFC 9457)."))
                .components(new Components()
                        .addSecuritySchemes(BASIC, new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic")
                                .description("User name and password; each request pays a password check: prefer a token"))
                        .addSecuritySchemes(BEARER, new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")
                                .bearerFormat("imp_<43 characters>").description("An API token from POST /api/me/tokens or /me"))
                        .addSecuritySchemes(SESSION, new SecurityScheme().type(SecurityScheme.Type.APIKEY)
                                .in(SecurityScheme.In.COOKIE).name("JSESSIONID")
                                .description("The browser session of the staff pages; changes need the CSRF token"))
                        .addSchemas(PROBLEM, problemSchema()));
    }

    @Bean
    OpenApiCustomizer securityAndProblems() {
        return api -> {
            // springdoc rebuilds the components from the controllers' types: the problem schema goes in here
            api.getComponents().addSchemas(PROBLEM, problemSchema());
            if (api.getPaths() == null) {
                return;
            }
            api.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
                boolean readers = path.startsWith("/api/public/");
                operation.setSecurity(readers ? List.of() : List.of(new SecurityRequirement().addList(BASIC),
                        new SecurityRequirement().addList(BEARER), new SecurityRequirement().addList(SESSION)));
                problems(operation, path, method, readers);
            }));
        };
    }

    private static void problems(Operation operation, String path, PathItem.HttpMethod method, boolean readers) {
        ApiResponses responses = operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
        Map<String, String> possible = new LinkedHashMap<>();
        possible.put("400", "Malformed request");
        if (!readers) {
            possible.put("401", "Not logged in, or the credentials or token are not valid");
            possible.put("403", "Your role does not allow this (or the CSRF token is missing)");
        }
        if (path.contains("{")) {
            possible.put("404", "Unknown, or not visible to you");
        }
        if (method != PathItem.HttpMethod.GET) {
            possible.put("409", "State conflict");
            possible.put("413", "Request too large");
            possible.put("422", "Invalid content: the errors property names each field");
        }
        if (readers || !path.startsWith("/api/admin/")) {
            possible.put("429", "Rate limited or too many failed logins (Retry-After)");
        }
        possible.forEach((status, description) -> {
            if (!responses.containsKey(status)) {
                responses.addApiResponse(status, new ApiResponse().description(description).content(new Content()
                        .addMediaType(PROBLEM_JSON, new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM)))));
            }
        });
        operation.setResponses(responses);
    }

    @SuppressWarnings("rawtypes")
    private static Schema problemSchema() {
        return new ObjectSchema().description("RFC 9457 problem details")
                .addProperty("type", new StringSchema().format("uri").description("Stable identifier of the kind of problem"))
                .addProperty("title", new StringSchema())
                .addProperty("status", new IntegerSchema())
                .addProperty("detail", new StringSchema().description("What to do about it, in words"))
                .addProperty("instance", new StringSchema().format("uri"))
                .additionalProperties(true);
    }
}
