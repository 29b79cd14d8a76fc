package com.imprimatur.factcheck;

import com.imprimatur.problem.Problem;
import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Imports the Retraction Watch database from its CSV export, replacing whatever was imported
 * before, in one transaction: a file that cannot be read changes nothing, and a re-import never
 * duplicates. Notices whose original paper has neither a DOI nor a PMID ("0", "unavailable",
 * empty) are skipped: nothing could ever match them.
 */
@Service
public class RetractionImport {

    static final String DOI = "OriginalPaperDOI";
    static final String PMID = "OriginalPaperPubMedID";
    static final String NATURE = "RetractionNature";
    static final String DATE = "RetractionDate";
    static final String REASON = "Reason";
    private static final int BATCH = 2000;
    private static final DateTimeFormatter US_DATE = DateTimeFormatter.ofPattern("M/d/yyyy", Locale.ROOT);
    private static final String INSERT = """
            insert into retraction (record_id, original_doi, original_pmid, nature, nature_text, retraction_date,
                notice_doi, reason, title, journal) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""";

    private final JdbcTemplate jdbc;

    private final com.imprimatur.audit.AuditTrail audit;

    RetractionImport(JdbcTemplate jdbc, com.imprimatur.audit.AuditTrail audit) {
        this.jdbc = jdbc;
        this.audit = audit;
    }

    public record Result(long imported, long skipped) {
    }

    /** How many notices the last import left in place. */
    @Transactional(readOnly = true)
    public long notices() {
        Long n = jdbc.queryForObject("select count(*) from retraction", Long.class);
        return n == null ? 0 : n;
    }

    @Transactional(rollbackFor = Exception.class)
    public Result replaceAll(InputStream csv) throws IOException {
        CsvRecords records = new CsvRecords(csv);
        List<String> header = records.next();
        if (header == null) {
            throw Problem.invalid("csv-empty", "The file is empty; send the Retraction Watch CSV export.");
        }
        Columns columns = Columns.of(header);
        jdbc.update("delete from retraction");
        List<Object[]> batch = new ArrayList<>(BATCH);
        long imported = 0;
        long skipped = 0;
        for (List<String> row = records.next(); row != null; row = records.next()) {
            if (row.size() == 1 && row.get(0).isBlank()) {
                continue;
            }
            Object[] values = columns.values(row);
            if (values == null) {
                skipped++;
                continue;
            }
            batch.add(values);
            imported++;
            if (batch.size() == BATCH) {
                jdbc.batchUpdate(INSERT, batch);
                batch.clear();
            }
        }
        if (!batch.isEmpty()) {
            jdbc.batchUpdate(INSERT, batch);
        }
        if (imported == 0) {
            throw Problem.invalid("csv-no-notices", "No row names an original paper by DOI or PMID (" + skipped
                    + " skipped); the retractions imported before were kept.").with("skipped", skipped);
        }
        audit.record("retractions.imported", null, null, Map.of("imported", imported, "skipped", skipped));
        return new Result(imported, skipped);
    }

    /** Where the columns this import reads stand in the file's header. */
    private record Columns(int doiAt, int pmidAt, int natureAt, int dateAt, int reasonAt, int recordIdAt,
            int noticeDoiAt, int titleAt, int journalAt) {

        static Columns of(List<String> header) {
            Map<String, Integer> index = new HashMap<>();
            for (int i = 0; i < header.size(); i++) {
                index.putIfAbsent(header.get(i).strip().toLowerCase(Locale.ROOT), i);
            }
            List<String> missing = new ArrayList<>();
            for (String required : List.of(DOI, PMID, NATURE)) {
                if (!index.containsKey(required.toLowerCase(Locale.ROOT))) {
                    missing.add(required);
                }
            }
            if (!missing.isEmpty()) {
                throw Problem.invalid("csv-columns-missing", "The header lacks " + String.join(", ", missing)
                        + "; is this the Retraction Watch CSV export? Nothing was imported.").with("missing", missing);
            }
            java.util.function.ToIntFunction<String> at = name -> index.getOrDefault(name.toLowerCase(Locale.ROOT), -1);
            return new Columns(at.applyAsInt(DOI), at.applyAsInt(PMID), at.applyAsInt(NATURE), at.applyAsInt(DATE),
                    at.applyAsInt(REASON), at.applyAsInt("Record ID"), at.applyAsInt("RetractionDOI"),
                    at.applyAsInt("Title"), at.applyAsInt("Journal"));
        }

        /** The row's values for an insert, or null when its original paper has no usable DOI or PMID. */
        Object[] values(List<String> row) {
            String doi = Identifiers.doiKey(none(cell(row, doiAt)));
            Long pmid = Identifiers.pmidKey(none(cell(row, pmidAt)));
            if (doi != null && doi.length() > 255) {
                doi = null;
            }
            if (doi == null && pmid == null) {
                return null;
            }
            String natureText = cell(row, natureAt);
            LocalDate retracted = date(cell(row, dateAt));
            return new Object[] {clip(cell(row, recordIdAt), 32), doi, pmid,
                    RetractionNotice.Nature.of(natureText).name(), clip(natureText, 100),
                    retracted, clip(none(cell(row, noticeDoiAt)), 255),
                    clip(cell(row, reasonAt), 2000), clip(cell(row, titleAt), 1000), clip(cell(row, journalAt), 500)};
        }

        private static String cell(List<String> row, int i) {
            if (i < 0 || i >= row.size()) {
                return null;
            }
            String v = row.get(i).strip();
            return v.isEmpty() ? null : v;
        }
    }

    /** "0" and "unavailable" mean that the database has no such identifier. */
    static String none(String value) {
        if (value == null || value.equals("0") || value.equalsIgnoreCase("unavailable")) {
            return null;
        }
        return value;
    }

    /** "8/16/2023 0:00" (the export's form), "8/16/2023" or "2023-08-16"; anything else is no date. */
    static LocalDate date(String value) {
        String v = none(value);
        if (v == null) {
            return null;
        }
        String day = v.split("[ T]", 2)[0];
        try {
            return day.contains("/") ? LocalDate.parse(day, US_DATE) : LocalDate.parse(day);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static String clip(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }
}
