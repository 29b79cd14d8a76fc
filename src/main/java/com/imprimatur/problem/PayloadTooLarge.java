package com.imprimatur.problem;

import java.io.IOException;

/** Thrown while reading a request body that exceeds the configured limit; answered with 413. */
public class PayloadTooLarge extends IOException {

    public PayloadTooLarge(long limit) {
        super("The request body is larger than " + limit + " bytes; send a smaller one.");
    }
}
