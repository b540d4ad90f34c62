package ru.rsoko.notification.domain;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.transaction.support.TransactionTemplate;
import ru.rsoko.access.Role;
import ru.rsoko.account.AccountService;
import ru.rsoko.account.Recipient;
import ru.rsoko.support.Fixtures;
import ru.rsoko.support.IntegrationTest;
import ru.rsoko.support.TestClock;
import ru.rsoko.support.TestMail;

import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A mail server that is down: the action that caused the mail has already succeeded, the mail waits in the outbox with
 * its error and a later attempt, and goes out once the server answers again.
 */
@IntegrationTest
class MailOutageTest {

    @Autowired
    Inbox inbox;
    @Autowired
    MailDispatcher dispatcher;
    @Autowired
    AccountService accounts;
    @Autowired
    Fixtures fixtures;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TransactionTemplate tx;
    @Autowired
    ObjectProvider<JavaMailSender> realSender;
    @Autowired
    TestClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void aMailServerThatIsDownDelaysTheMailAndLosesNone() throws Exception {
        dispatcher.dispatchDue();
        var school = fixtures.newSchool(fixtures.org("Бежецкий муниципальный округ"));
        var account = fixtures.newAccount(Role.SCHOOL, school);
        String address = account.username() + "@rsoko.example";
        jdbc.update("update user_account set email = ? where id = ?", address, account.id());
        Recipient director = accounts.recipient(account.id()).orElseThrow();

        // the action: a notification (and its mail in the outbox) written in its transaction, whatever the mail server does
        Instant now = Instant.now();
        clock.set(now);
        tx.executeWithoutResult(s -> inbox.tell(List.of(director), Message.of(NotificationKind.DIGEST, "outage-test:" + account.id(),
                director.regionId(), "Проверка доставки", "Письмо, которое ждёт почтовый сервер")));
        assertThat(jdbc.queryForObject("select count(*) from notification where account_id = ?", Long.class, account.id())).isEqualTo(1);

        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        JavaMailSenderImpl down = new JavaMailSenderImpl();
        down.setHost("localhost");
        down.setPort(closedPort);
        down.getJavaMailProperties().put("mail.smtp.connectiontimeout", "2000");
        MailDispatcher whileDown = new MailDispatcher(jdbc, tx, provider(down), clock, "РСОКО <noreply@rsoko.example>");
        assertThat(whileDown.dispatchDue()).isZero();

        Map<String, Object> row = jdbc.queryForMap("select status, attempts, next_attempt_at, last_error from mail_outbox where account_id = ?",
                account.id());
        assertThat(row.get("status")).isEqualTo("PENDING");
        assertThat(row.get("attempts")).isEqualTo(1);
        assertThat(((java.sql.Timestamp) row.get("next_attempt_at")).toInstant()).isAfter(now);
        assertThat((String) row.get("last_error")).isNotBlank();
        assertThat(TestMail.to(address)).isEmpty();

        // not before its time: the server is back, but the mail waits for its next attempt
        dispatcher.dispatchDue();
        assertThat(TestMail.to(address)).isEmpty();

        clock.set(now.plus(MailDispatcher.BACKOFF.getFirst()).plus(Duration.ofSeconds(1)));
        dispatcher.dispatchDue();
        assertThat(TestMail.to(address)).hasSize(1);
        assertThat(jdbc.queryForObject("select status from mail_outbox where account_id = ?", String.class, account.id()))
                .isEqualTo("SENT");
        assertThat(realSender.getIfAvailable()).isNotNull();
    }

    private static ObjectProvider<JavaMailSender> provider(JavaMailSender sender) {
        return new ObjectProvider<>() {
            @Override
            public JavaMailSender getObject() {
                return sender;
            }

            @Override
            public JavaMailSender getObject(Object... args) {
                return sender;
            }

            @Override
            public JavaMailSender getIfAvailable() {
                return sender;
            }

            @Override
            public JavaMailSender getIfUnique() {
                return sender;
            }
        };
    }
}
