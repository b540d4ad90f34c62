package ru.rsoko.support;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import ru.rsoko.RsokoApplication;
import ru.rsoko.platform.database.EmbeddedPostgresFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A PostgreSQL and an application of their own, for tests that stop the database or start several instances and
 * so must not touch the JVM's shared test database: a cluster in a given directory on a fixed port (so it can be
 * stopped and started again where it was), and the whole application on a random port pointed at it.
 */
public final class SeparateApplication {

    private SeparateApplication() {
    }

    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Starts (or starts again) the cluster in {@code dataDirectory} on {@code port}; closing it keeps the data. */
    public static EmbeddedPostgres postgres(Path dataDirectory, int port) {
        try {
            return EmbeddedPostgresFactory.builder(dataDirectory, false).setPort(port)
                    // as on a real server: an acknowledged commit is on disk
                    .setServerConfig("fsync", "on")
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("Отдельная PostgreSQL для теста не запустилась", e);
        }
    }

    public static String url(int port) {
        return "jdbc:postgresql://localhost:" + port + "/postgres";
    }

    /** The application on a random port, with the demo data or without, on the database at {@code port}. */
    public static ConfigurableApplicationContext start(int port, boolean demoData, String... more) {
        List<String> args = new ArrayList<>(List.of(
                "--spring.datasource.url=" + url(port),
                "--spring.datasource.username=postgres",
                "--spring.datasource.password=",
                "--server.port=0",
                "--rsoko.demo-data=" + demoData,
                "--rsoko.notifications.mail-interval=PT24H",
                "--rsoko.notifications.reminder-cron=-",
                // the restart test's clients write as one account as fast as they can
                "--rsoko.api.rate-limit.per-second=0",
                "--spring.main.banner-mode=off",
                "--logging.level.root=WARN"));
        args.addAll(List.of(more));
        return new SpringApplicationBuilder(RsokoApplication.class).run(args.toArray(String[]::new));
    }

    public static int port(ConfigurableApplicationContext app) {
        return ((WebServerApplicationContext) app).getWebServer().getPort();
    }
}
