package ru.rsoko.platform.database;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.jdbc.autoconfigure.DataSourceProperties;
import org.springframework.boot.jdbc.health.DataSourceHealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.StringUtils;

import javax.sql.DataSource;
import java.sql.SQLException;
import java.time.Duration;

/**
 * The pool of a configured database ({@code spring.datasource.url}), built as Spring Boot builds its Hikari pool but
 * as a {@link ConnectionPool}; the embedded database builds its own ({@link EmbeddedDatabaseConfiguration}). And the
 * health check's {@code db}, which waits for a connection only Hikari's {@code connection-timeout}.
 */
@Configuration(proxyBeanMethods = false)
class ConnectionPoolConfiguration {

    @Bean(destroyMethod = "close")
    @ConfigurationProperties("spring.datasource.hikari")
    @Conditional(DatabaseConfigured.class)
    ConnectionPool dataSource(DataSourceProperties properties, @Value("${rsoko.database.busy-wait}") Duration busyWait) {
        ConnectionPool pool = properties.initializeDataSourceBuilder().type(ConnectionPool.class).build();
        if (StringUtils.hasText(properties.getName())) {
            pool.setPoolName(properties.getName());
        }
        pool.setBusyWait(busyWait);
        return pool;
    }

    /** Readiness asks whether the database answers, so it does not queue behind a busy spell's requests. */
    @Bean
    DataSourceHealthIndicator dbHealthIndicator(DataSource dataSource) throws SQLException {
        // the pool may be wrapped (the tests count statements through a proxy)
        return new DataSourceHealthIndicator(dataSource.isWrapperFor(ConnectionPool.class)
                ? dataSource.unwrap(ConnectionPool.class).withoutBusyWait() : dataSource);
    }

    static class DatabaseConfigured extends EmbeddedDatabaseConfiguration.NoDatabaseConfigured {
        @Override
        public boolean matches(org.springframework.context.annotation.ConditionContext context,
                               org.springframework.core.type.AnnotatedTypeMetadata metadata) {
            return !super.matches(context, metadata);
        }
    }
}
