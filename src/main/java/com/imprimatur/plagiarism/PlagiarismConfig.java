package com.imprimatur.plagiarism;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/** The engine's parameters and the policy, from {@code imprimatur.plagiarism.*} (README, Configuration). */
@Configuration
class PlagiarismConfig {

    @Bean
    Engine plagiarismEngine(@Value("${imprimatur.plagiarism.gram-words:5}") int k,
            @Value("${imprimatur.plagiarism.window:4}") int w,
            @Value("${imprimatur.plagiarism.seed-words:4}") int seedWords,
            @Value("${imprimatur.plagiarism.gap-words:20}") int gap,
            @Value("${imprimatur.plagiarism.min-passage-words:8}") int minWords,
            @Value("${imprimatur.plagiarism.similarity-percent:15}") double percent) {
        if (k + w - 1 > minWords) {
            throw new IllegalStateException("imprimatur.plagiarism: gram-words + window - 1 = " + (k + w - 1)
                    + " exceeds min-passage-words = " + minWords + "; a copied run of " + minWords
                    + " words could then be missed. Lower gram-words or window.");
        }
        Engine.Settings d = Engine.Settings.DEFAULT;
        if (seedWords > minWords) {
            throw new IllegalStateException("imprimatur.plagiarism.seed-words must not exceed min-passage-words");
        }
        return new Engine(new Engine.Settings(k, w, seedWords, gap, minWords, d.chainFragments(), d.chainWords(), d.maxOccurrences()),
                new Engine.Policy(minWords, percent));
    }

    @Bean
    FingerprintIndex fingerprintIndex(JdbcTemplate jdbc, @Value("${imprimatur.plagiarism.common-cap:1000}") int commonCap) {
        return new FingerprintIndex(jdbc, commonCap);
    }
}
