package com.imprimatur.web.admin;

import jakarta.servlet.http.HttpServletRequest;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One file field of a {@code multipart/form-data} body (RFC 7578), read without the servlet's
 * multipart support (which the application keeps off): the body, already bounded by the request
 * size limit, is split at its boundary and the part named {@code field} is kept.
 */
record UploadedFile(String filename, byte[] bytes) {

    private static final Pattern BOUNDARY = Pattern.compile("boundary=\"?([^\";]+)\"?");
    private static final Pattern FILENAME = Pattern.compile("filename=\"([^\"]*)\"");

    boolean isEmpty() {
        return bytes.length == 0;
    }

    InputStream content() {
        return new ByteArrayInputStream(bytes);
    }

    /** The file sent in {@code field}, or null when the request is no multipart form or has no such part. */
    static UploadedFile read(HttpServletRequest request, String field) throws IOException {
        String type = request.getContentType();
        Matcher boundary = type == null || !type.toLowerCase(java.util.Locale.ROOT).startsWith("multipart/form-data") ? null : BOUNDARY.matcher(type);
        if (boundary == null || !boundary.find()) {
            return null;
        }
        byte[] body = request.getInputStream().readAllBytes();
        byte[] delimiter = ("--" + boundary.group(1)).getBytes(StandardCharsets.ISO_8859_1);
        byte[] blankLine = "\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1);
        int at = indexOf(body, delimiter, 0);
        while (at >= 0) {
            int headersFrom = at + delimiter.length + 2;
            int headersTo = indexOf(body, blankLine, headersFrom);
            if (headersTo < 0) {
                return null;
            }
            int next = indexOf(body, ("\r\n" + new String(delimiter, StandardCharsets.ISO_8859_1)).getBytes(StandardCharsets.ISO_8859_1), headersTo);
            if (next < 0) {
                return null;
            }
            String headers = new String(body, headersFrom, headersTo - headersFrom, StandardCharsets.UTF_8);
            if (headers.contains("name=\"" + field + "\"")) {
                Matcher name = FILENAME.matcher(headers);
                byte[] content = java.util.Arrays.copyOfRange(body, headersTo + blankLine.length, next);
                return new UploadedFile(name.find() ? name.group(1) : field, content);
            }
            at = next + 2;
        }
        return null;
    }

    private static int indexOf(byte[] data, byte[] pattern, int from) {
        outer:
        for (int i = Math.max(0, from); i <= data.length - pattern.length; i++) {
            for (int j = 0; j < pattern.length; j++) {
                if (data[i + j] != pattern[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
