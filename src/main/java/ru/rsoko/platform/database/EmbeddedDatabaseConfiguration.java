package ru.rsoko.platform.database;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * With no {@code spring.datasource.url} the application runs its own PostgreSQL whose cluster lives under
 * {@code rsoko.data-dir}, so a newcomer needs nothing but a JDK and the data survives restarts.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(EmbeddedDatabaseConfiguration.NoDatabaseConfigured.class)
public class EmbeddedDatabaseConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabaseConfiguration.class);

    @Bean(destroyMethod = "close")
    EmbeddedPostgres embeddedPostgres(@Value("${rsoko.data-dir}") Path dataDir) throws IOException {
        Path cluster = dataDir.toAbsolutePath().normalize().resolve("postgres");
        Files.createDirectories(cluster);
        log.info("Встроенная PostgreSQL: данные в {}", cluster);
        return EmbeddedPostgresFactory.builder(cluster, false)
                // the embedded cluster holds real user data: keep it crash-safe
                .setServerConfig("fsync", "on")
                .start();
    }

    /**
     * Built like Spring Boot builds a configured pool: not started here, so the {@code spring.datasource.hikari.*}
     * settings (timeouts, keepalive, lifetime, driver properties — see application.properties) bind to it too.
     */
    @Bean(destroyMethod = "close")
    @ConfigurationProperties("spring.datasource.hikari")
    ConnectionPool dataSource(EmbeddedPostgres postgres, @Value("${rsoko.database.busy-wait}") Duration busyWait) {
        ConnectionPool dataSource = new ConnectionPool();
        dataSource.setJdbcUrl(postgres.getJdbcUrl("postgres", "postgres"));
        dataSource.setUsername("postgres");
        dataSource.setMaximumPoolSize(10);
        dataSource.setPoolName("rsoko-embedded");
        dataSource.setBusyWait(busyWait);
        return dataSource;
    }

    static class NoDatabaseConfigured implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return !StringUtils.hasText(context.getEnvironment().getProperty("spring.datasource.url"));
        }
    }
}
