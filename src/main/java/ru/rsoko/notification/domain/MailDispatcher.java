package ru.rsoko.notification.domain;

import jakarta.mail.internet.MimeMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.HashMap;
import java.util.Map;

/**
 * Sends the outbox. Each instance takes a batch of due mails with {@code for update skip locked}, so two instances
 * never send the same mail; a mail that fails waits longer after each attempt (1 min, 5 min, 15 min, 1 h, 3 h, 6 h,
 * 12 h) and after the eighth is left FAILED for the administrator. Nothing here runs inside a user's action.
 */
@Component
public class MailDispatcher {

    private static final Logger log = LoggerFactory.getLogger(MailDispatcher.class);

    static final List<Duration> BACKOFF = List.of(Duration.ofMinutes(1), Duration.ofMinutes(5), Duration.ofMinutes(15),
            Duration.ofHours(1), Duration.ofHours(3), Duration.ofHours(6), Duration.ofHours(12));
    static final int MAX_ATTEMPTS = BACKOFF.size() + 1;
    private static final int BATCH = 20;

    private record Queued(long id, String recipient, String subject, String html, String plain, String attachmentName,
                          byte[] attachment, int attempts) {
    }

    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final ObjectProvider<JavaMailSender> sender;
    private final Clock clock;
    private final String from;

    MailDispatcher(JdbcTemplate jdbc, TransactionTemplate tx, ObjectProvider<JavaMailSender> sender, Clock clock,
                   @Value("${rsoko.notifications.from:РСОКО <noreply@rsoko.example>}") String from) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.sender = sender;
        this.clock = clock;
        this.from = from;
    }

    @Scheduled(initialDelayString = "${rsoko.notifications.mail-interval:PT30S}",
            fixedDelayString = "${rsoko.notifications.mail-interval:PT30S}")
    void scheduled() {
        try {
            dispatchDue();
        } catch (RuntimeException e) {
            log.warn("Отправка почты прервана: {}", e.toString());
        }
    }

    /** Sends what is due now, batch by batch; returns how many mails went out. */
    public int dispatchDue() {
        JavaMailSender mail = sender.getIfAvailable();
        if (mail == null) {
            return 0;
        }
        int sent = 0;
        while (true) {
            Batch batch = tx.execute(status -> sendBatch(mail));
            if (batch == null) {
                return sent;
            }
            sent += batch.sent();
            if (!batch.goOn()) {
                return sent;
            }
        }
    }

    /** @param goOn whether another batch may be due now: this one was full and the server answered */
    private record Batch(int sent, boolean goOn) {
    }

    /** One batch in one transaction holding its rows. */
    private Batch sendBatch(JavaMailSender mail) {
        Instant now = clock.instant();
        List<Queued> due = jdbc.query("""
                select o.id, o.recipient, o.subject, o.html, o.plain, a.name, a.content, o.attempts
                from mail_outbox o left join mail_attachment a on a.id = o.attachment_id
                where o.status = 'PENDING' and o.next_attempt_at <= ? order by o.next_attempt_at, o.id limit ?
                for update of o skip locked""", (rs, n) -> new Queued(rs.getLong(1), rs.getString(2), rs.getString(3),
                rs.getString(4), rs.getString(5), rs.getString(6), rs.getBytes(7), rs.getInt(8)), Timestamp.from(now), BATCH);
        if (due.isEmpty()) {
            return new Batch(0, false);
        }
        // the batch goes over one connection to the server (one SMTP session, not one a mail); what failed is told
        // per mail, and each is then recorded as it was when sent alone, in the queue's order
        List<MimeMessage> messages = new java.util.ArrayList<>();
        Map<Long, Exception> failed = new HashMap<>();
        Map<MimeMessage, Long> ids = new java.util.IdentityHashMap<>();
        for (Queued q : due) {
            try {
                MimeMessage message = message(mail, q);
                messages.add(message);
                ids.put(message, q.id());
            } catch (Exception e) {
                failed.put(q.id(), e);
            }
        }
        try {
            if (!messages.isEmpty()) {
                mail.send(messages.toArray(MimeMessage[]::new));
            }
        } catch (MailSendException e) {
            e.getFailedMessages().forEach((message, error) -> {
                Long id = message instanceof MimeMessage m ? ids.get(m) : null;
                if (id != null) {
                    failed.put(id, error);
                }
            });
            if (e.getFailedMessages().isEmpty()) {
                messages.forEach(m -> failed.put(ids.get(m), e));
            }
        } catch (Exception e) {
            // refused before any mail went (the server's sign-in): every mail of the batch failed the same way
            messages.forEach(m -> failed.put(ids.get(m), e));
        }
        int sent = 0;
        for (Queued q : due) {
            Exception e = failed.get(q.id());
            if (e == null) {
                jdbc.update("update mail_outbox set status = 'SENT', attempts = attempts + 1, sent_at = ?, last_error = null where id = ?",
                        Timestamp.from(clock.instant()), q.id());
                sent++;
            } else {
                int attempts = q.attempts() + 1;
                boolean giveUp = attempts >= MAX_ATTEMPTS;
                Instant next = giveUp ? now : now.plus(BACKOFF.get(Math.min(attempts - 1, BACKOFF.size() - 1)));
                String error = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
                jdbc.update("update mail_outbox set status = ?, attempts = ?, next_attempt_at = ?, last_error = ? where id = ?",
                        giveUp ? "FAILED" : "PENDING", attempts, Timestamp.from(next),
                        error.length() > 1000 ? error.substring(0, 1000) : error, q.id());
                log.warn("Письмо {} для {} не отправлено (попытка {}): {}", q.id(), q.recipient(), attempts, error);
                if (!giveUp && isConnectionTrouble(e)) {
                    // the server is down: the rest would fail the same way; they wait for the next round
                    return new Batch(sent, false);
                }
            }
        }
        return new Batch(sent, due.size() == BATCH);
    }

    private static boolean isConnectionTrouble(Exception e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.net.ConnectException || t instanceof java.net.SocketTimeoutException
                    || t instanceof java.net.UnknownHostException || t instanceof org.springframework.mail.MailAuthenticationException) {
                return true;
            }
        }
        return false;
    }

    private MimeMessage message(JavaMailSender mail, Queued q) throws Exception {
        MimeMessage message = mail.createMimeMessage();
        MimeMessageHelper helper = new MimeMessageHelper(message, true, StandardCharsets.UTF_8.name());
        helper.setFrom(from);
        helper.setTo(q.recipient());
        helper.setSubject(q.subject());
        helper.setText(q.plain(), q.html());
        if (q.attachment() != null && q.attachmentName() != null) {
            helper.addAttachment(q.attachmentName(), new ByteArrayResource(q.attachment()),
                    "application/vnd.openxmlformats-officedocument.wordprocessingml.document");
        }
        return message;
    }
}
