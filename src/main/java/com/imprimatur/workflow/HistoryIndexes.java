package com.imprimatur.workflow;

import org.camunda.bpm.engine.ProcessEngine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Our index on the engine's task history, which the reports read ({@link TaskStatisticsStore}).
 * Flyway cannot make it: on a fresh database Flyway runs before the engine creates its tables. So it
 * is made here, once the engine (and so its schema) is up: idempotently (looked up first; a node that
 * loses the race to another sees "duplicate key name" and carries on), online (InnoDB builds it
 * without blocking writes). Camunda's schema updates leave indexes they do not know alone.
 */
@Component
class HistoryIndexes implements SmartInitializingSingleton {

    /** Completed tasks per key and end time, covering what the reports read (no row look-ups). */
    static final String REPORTS = "IMP_IDX_HI_TASKINST_REPORTS";

    private static final Logger log = LoggerFactory.getLogger(HistoryIndexes.class);

    private final JdbcTemplate jdbc;

    HistoryIndexes(JdbcTemplate jdbc, ProcessEngine engine) {
        // the engine, and with it its schema, exists before this runs
        this.jdbc = jdbc;
    }

    @Override
    public void afterSingletonsInstantiated() {
        Integer present = jdbc.queryForObject("select count(*) from information_schema.statistics where table_schema = database()"
                + " and table_name = 'ACT_HI_TASKINST' and index_name = ?", Integer.class, REPORTS);
        if (present != null && present > 0) {
            return;
        }
        try {
            jdbc.execute("create index " + REPORTS + " on ACT_HI_TASKINST (TASK_DEF_KEY_, END_TIME_, TASK_STATE_, DURATION_, ASSIGNEE_)"
                    + " algorithm = inplace lock = none");
            log.info("Created index {} on ACT_HI_TASKINST for the reports", REPORTS);
        } catch (org.springframework.dao.DataAccessException e) {
            if (!String.valueOf(e.getMessage()).contains("Duplicate key name")) {
                throw e;
            }
        }
    }
}
