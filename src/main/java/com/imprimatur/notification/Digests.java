package com.imprimatur.notification;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The daily digest: every morning ({@code imprimatur.notifications.digest-cron}) each person's
 * notifications waiting for the digest become one mail. Safe on several nodes at once: a person's
 * waiting rows are claimed with {@code for update skip locked} in the transaction that queues their
 * digest and links the rows to it, so a row goes into one digest only; a node that finds them
 * locked skips them.
 */
@Component
class Digests {

    private static final Logger log = LoggerFactory.getLogger(Digests.class);

    private final NamedParameterJdbcTemplate jdbc;
    private final TransactionTemplate transaction;

    Digests(NamedParameterJdbcTemplate jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactions);
    }

    @Scheduled(cron = "${imprimatur.notifications.digest-cron:0 0 7 * * *}", zone = "${imprimatur.notifications.digest-zone:UTC}")
    void daily() {
        try {
            log.info("Daily digest: {} mails queued", gather());
        } catch (RuntimeException e) {
            log.warn("The daily digest failed; what waits goes into the next one: {}", e.toString());
        }
    }

    /** Queues one digest per person with notifications waiting; returns how many. */
    int gather() {
        List<String> people = jdbc.queryForList("select distinct recipient from notification where delivery = 'DIGEST' "
                + "and digest_id is null", Map.of(), String.class);
        int queued = 0;
        for (String person : people) {
            queued += Boolean.TRUE.equals(transaction.execute(status -> digest(person))) ? 1 : 0;
        }
        return queued;
    }

    private boolean digest(String person) {
        MapSqlParameterSource me = new MapSqlParameterSource("me", person);
        List<Long> ids = jdbc.queryForList("select id from notification where recipient = :me and delivery = 'DIGEST' "
                + "and digest_id is null order by id for update skip locked", me, Long.class);
        String address = jdbc.query("select email from app_user where username = :me and enabled", me,
                rs -> rs.next() ? rs.getString(1) : null);
        if (ids.isEmpty()) {
            return false;
        }
        if (address == null) {
            // the address was taken away meanwhile: the items stay in the app
            jdbc.update("update notification set delivery = 'APP' where id in (:ids)", new MapSqlParameterSource("ids", ids));
            return false;
        }
        LocalDateTime now = Notifications.now();
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.update("""
                insert into mail_outbox (message_key, address, recipient, kind, subject, body, link, state, created_at, next_attempt_at)
                values (:key, :address, :me, 'DIGEST', :subject, '', '/notifications', 'PENDING', :now, :now)""",
                new MapSqlParameterSource("key", "digest:" + person + ":" + ids.get(0)).addValue("address", address)
                        .addValue("me", person).addValue("now", now)
                        .addValue("subject", "Your Imprimatur digest: " + ids.size() + (ids.size() == 1 ? " item" : " items")),
                key, new String[] {"id"});
        jdbc.update("update notification set digest_id = :digest where id in (:ids)",
                new MapSqlParameterSource("digest", key.getKey().longValue()).addValue("ids", ids));
        return true;
    }
}
