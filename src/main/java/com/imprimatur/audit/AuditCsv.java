package com.imprimatur.audit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.format.DateTimeFormatter;

/** Writes audit events as RFC 4180 CSV, one event a row, details as their JSON text. */
public final class AuditCsv {

    public static final String HEADER = "seq,occurred_at,actor,type,article_id,revision,details,hash\r\n";

    private AuditCsv() {
    }

    public static void row(Writer out, AuditEventView e) {
        try {
            out.write(String.join(",", String.valueOf(e.seq()), DateTimeFormatter.ISO_INSTANT.format(e.occurredAt()),
                    quote(e.actor()), quote(e.type()), e.articleId() == null ? "" : e.articleId().toString(),
                    e.revision() == null ? "" : e.revision().toString(), quote(e.details().toString()), e.hash()));
            out.write("\r\n");
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    /** Quotes a field; a leading =, +, - or @ is prefixed with ' so a spreadsheet never runs it as a formula. */
    static String quote(String value) {
        String v = value == null ? "" : value;
        if (!v.isEmpty() && "=+-@".indexOf(v.charAt(0)) >= 0) {
            v = "'" + v;
        }
        return "\"" + v.replace("\"", "\"\"") + "\"";
    }
}
