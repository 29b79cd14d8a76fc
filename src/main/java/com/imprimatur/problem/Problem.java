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
    private Long retryAfterSeconds;

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

    /** 503: the database cannot be reached; nothing was stored, the caller may try again. */
    public static Problem unavailable() {
        return new Problem(HttpStatus.SERVICE_UNAVAILABLE, "service-unavailable", "Service unavailable",
                "We cannot store anything right now and nothing was stored; please try again in a little while.")
                .retryAfter(30);
    }

    /** Sets the Retry-After header (and a retryAfterSeconds property) of the answer. */
    public Problem retryAfter(long seconds) {
        this.retryAfterSeconds = seconds;
        return with("retryAfterSeconds", seconds);
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
        ResponseEntity.BodyBuilder answer = ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON);
        if (retryAfterSeconds != null) {
            answer.header("Retry-After", String.valueOf(retryAfterSeconds));
        }
        return answer.body(body);
    }

    static URI typeUri(String type) {
        return URI.create("https://imprimatur.example/problems/" + type);
    }
}
