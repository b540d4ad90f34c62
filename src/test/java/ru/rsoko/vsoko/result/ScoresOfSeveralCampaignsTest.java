package ru.rsoko.vsoko.result;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;
import ru.rsoko.access.CurrentUser;
import ru.rsoko.access.Scope;
import ru.rsoko.support.IntegrationTest;
import ru.rsoko.vsoko.VsokoResults;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Several campaigns' scores read at once (a school's profile reads its every year so) are each campaign's scores as
 * read alone: the same schools, levels and directions, the same campaigns left out for whoever may not see them.
 */
@IntegrationTest
class ScoresOfSeveralCampaignsTest {

    @Autowired
    VsokoResults results;
    @Autowired
    UserDetailsService users;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void eachCampaignReadsAsItDoesAlone() {
        List<Long> campaigns = jdbc.queryForList("""
                select c.id from vsoko_campaign c join org_unit r on r.id = c.region_id
                where r.name = 'Тверская область' order by c.year, c.id""", Long.class);
        assertThat(campaigns).hasSizeGreaterThan(2);
        Map<String, Object> school = jdbc.queryForMap(
                "select id, region_id, municipality_id from org_unit where name = 'МОУ «Берёзовская СОШ»'");
        Scope ofSchool = Scope.orgUnit((Long) school.get("region_id"), (Long) school.get("municipality_id"),
                (Long) school.get("id"));

        CurrentUser staff = (CurrentUser) users.loadUserByUsername("tver.coko");
        CurrentUser municipality = (CurrentUser) users.loadUserByUsername("sonkovo.mouo");
        for (CurrentUser user : List.of(staff, municipality)) {
            for (Scope scope : List.of(user.scope(), ofSchool)) {
                for (boolean publishedOnly : List.of(false, true)) {
                    Map<Long, VsokoResults.Scores> alone = new LinkedHashMap<>();
                    for (long id : campaigns) {
                        results.scores(user, scope, id, publishedOnly).ifPresent(s -> alone.put(id, s));
                    }
                    String as = user.getUsername() + " " + scope + (publishedOnly ? " published" : "");
                    assertThat(alone).as(as).isNotEmpty();
                    assertThat(results.scores(user, scope, campaigns, publishedOnly)).as(as).isEqualTo(alone);
                }
            }
        }
        // regional staff see the open campaigns' preliminary results, a municipality only the published ones
        assertThat(results.scores(staff, ofSchool, campaigns, false)).hasSizeGreaterThan(
                results.scores(municipality, ofSchool, campaigns, false).size());
        assertThat(results.scores(staff, ofSchool, List.of(), false)).isEmpty();
    }
}
