package ru.rsoko.platform.demo;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.Comparator;
import java.util.List;

/**
 * Loads the demo data sets that this database does not have yet. On by default with the embedded
 * database (a newcomer's first start), off on a configured database unless {@code rsoko.demo-data=true}.
 */
@Component
class DemoDataLoader implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoDataLoader.class);

    private final List<DemoDataSet> sets;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final boolean enabled;

    DemoDataLoader(List<DemoDataSet> sets, JdbcTemplate jdbc, TransactionTemplate transaction,
                   @Value("${rsoko.demo-data:#{null}}") Boolean demoData, ObjectProvider<EmbeddedPostgres> embedded) {
        this.sets = sets.stream().sorted(Comparator.comparingInt(DemoDataSet::order)).toList();
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.enabled = demoData != null ? demoData : embedded.getIfAvailable() != null;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!enabled) {
            return;
        }
        for (DemoDataSet set : sets) {
            transaction.executeWithoutResult(status -> {
                // the table lock keeps two instances starting together from loading a set twice
                jdbc.execute("lock table demo_data_set in exclusive mode");
                Integer loaded = jdbc.queryForObject("select count(*) from demo_data_set where name = ?", Integer.class, set.name());
                if (loaded != null && loaded == 0) {
                    log.info("Загрузка демонстрационных данных: {}", set.name());
                    set.load();
                    jdbc.update("insert into demo_data_set (name) values (?)", set.name());
                }
            });
        }
    }
}
