package com.imprimatur.audit;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/** Exports of audit events as a download: CSV ({@link AuditCsv}) or a JSON array, streamed, oldest first. */
public final class AuditExport {

    private AuditExport() {
    }

    /** The download of every event matching the query; {@code format} is "csv" or "json" (else 400). */
    public static ResponseEntity<StreamingResponseBody> response(String name, String format, AuditLog log, AuditQuery query,
            ObjectMapper json) {
        boolean csv = switch (format) {
            case "csv" -> true;
            case "json" -> false;
            default -> throw AuditController.malformed("format is 'csv' or 'json'.");
        };
        StreamingResponseBody body = out -> {
            Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            if (csv) {
                writer.write(AuditCsv.HEADER);
                log.each(query, e -> AuditCsv.row(writer, e));
                writer.flush();
                return;
            }
            JsonGenerator gen = json.getFactory().createGenerator(writer);
            gen.writeStartArray();
            log.each(query, e -> {
                try {
                    json.writeValue(gen, e);
                } catch (IOException ex) {
                    throw new UncheckedIOException(ex);
                }
            });
            gen.writeEndArray();
            gen.flush();
        };
        return ResponseEntity.ok()
                .contentType(csv ? new MediaType("text", "csv", StandardCharsets.UTF_8) : MediaType.APPLICATION_JSON)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + name + (csv ? ".csv" : ".json") + "\"")
                .body(body);
    }

}
