package ru.rsoko.notification.domain;

import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import ru.rsoko.account.Recipient;
import ru.rsoko.platform.web.NotFoundException;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Notifications in the app: written once per person and occasion, in the transaction of what caused them; and for
 * those who want it by e-mail and have an address, a mail in the outbox beside it. Each person reads only their own.
 */
@Service
@Transactional
public class Inbox {

    /** A notification as the page and the API show it. */
    public record Item(long id, NotificationKind kind, String title, String text, @Nullable String link,
                       @Nullable Long meetingId, @Nullable Long executionId, @Nullable Long campaignId, Instant createdAt,
                       boolean read) {
    }

    public record Filter(@Nullable Boolean unread, @Nullable NotificationKind kind) {
    }

    private static final RowMapper<Item> ITEM = (rs, n) -> new Item(rs.getLong("id"), NotificationKind.valueOf(rs.getString("kind")),
            rs.getString("title"), rs.getString("body"), rs.getString("link"), rs.getObject("meeting_id", Long.class),
            rs.getObject("execution_id", Long.class), rs.getObject("campaign_id", Long.class),
            rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("read_at") != null);

    private final JdbcTemplate jdbc;
    private final Preferences preferences;
    private final MailOutbox outbox;
    private final Clock clock;

    Inbox(JdbcTemplate jdbc, Preferences preferences, MailOutbox outbox, Clock clock) {
        this.jdbc = jdbc;
        this.preferences = preferences;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** One message for one person. */
    public record Delivery(Recipient to, Message message) {
    }

    /**
     * Tells each recipient once: a person already told of this occasion is left alone. Returns the accounts told now.
     * Those who want the kind by e-mail and have an address get a mail in the outbox, in the same transaction.
     */
    public Set<Long> tell(Collection<Recipient> recipients, Message message) {
        Map<Long, Recipient> byAccount = new LinkedHashMap<>();
        recipients.forEach(r -> byAccount.putIfAbsent(r.accountId(), r));
        return tellEach(byAccount.values().stream().map(r -> new Delivery(r, message)).toList());
    }

    /**
     * Each person their own message (a protocol's decisions for their organisation, a reminder of their records), in
     * one statement for the notifications, one for the choices and one batch for the mails, however many people.
     * Returns the accounts told now.
     */
    public Set<Long> tellEach(List<Delivery> deliveries) {
        if (deliveries.isEmpty()) {
            return Set.of();
        }
        int n = deliveries.size();
        Long[] accounts = new Long[n];
        Long[] regions = new Long[n];
        String[] kinds = new String[n];
        String[] titles = new String[n];
        String[] bodies = new String[n];
        String[] links = new String[n];
        Long[] meetings = new Long[n];
        Long[] executions = new Long[n];
        Long[] campaigns = new Long[n];
        String[] occasions = new String[n];
        for (int i = 0; i < n; i++) {
            Delivery d = deliveries.get(i);
            Message m = d.message();
            accounts[i] = d.to().accountId();
            regions[i] = m.regionId();
            kinds[i] = m.kind().name();
            titles[i] = m.title();
            bodies[i] = body(m);
            links[i] = m.link();
            meetings[i] = m.meetingId();
            executions[i] = m.executionId();
            campaigns[i] = m.campaignId();
            occasions[i] = m.occasion();
        }
        Set<String> told = new HashSet<>(jdbc.query("""
                insert into notification (account_id, region_id, kind, title, body, link, meeting_id, execution_id,
                                          campaign_id, dedup_key, created_at)
                select t.*, ? from unnest(?::bigint[], ?::bigint[], ?::varchar[], ?::varchar[], ?::text[], ?::varchar[],
                                          ?::bigint[], ?::bigint[], ?::bigint[], ?::varchar[]) as t
                on conflict (account_id, dedup_key) do nothing
                returning account_id, dedup_key""", (rs, i) -> rs.getLong(1) + ":" + rs.getString(2),
                Timestamp.from(clock.instant()), accounts, regions, kinds, titles, bodies, links, meetings, executions,
                campaigns, occasions));
        List<Delivery> toldNow = deliveries.stream()
                .filter(d -> told.contains(d.to().accountId() + ":" + d.message().occasion())).toList();
        if (outbox.enabled() && !toldNow.isEmpty()) {
            Map<Long, Preferences.Choice> chosen = preferences.stored(toldNow.stream().map(d -> d.to().accountId()).toList());
            outbox.enqueue(toldNow.stream().filter(d -> d.to().hasEmail() && chosen
                    .getOrDefault(d.to().accountId(), Preferences.defaults(d.to().role())).byEmail(d.message().kind())).toList());
        }
        return toldNow.stream().map(d -> d.to().accountId()).collect(java.util.stream.Collectors.toSet());
    }

    static final int LINES_IN_APP = 30;

    /** The notification's text in the app: the message and the records it lists, one line each (a mail tabulates them). */
    static String body(Message message) {
        if (message.lines().isEmpty()) {
            return message.text();
        }
        StringBuilder body = new StringBuilder(message.text());
        message.lines().stream().limit(LINES_IN_APP).forEach(line -> {
            body.append("\n— ").append(line.text());
            if (line.due() != null) {
                body.append(" — срок ").append(ru.rsoko.platform.web.Formats.DATE.format(line.due()));
            }
            if (line.who() != null) {
                body.append(" — ").append(line.who());
            }
        });
        if (message.lines().size() > LINES_IN_APP) {
            body.append("\n… и ещё ").append(message.lines().size() - LINES_IN_APP);
        }
        return body.toString();
    }

    @Transactional(readOnly = true)
    public Page<Item> page(long accountId, Filter filter, Pageable pageable) {
        List<Object> args = new ArrayList<>();
        String where = where(accountId, filter, args);
        Long total = jdbc.queryForObject("select count(*) from notification where " + where, Long.class, args.toArray());
        args.add(pageable.getPageSize());
        args.add(pageable.getOffset());
        List<Item> rows = jdbc.query("select * from notification where " + where
                + " order by created_at desc, id desc limit ? offset ?", ITEM, args.toArray());
        return new PageImpl<>(rows, pageable, total == null ? 0 : total);
    }

    private static String where(long accountId, Filter filter, List<Object> args) {
        StringBuilder where = new StringBuilder("account_id = ?");
        args.add(accountId);
        if (filter.unread() != null) {
            where.append(filter.unread() ? " and read_at is null" : " and read_at is not null");
        }
        if (filter.kind() != null) {
            where.append(" and kind = ?");
            args.add(filter.kind().name());
        }
        return where.toString();
    }

    @Transactional(readOnly = true)
    public long unread(long accountId) {
        Long count = jdbc.queryForObject("select count(*) from notification where account_id = ? and read_at is null",
                Long.class, accountId);
        return count == null ? 0 : count;
    }

    /** Marks the person's own notification read (once: the first reading's time stays); anyone else's is not found. */
    public Item markRead(long accountId, long id) {
        return jdbc.query("update notification set read_at = coalesce(read_at, ?) where id = ? and account_id = ? returning *",
                ITEM, Timestamp.from(clock.instant()), id, accountId).stream().findFirst()
                .orElseThrow(() -> NotFoundException.of("Уведомление", id));
    }

    public int markAllRead(long accountId) {
        return jdbc.update("update notification set read_at = ? where account_id = ? and read_at is null",
                Timestamp.from(clock.instant()), accountId);
    }

    /** What the person was told since the moment, by kind: for their weekly digest. */
    @Transactional(readOnly = true)
    public Map<NotificationKind, Long> toldSince(long accountId, Instant since) {
        Map<NotificationKind, Long> counts = new LinkedHashMap<>();
        jdbc.query("select kind, count(*) from notification where account_id = ? and created_at >= ? and kind <> 'DIGEST' "
                + "group by kind order by 2 desc", rs -> {
            try {
                counts.put(NotificationKind.valueOf(rs.getString(1)), rs.getLong(2));
            } catch (IllegalArgumentException retired) {
                // a kind a later release dropped
            }
        }, accountId, Timestamp.from(since));
        return counts;
    }
}
