package ru.rsoko.directory;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;
import ru.rsoko.access.Scope;
import ru.rsoko.support.IntegrationTest;
import ru.rsoko.support.StatementCounter;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The directory's name search is the expression its trigram indexes are made on (V14: {@code rsoko_fold(name)},
 * {@code rsoko_fold(short_name)}), and with the INN index (V18) PostgreSQL can answer all three arms of the search from
 * indexes instead of reading every organisation.
 */
@IntegrationTest
class DirectorySearchIndexTest {

    @Autowired
    DirectoryService directory;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TransactionTemplate tx;

    @Test
    void theSearchUsesTheExpressionOfTheTrigramIndexes() {
        StatementCounter.Counted<Long> search = StatementCounter.during(() ->
                directory.find(Scope.all(), new OrgUnitFilter(null, null, "берез", null), PageRequest.of(0, 20))
                        .getTotalElements());
        assertThat(search.result()).isPositive();
        assertThat(search.count().statements()).anySatisfy(sql -> assertThat(sql)
                .containsPattern("rsoko_fold\\(\\w+\\.name\\) like rsoko_fold\\(")
                .containsPattern("rsoko_fold\\(\\w+\\.short_name\\) like rsoko_fold\\("));
    }

    @Test
    void postgresAnswersTheSearchFromIndexes() {
        List<String> plan = tx.execute(status -> {
            // the demo directory is small enough to be read whole; a national one is not
            jdbc.execute("set local enable_seqscan = off");
            return jdbc.queryForList("""
                    explain select o.id from org_unit o
                    where rsoko_fold(o.name) like rsoko_fold('%берез%') escape '\\'
                       or rsoko_fold(o.short_name) like rsoko_fold('%берез%') escape '\\'
                       or o.inn = 'берез'""", String.class);
        });
        String text = String.join("\n", plan);
        assertThat(text).contains("org_unit_name_fold_trgm_idx", "org_unit_short_name_fold_trgm_idx", "org_unit_inn_idx")
                .doesNotContain("Seq Scan");
    }
}
