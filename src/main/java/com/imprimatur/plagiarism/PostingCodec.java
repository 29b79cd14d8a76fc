package com.imprimatur.plagiarism;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;

/**
 * The packed postings of one index bucket. A posting is (document id, 16-bit residual of the
 * fingerprint key), as one long {@code id << 16 | residual}; a bucket holds them sorted, each
 * written as the document id's distance from the previous one (an unsigned LEB128 varint, 0 for
 * a second fingerprint of the same document) followed by the residual in two bytes. At a million
 * documents a bucket holds a few hundred postings about 1,300 ids apart: about 4 bytes each.
 */
final class PostingCodec {

    static final byte[] EMPTY = new byte[0];

    private PostingCodec() {
    }

    static long posting(long documentId, int residual) {
        return documentId << Fingerprints.RESIDUAL_BITS | residual;
    }

    static long document(long posting) {
        return posting >>> Fingerprints.RESIDUAL_BITS;
    }

    static int residual(long posting) {
        return (int) (posting & 0xFFFF);
    }

    /** Encodes postings [from, to) of a sorted array. */
    static byte[] encode(long[] sorted, int from, int to) {
        ByteArrayOutputStream out = new ByteArrayOutputStream((to - from) * 4 + 8);
        long previous = 0;
        for (int i = from; i < to; i++) {
            long document = document(sorted[i]);
            long delta = document - previous;
            while ((delta & ~0x7FL) != 0) {
                out.write((int) ((delta & 0x7F) | 0x80));
                delta >>>= 7;
            }
            out.write((int) delta);
            int residual = residual(sorted[i]);
            out.write(residual >>> 8);
            out.write(residual & 0xFF);
            previous = document;
        }
        return out.toByteArray();
    }

    static long[] decode(byte[] blob) {
        long[] postings = new long[blob.length / 3 + 1];
        int[] n = {0};
        walk(blob, (residual, document) -> postings[n[0]++] = posting(document, residual));
        return Arrays.copyOf(postings, n[0]);
    }

    interface Hit {
        void accept(int residual, long document);
    }

    /** Calls back once for each posting whose residual is among {@code residuals} (sorted), without decoding into an array. */
    static void scan(byte[] blob, int[] residuals, Hit hits) {
        walk(blob, (residual, document) -> {
            if (residuals.length == 1 ? residuals[0] == residual : Arrays.binarySearch(residuals, residual) >= 0) {
                hits.accept(residual, document);
            }
        });
    }

    /** Every posting of a blob in order: a varint document delta, then the 16-bit residual. */
    private static void walk(byte[] blob, Hit each) {
        int i = 0;
        long document = 0;
        while (i < blob.length) {
            long delta = 0;
            int shift = 0;
            int b;
            do {
                b = blob[i++] & 0xFF;
                delta |= (long) (b & 0x7F) << shift;
                shift += 7;
            } while ((b & 0x80) != 0);
            document += delta;
            int residual = (blob[i] & 0xFF) << 8 | (blob[i + 1] & 0xFF);
            i += 2;
            each.accept(residual, document);
        }
    }
}
