package com.imprimatur.factcheck;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class IdentifiersTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "10.1056/NEJMoa2034577            | 10.1056/nejmoa2034577",
            "doi:10.1056/NEJMoa2034577        | 10.1056/nejmoa2034577",
            "DOI: 10.1056/NEJMoa2034577       | 10.1056/nejmoa2034577",
            "https://doi.org/10.1056/NEJMoa2034577 | 10.1056/nejmoa2034577",
            "http://dx.doi.org/10.1000/xyz123 | 10.1000/xyz123",
            "doi.org/10.1000/xyz123           | 10.1000/xyz123",
            "https://doi.org/10.1000%2Fa%2Bb  | 10.1000/a+b",
            "10.1000/xyz123.                  | 10.1000/xyz123",
            "10.1000/xyz123;,                 | 10.1000/xyz123",
            "10.1000/xyz123)                  | 10.1000/xyz123",
            "10.1016/0140-6736(93)90001-X     | 10.1016/0140-6736(93)90001-x",
            "10.1002/(SICI)1097-4636(199907)  | 10.1002/(sici)1097-4636(199907)",
            "10.1000.10/abc                   | 10.1000.10/abc",
            "10.123456789/a                   | 10.123456789/a"})
    void doisAreNormalisedAndAccepted(String given, String normalized) {
        Identifiers.Checked checked = Identifiers.doi(given);
        assertThat(checked.valid()).as(given).isTrue();
        assertThat(checked.normalized()).isEqualTo(normalized);
        assertThat(checked.kind()).isEqualTo(Identifiers.Kind.DOI);
    }

    @ParameterizedTest
    @ValueSource(strings = {"10.123/abc", "10.1000/", "11.1000/abc", "10.1000 abc", "10.1000/a b", "doi:",
            "https://example.org/10.1000/abc", "1234567", "10.1234567890/a", "not a doi"})
    void malformedDoisAreFindingsNotExceptions(String given) {
        Identifiers.Checked checked = Identifiers.doi(given);
        assertThat(checked.valid()).as(given).isFalse();
        assertThat(checked.normalized()).isNull();
        assertThat(checked.problem()).contains("not a DOI");
    }

    @ParameterizedTest
    @CsvSource({"33301246,33301246", "PMID: 33301246,33301246", "pmid 123,123", "00042,42", " 7 ,7"})
    void pmidsArePositiveWholeNumbers(String given, String normalized) {
        assertThat(Identifiers.pmid(given).valid()).as(given).isTrue();
        assertThat(Identifiers.pmid(given).normalized()).isEqualTo(normalized);
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "000", "-5", "12a", "PMC123", "1234567890", "3.5", "abc"})
    void otherPmidsAreInvalid(String given) {
        assertThat(Identifiers.pmid(given).valid()).as(given).isFalse();
        assertThat(Identifiers.pmidKey(given)).isNull();
    }

    @ParameterizedTest
    @CsvSource({"PMC7745181,PMC7745181", "pmc7745181,PMC7745181", "PMCID: PMC123,PMC123", "PMC000123,PMC123"})
    void pmcidsArePmcAndDigits(String given, String normalized) {
        assertThat(Identifiers.pmcid(given).valid()).as(given).isTrue();
        assertThat(Identifiers.pmcid(given).normalized()).isEqualTo(normalized);
    }

    @ParameterizedTest
    @ValueSource(strings = {"7745181", "PMC", "PMC0", "PMC12x", "PMID7745181", "PM C123"})
    void otherPmcidsAreInvalid(String given) {
        assertThat(Identifiers.pmcid(given).valid()).as(given).isFalse();
    }

    @ParameterizedTest
    @CsvSource({"0028-4793,0028-4793", "00284793,0028-4793", "ISSN 0028-4793,0028-4793", "0140-6736,0140-6736",
            "2049-3630,2049-3630", "2434-561x,2434-561X", "2434-561X,2434-561X"})
    void issnsWithTheRightCheckDigitPass(String given, String normalized) {
        assertThat(Identifiers.issn(given).valid()).as(given).isTrue();
        assertThat(Identifiers.issn(given).normalized()).isEqualTo(normalized);
    }

    @ParameterizedTest
    @ValueSource(strings = {"0028-4794", "0140-6737", "2434-5610", "1234", "0028-47930", "ABCD-EFGH"})
    void issnsWithAWrongCheckDigitOrShapeFail(String given) {
        assertThat(Identifiers.issn(given).valid()).as(given).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://www.nhs.uk/conditions/", "http://example.org/a?b=c#d", "HTTPS://EXAMPLE.ORG"})
    void webAddressesPass(String given) {
        assertThat(Identifiers.url(given).valid()).as(given).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"ftp://example.org/file", "example.org/page", "https://", "https://exa mple.org",
            "javascript:alert(1)", "mailto:someone@example.org", "http:///path"})
    void otherAddressesFail(String given) {
        assertThat(Identifiers.url(given).valid()).as(given).isFalse();
    }
}
