package com.imprimatur.identity;

import java.text.Normalizer;
import java.util.Locale;

/**
 * The one spelling of a user name: surrounding white space removed, Unicode NFC, lower case. Every
 * name that comes from outside (a login form, HTTP Basic, a path, a JSON body, a query parameter)
 * passes through {@link #canonical} before it is stored, looked up or compared; the user-name
 * columns compare bytes ({@code utf8mb4_bin}), so a spelling that is not canonical matches nobody.
 */
public final class UserName {

    private UserName() {
    }

    /** The canonical form of a typed name; {@code ""} for null. */
    public static String canonical(String typed) {
        if (typed == null) {
            return "";
        }
        String composed = Normalizer.normalize(typed.strip(), Normalizer.Form.NFC);
        // lower-casing can decompose (U+0130 becomes i + combining dot): compose again
        return Normalizer.normalize(composed.toLowerCase(Locale.ROOT), Normalizer.Form.NFC);
    }

    /** Whether two names are the same person's: their canonical forms are equal. */
    public static boolean same(String a, String b) {
        return a != null && b != null && canonical(a).equals(canonical(b));
    }
}
