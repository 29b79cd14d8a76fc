package com.imprimatur.factcheck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.imprimatur.problem.Problem;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvRecordsTest {

    private static List<List<String>> read(byte[] bytes) throws IOException {
        CsvRecords records = new CsvRecords(new ByteArrayInputStream(bytes));
        List<List<String>> all = new ArrayList<>();
        for (List<String> r = records.next(); r != null; r = records.next()) {
            all.add(r);
        }
        return all;
    }

    private static List<List<String>> read(String text) throws IOException {
        return read(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void quotedFieldsHoldCommasQuotesAndLineBreaks() throws IOException {
        assertThat(read("a,\"b, \"\"c\"\"\nd\",e\r\nf,,\"\"\n")).containsExactly(
                List.of("a", "b, \"c\"\nd", "e"), List.of("f", "", ""));
    }

    @Test
    void crlfLfAndAMissingFinalLineBreakAllEndRecords() throws IOException {
        assertThat(read("a,b\r\nc,d\ne,f")).containsExactly(List.of("a", "b"), List.of("c", "d"), List.of("e", "f"));
        assertThat(read("a\rb\r")).containsExactly(List.of("a"), List.of("b"));
    }

    @Test
    void invalidUtf8FallsBackToWindows1252FieldByField() throws IOException {
        byte[] bytes = {'M', (byte) 0xFC, 'l', 'l', 'e', 'r', ',', 'S', 'o', 'c', 'i', (byte) 0xC3, (byte) 0xA9, 't',
                (byte) 0xC3, (byte) 0xA9, ',', (byte) 0x93, 'q', (byte) 0x94, '\n'};
        assertThat(read(bytes)).containsExactly(List.of("Müller", "Société", "\u201Cq\u201D"));
    }

    @Test
    void aByteOrderMarkIsSkipped() throws IOException {
        byte[] bytes = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, 'R', 'e', 'c', '\n'};
        assertThat(read(bytes)).containsExactly(List.of("Rec"));
    }

    @Test
    void anUnclosedQuoteIsAProblem() {
        assertThatThrownBy(() -> read("a,\"b\nc")).isInstanceOf(Problem.class).hasMessageContaining("Record 1");
    }

    @Test
    void zeroAndUnavailableMeanNoneAndUsDatesWithTimesAreRead() {
        assertThat(RetractionImport.none("0")).isNull();
        assertThat(RetractionImport.none("Unavailable")).isNull();
        assertThat(RetractionImport.none("10.1/x")).isEqualTo("10.1/x");
        assertThat(RetractionImport.date("8/16/2023 0:00")).isEqualTo(LocalDate.of(2023, 8, 16));
        assertThat(RetractionImport.date("12/1/2020")).isEqualTo(LocalDate.of(2020, 12, 1));
        assertThat(RetractionImport.date("2021-03-04")).isEqualTo(LocalDate.of(2021, 3, 4));
        assertThat(RetractionImport.date("unavailable")).isNull();
        assertThat(RetractionImport.date("13/45/2020 0:00")).isNull();
    }
}
