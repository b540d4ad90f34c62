package ru.rsoko.platform.backup;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.StringUtils;

import java.nio.file.Path;

/**
 * {@code --rsoko.backup.restore=<folder of a dump>}: before the application migrates (and so before it serves), the
 * dump is restored into the configured or embedded database, which must be empty; then the migrations run on as at
 * every start. Without the property Flyway migrates as usual.
 */
@Configuration(proxyBeanMethods = false)
class RestoreOnStart {

    @Bean
    FlywayMigrationStrategy restoreThenMigrate(@Value("${rsoko.backup.restore:}") String restore) {
        return flyway -> {
            if (StringUtils.hasText(restore)) {
                DatabaseDump.restore(flyway, Path.of(restore).toAbsolutePath().normalize());
            }
            flyway.migrate();
        };
    }
}
