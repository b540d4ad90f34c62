package ru.rsoko.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.NestedExceptionUtils;
import ru.rsoko.platform.database.ConnectionPool;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A request that waited its whole {@code rsoko.database.busy-wait} for a connection while every connection was busy
 * and the database answered: the server is overloaded, the database is not down. It is answered like an outage
 * (503 with {@code Retry-After}) but says what happened ({@link #TITLE}, {@link #DETAIL}), and is logged once per
 * {@link #LOG_EVERY} with the number of requests refused, not with a stack trace per request.
 */
public final class ServerOverload {

    public static final String TITLE = "Сервер перегружен";
    public static final String DETAIL = "Сервер перегружен: слишком много запросов одновременно. Повторите через минуту.";
    /** Seconds a client should wait before trying again, as the message says. */
    public static final String RETRY_AFTER = "60";
    static final Duration LOG_EVERY = Duration.ofSeconds(30);

    private static final Logger log = LoggerFactory.getLogger(ServerOverload.class);
    private static final AtomicInteger refusedSinceLogged = new AtomicInteger();
    private static final AtomicLong nextLogAt = new AtomicLong(System.nanoTime());

    private ServerOverload() {
    }

    /** Whether this exception, or one of its causes, is a wait for a busy pool's connection that ran out. */
    public static boolean isCause(Throwable failure) {
        return DatabaseOutage.anyInChain(failure, ConnectionPool::isBusyTimeout) && !DatabaseOutage.isCause(failure);
    }

    /** Notes a request refused for the overload; the log gets a line at most every {@link #LOG_EVERY}. */
    public static void refused(HttpServletRequest request, Throwable failure) {
        refusedSinceLogged.incrementAndGet();
        long now = System.nanoTime();
        long logAt = nextLogAt.get();
        if (now - logAt >= 0 && nextLogAt.compareAndSet(logAt, now + LOG_EVERY.toNanos())) {
            log.warn("Сервер перегружен: {} запрос(ов) не дождались соединения с базой и получили 503; последний — {} {} ({}). "
                            + "Следующая запись не раньше чем через {} с", refusedSinceLogged.getAndSet(0),
                    request.getMethod(), request.getRequestURI(),
                    NestedExceptionUtils.getMostSpecificCause(failure).getMessage(), LOG_EVERY.toSeconds());
        }
    }
}
