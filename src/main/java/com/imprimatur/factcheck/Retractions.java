package com.imprimatur.factcheck;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Looks up the imported retraction notices by original paper: one indexed query for all the keys
 * of a revision, so a report costs the same whether the database holds a hundred notices or sixty
 * thousand.
 */
@Repository
class Retractions {

    private static final String COLUMNS = "select original_doi, original_pmid, nature, nature_text, retraction_date, "
            + "reason, notice_doi, record_id, title from retraction ";

    private final NamedParameterJdbcTemplate jdbc;

    Retractions(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** A notice with the key it was found by: "doi:…" or "pmid:…". */
    record Keyed(String doi, Long pmid, RetractionNotice notice) {
    }

    List<Keyed> about(Collection<String> dois, Collection<Long> pmids) {
        List<Keyed> found = new ArrayList<>();
        if (!dois.isEmpty()) {
            found.addAll(jdbc.query(COLUMNS + "where original_doi in (:keys)", Map.of("keys", dois), Retractions::row));
        }
        if (!pmids.isEmpty()) {
            found.addAll(jdbc.query(COLUMNS + "where original_pmid in (:keys)", Map.of("keys", pmids), Retractions::row));
        }
        return found;
    }

    long count() {
        Long n = jdbc.getJdbcTemplate().queryForObject("select count(*) from retraction", Long.class);
        return n == null ? 0 : n;
    }

    private static Keyed row(ResultSet rs, int i) throws SQLException {
        String doi = rs.getString("original_doi");
        long pmid = rs.getLong("original_pmid");
        Long pmidKey = rs.wasNull() ? null : pmid;
        java.time.LocalDate date = rs.getObject("retraction_date", java.time.LocalDate.class);
        RetractionNotice notice = new RetractionNotice(RetractionNotice.Nature.valueOf(rs.getString("nature")),
                rs.getString("nature_text"), date, rs.getString("reason"),
                rs.getString("notice_doi"), rs.getString("record_id"), rs.getString("title"), null);
        return new Keyed(doi, pmidKey, notice);
    }
}
