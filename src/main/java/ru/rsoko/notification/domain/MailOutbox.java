package ru.rsoko.notification.domain;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import ru.rsoko.access.Scope;
import ru.rsoko.account.Recipient;
import ru.rsoko.platform.web.NotFoundException;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Mails waiting to be sent, sent, or given up on. A mail is queued in the transaction of what caused it, so the
 * action never waits for (or fails with) the mail server; {@link MailDispatcher} sends the queue. With no
 * {@code spring.mail.host} there is no mail sender: nothing is queued and people are told in the app only.
 */
@Service
@Transactional
public class MailOutbox {

    public enum Status {PENDING, SENT, FAILED}

    /** A mail as the administrator's page lists it (without its body). */
    public record Entry(long id, String recipient, String subject, Status status, int attempts, Instant createdAt,
                        @Nullable Instant nextAttemptAt, @Nullable String lastError, @Nullable Instant sentAt) {

        /** Given up on after the last attempt, rather than waiting for the next one. */
        public boolean failed() {
            return status == Status.FAILED;
        }
    }

    /** The queue at a glance, in the scope. */
    public record Totals(long pending, long sent, long failed, long retrying) {
    }

    private final JdbcTemplate jdbc;
    private final ObjectProvider<JavaMailSender> sender;
    private final MailComposer composer;
    private final Clock clock;

    MailOutbox(JdbcTemplate jdbc, ObjectProvider<JavaMailSender> sender, MailComposer composer, Clock clock) {
        this.jdbc = jdbc;
        this.sender = sender;
        this.composer = composer;
        this.clock = clock;
    }

    /** Whether mail is configured ({@code spring.mail.host}); without it notifications stay in the app. */
    public boolean enabled() {
        return sender.getIfAvailable() != null;
    }

    /**
     * One mail per delivery; a mail already queued for the same person and occasion is not queued again. An attachment
     * shared by the deliveries (a protocol's letter to two thousand schools) is stored once.
     */
    void enqueue(List<Inbox.Delivery> deliveries) {
        if (deliveries.isEmpty()) {
            return;
        }
        Timestamp now = Timestamp.from(clock.instant());
        Map<Message.Attachment, Long> attachments = new IdentityHashMap<>();
        List<Object[]> rows = new ArrayList<>();
        for (Inbox.Delivery delivery : deliveries) {
            Recipient to = delivery.to();
            Message message = delivery.message();
            MailComposer.Mail mail = composer.compose(to, message);
            Long attachment = message.attachment() == null ? null
                    : attachments.computeIfAbsent(message.attachment(), a -> jdbc.queryForObject(
                            "insert into mail_attachment (name, content, created_at) values (?, ?, ?) returning id",
                            Long.class, a.name(), a.content(), now));
            rows.add(new Object[]{message.occasion() + ":" + to.accountId(), to.accountId(), message.regionId(),
                    to.email().strip(), mail.subject(), mail.html(), mail.plain(), attachment, now, now});
        }
        jdbc.batchUpdate("""
                insert into mail_outbox (dedup_key, account_id, region_id, recipient, subject, html, plain, attachment_id,
                                         next_attempt_at, created_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                on conflict (dedup_key) do nothing""", rows);
    }

    @Transactional(readOnly = true)
    public Totals totals(Scope scope) {
        List<Object> args = new ArrayList<>();
        String where = scoped(scope, args);
        return jdbc.queryForObject("select count(*) filter (where status = 'PENDING'), count(*) filter (where status = 'SENT'), "
                        + "count(*) filter (where status = 'FAILED'), count(*) filter (where status = 'PENDING' and attempts > 0) "
                        + "from mail_outbox where " + where,
                (rs, n) -> new Totals(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4)), args.toArray());
    }

    /** Mails that failed at least once and are not sent: retrying or given up on, newest first. */
    @Transactional(readOnly = true)
    public Page<Entry> troubles(Scope scope, Pageable pageable) {
        List<Object> args = new ArrayList<>();
        String where = scoped(scope, args) + " and status <> 'SENT' and attempts > 0";
        Long total = jdbc.queryForObject("select count(*) from mail_outbox where " + where, Long.class, args.toArray());
        args.add(pageable.getPageSize());
        args.add(pageable.getOffset());
        List<Entry> rows = jdbc.query("select id, recipient, subject, status, attempts, created_at, next_attempt_at, last_error, sent_at "
                + "from mail_outbox where " + where + " order by created_at desc, id desc limit ? offset ?", (rs, n) -> new Entry(
                rs.getLong(1), rs.getString(2), rs.getString(3), Status.valueOf(rs.getString(4)), rs.getInt(5),
                rs.getTimestamp(6).toInstant(), rs.getTimestamp(7) == null ? null : rs.getTimestamp(7).toInstant(),
                rs.getString(8), rs.getTimestamp(9) == null ? null : rs.getTimestamp(9).toInstant()), args.toArray());
        return new PageImpl<>(rows, pageable, total == null ? 0 : total);
    }

    /** Sends a failed mail again now: back in the queue with its attempts counted afresh. */
    public void retry(Scope scope, long id) {
        List<Object> args = new ArrayList<>();
        args.add(Timestamp.from(clock.instant()));
        args.add(id);
        String where = scoped(scope, args);
        if (jdbc.update("update mail_outbox set status = 'PENDING', attempts = 0, next_attempt_at = ? "
                + "where id = ? and status <> 'SENT' and " + where, args.toArray()) == 0) {
            throw NotFoundException.of("Письмо", id);
        }
    }

    private static String scoped(Scope scope, List<Object> args) {
        return switch (scope.level()) {
            case ALL -> "true";
            case REGION -> {
                args.add(scope.regionId());
                yield "region_id = ?";
            }
            // only administrators see the queue; a narrower scope sees nothing of it
            default -> "false";
        };
    }
}
