package com.imprimatur.problem;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

/**
 * A failure a caller can act on. Thrown anywhere in the application and turned into an RFC 9457
 * {@code application/problem+json} answer by {@link ProblemHandler}. The {@code type} is stable.
 */
public class Problem extends RuntimeException {

    private final HttpStatus status;
    private final String type;
    private final String title;
    private final Map<String, Object> properties = new LinkedHashMap<>();

    public Problem(HttpStatus status, String type, String title, String detail) {
        super(detail);
        this.status = status;
        this.type = type;
        this.title = title;
    }

    public static Problem notFound(String what) {
        return new Problem(HttpStatus.NOT_FOUND, "not-found", "Not found", what + " does not exist or is not visible to you.");
    }

    public static Problem forbidden(String type, String detail) {
        return new Problem(HttpStatus.FORBIDDEN, type, "Not allowed", detail);
    }

    public static Problem conflict(String type, String detail) {
        return new Problem(HttpStatus.CONFLICT, type, "State conflict", detail);
    }

    public static Problem invalid(String type, String detail) {
        return new Problem(HttpStatus.UNPROCESSABLE_ENTITY, type, "Invalid content", detail);
    }

    public Problem with(String name, Object value) {
        properties.put(name, value);
        return this;
    }

    public HttpStatus status() {
        return status;
    }

    public URI type() {
        return typeUri(type);
    }

    public String title() {
        return title;
    }

    public Map<String, Object> properties() {
        return properties;
    }

    /** This problem as an {@code application/problem+json} response. */
    public ResponseEntity<Object> toResponse() {
        ProblemDetail body = ProblemDetail.forStatusAndDetail(status, getMessage());
        body.setType(type());
        body.setTitle(title);
        properties.forEach(body::setProperty);
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(body);
    }

    static URI typeUri(String type) {
        return URI.create("https://imprimatur.example/problems/" + type);
    }
}
