package com.imprimatur.plagiarism.eval;

/**
 * One labelled passage: the characters [suspFrom, suspTo) of the suspicious text come from the
 * characters [srcFrom, srcTo) of the source {@code sourceId}. Offsets are into the original
 * Markdown texts, exactly as the case holds them.
 *
 * <p>{@code quotedAndCited} passages were inserted verbatim in quotation marks or a block quote
 * and followed by a citation marker: they are not plagiarism, a detector may list them but must not
 * report them as detections, and they must not make the case flag. Their span covers the quoted
 * words only, not the quotation marks or the citation.
 */
public record TruthPassage(String sourceId, int suspFrom, int suspTo, int srcFrom, int srcTo,
        Obfuscation obfuscation, boolean quotedAndCited) {
}
