package com.imprimatur.factcheck;

import com.imprimatur.problem.Problem;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Reads CSV (RFC 4180: quoted fields holding commas, doubled quotes and line breaks; CRLF or LF)
 * straight from bytes, one record at a time. Each field is decoded on its own: as UTF-8, or as
 * Windows-1252 where its bytes are not valid UTF-8, so one badly encoded name does not spoil a
 * file. A leading UTF-8 byte order mark is skipped.
 */
final class CsvRecords {

    private static final Charset FALLBACK = Charset.forName("windows-1252");

    private final InputStream in;
    private final byte[] buffer = new byte[1 << 16];
    private int position;
    private int filled;
    private byte[] field = new byte[512];
    private int fieldLength;
    private boolean fieldHasHighBytes;
    private long records;
    private final CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);

    CsvRecords(InputStream in) throws IOException {
        this.in = in;
        fill();
        if (filled >= 3 && (buffer[0] & 0xff) == 0xEF && (buffer[1] & 0xff) == 0xBB && (buffer[2] & 0xff) == 0xBF) {
            position = 3;
        }
    }

    /** The next record's fields, or null at the end of the input. */
    List<String> next() throws IOException {
        int b = read();
        if (b < 0) {
            return null;
        }
        records++;
        List<String> fields = new ArrayList<>();
        boolean inQuotes = false;
        boolean quoted = false;
        clearField();
        while (true) {
            if (inQuotes) {
                if (b < 0) {
                    throw Problem.invalid("csv-malformed", "Record " + records
                            + " opens a quoted field that the file never closes; nothing was imported.");
                }
                if (b == '"') {
                    int after = read();
                    if (after == '"') {
                        append(b);
                    } else {
                        inQuotes = false;
                        b = after;
                        continue;
                    }
                } else {
                    append(b);
                }
            } else if (b == '"' && fieldLength == 0 && !quoted) {
                inQuotes = true;
                quoted = true;
            } else if (b == ',') {
                fields.add(decodeField());
                quoted = false;
            } else if (b == '\n' || b < 0) {
                fields.add(decodeField());
                return fields;
            } else if (b == '\r') {
                int after = read();
                if (after != '\n' && after >= 0) {
                    position--;
                }
                fields.add(decodeField());
                return fields;
            } else {
                append(b);
            }
            b = read();
        }
    }

    private int read() throws IOException {
        if (position == filled && !fill()) {
            return -1;
        }
        return buffer[position++] & 0xff;
    }

    private boolean fill() throws IOException {
        int n = in.readNBytes(buffer, 0, buffer.length);
        position = 0;
        filled = Math.max(n, 0);
        return filled > 0;
    }

    private void append(int b) {
        if (fieldLength == field.length) {
            field = Arrays.copyOf(field, field.length * 2);
        }
        field[fieldLength++] = (byte) b;
        fieldHasHighBytes |= b >= 0x80;
    }

    private void clearField() {
        fieldLength = 0;
        fieldHasHighBytes = false;
    }

    private String decodeField() {
        String text;
        if (!fieldHasHighBytes) {
            text = new String(field, 0, fieldLength, StandardCharsets.ISO_8859_1);
        } else {
            try {
                text = utf8.decode(ByteBuffer.wrap(field, 0, fieldLength)).toString();
            } catch (CharacterCodingException e) {
                text = new String(field, 0, fieldLength, FALLBACK);
            }
        }
        clearField();
        return text;
    }
}
