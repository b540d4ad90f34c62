package ru.rsoko.securitylog.domain;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.http.HttpHeaders;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import ru.rsoko.access.Scope;
import ru.rsoko.platform.search.Search;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Writes and reads the security log ({@code security_event}, V20). A row is written in a transaction of its own, so
 * that it stays when the business transaction that caused it fails (a refused change is still an attempt made), and a
 * failure to write it never fails what the person did: it is logged instead. Who acted, from which address (the
 * request's remote address: the client's behind a trusted proxy) and which browser are read from the request being
 * served. Rows older than {@code rsoko.security-log.retention} (P400D) are purged by {@link SecurityLogPurge}.
 */
@Service
public class SecurityLog {

    private static final Logger log = LoggerFactory.getLogger(SecurityLog.class);
    static final int USER_AGENT_LENGTH = 200;
    static final int DETAILS_LENGTH = 1000;

    private static final RowMapper<SecurityEvent> ROW = (rs, n) -> new SecurityEvent(rs.getLong("id"),
            rs.getTimestamp("at").toInstant(), SecurityEventKind.valueOf(rs.getString("kind")),
            rs.getObject("account_id", Long.class), rs.getString("username"), rs.getString("actor"),
            rs.getObject("region_id", Long.class), rs.getString("address"), rs.getString("user_agent"),
            rs.getString("details"));

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final TransactionTemplate ownTransaction;
    private final Period retention;

    SecurityLog(JdbcTemplate jdbc, Clock clock, PlatformTransactionManager transactions,
                @Value("${rsoko.security-log.retention:P400D}") Period retention) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.retention = retention;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    public Period retention() {
        return retention;
    }

    /** One event about an account (or a login that does not exist: no account id), in its own transaction. */
    public void record(SecurityEventKind kind, @Nullable Long accountId, String username, @Nullable Long regionId,
                       String details) {
        HttpServletRequest request = RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes a
                ? a.getRequest() : null;
        String address = request == null ? null : request.getRemoteAddr();
        String userAgent = request == null ? null : shorten(request.getHeader(HttpHeaders.USER_AGENT), USER_AGENT_LENGTH);
        String actor = actor();
        try {
            ownTransaction.executeWithoutResult(tx -> jdbc.update("""
                            insert into security_event (at, kind, account_id, username, actor, region_id, address, user_agent, details)
                            values (?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                    Timestamp.from(clock.instant()), kind.name(), accountId, shorten(username, 100),
                    actor == null || actor.equals(username) ? null : actor, regionId, shorten(address, 100), userAgent,
                    shorten(details, DETAILS_LENGTH)));
        } catch (RuntimeException e) {
            log.error("Событие журнала безопасности не записано: {} {} {}", kind, username, details, e);
        }
    }

    private static @Nullable String actor() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        return auth == null || auth instanceof AnonymousAuthenticationToken || !auth.isAuthenticated() ? null : auth.getName();
    }

    @Transactional(readOnly = true)
    public Page<SecurityEvent> find(Scope scope, SecurityEventFilter filter, ZoneId zone, Pageable pageable) {
        List<Object> args = new ArrayList<>();
        String where = where(scope, filter, zone, args);
        Long total = jdbc.queryForObject("select count(*) from security_event where " + where, Long.class, args.toArray());
        args.add(pageable.getPageSize());
        args.add(pageable.getOffset());
        List<SecurityEvent> rows = jdbc.query("select * from security_event where " + where
                + " order by at desc, id desc limit ? offset ?", ROW, args.toArray());
        return new PageImpl<>(rows, pageable, total == null ? 0 : total);
    }

    /** Every row the filter finds, newest first, streamed (the .xlsx download). */
    @Transactional(readOnly = true)
    public void forEach(Scope scope, SecurityEventFilter filter, ZoneId zone, Consumer<SecurityEvent> sink) {
        List<Object> args = new ArrayList<>();
        String where = where(scope, filter, zone, args);
        jdbc.query(connection -> {
            var statement = connection.prepareStatement("select * from security_event where " + where
                    + " order by at desc, id desc");
            statement.setFetchSize(1000);
            for (int i = 0; i < args.size(); i++) {
                statement.setObject(i + 1, args.get(i));
            }
            return statement;
        }, rs -> {
            sink.accept(ROW.mapRow(rs, 0));
        });
    }

    /** A region's administrator sees their region's events; a deployment administrator every event. */
    private static String where(Scope scope, SecurityEventFilter filter, ZoneId zone, List<Object> args) {
        StringBuilder where = new StringBuilder("true");
        if (!scope.isAll()) {
            where.append(" and region_id = ?");
            args.add(scope.regionId());
        }
        if (filter.kind() != null) {
            where.append(" and kind = ?");
            args.add(filter.kind().name());
        }
        if (filter.person() != null && !filter.person().isBlank()) {
            String like = Search.containsPattern(filter.person().strip().toLowerCase(java.util.Locale.ROOT));
            where.append(" and (lower(username) like ? or lower(coalesce(actor, '')) like ?)");
            args.add(like);
            args.add(like);
        }
        if (filter.address() != null && !filter.address().isBlank()) {
            where.append(" and address like ?");
            args.add(filter.address().strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
        }
        if (filter.from() != null) {
            where.append(" and at >= ?");
            args.add(Timestamp.from(filter.from().atStartOfDay(zone).toInstant()));
        }
        if (filter.to() != null) {
            where.append(" and at < ?");
            args.add(Timestamp.from(filter.to().plusDays(1).atStartOfDay(zone).toInstant()));
        }
        return where.toString();
    }

    /** Removes the rows older than the retention period; how many. */
    @Transactional
    public int purge() {
        Instant before = clock.instant().minus(Duration.ofDays(retention.getDays()))
                .minus(Duration.ofDays(retention.toTotalMonths() * 30));
        return jdbc.update("delete from security_event where at < ?", Timestamp.from(before));
    }

    private static @Nullable String shorten(@Nullable String text, int length) {
        if (text == null) {
            return null;
        }
        String clean = text.replace('\u0000', ' ');
        return clean.length() > length ? clean.substring(0, length - 1) + "…" : clean;
    }
}
