package ru.rsoko.account.domain;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import ru.rsoko.platform.demo.DemoDataSet;

/**
 * Every demo account gets an address on the reserved domain rsoko.example (RFC 2606: never delivered anywhere), so a
 * newcomer who points {@code spring.mail.*} at a local mail catcher sees each person's mails: sonkovo.school@rsoko.example.
 */
@Component
class AccountEmailsDemoData implements DemoDataSet {

    static final String DOMAIN = "rsoko.example";

    private final JdbcTemplate jdbc;

    AccountEmailsDemoData(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String name() {
        return "account-emails";
    }

    @Override
    public int order() {
        return 21;
    }

    @Override
    public void load() {
        jdbc.update("update user_account set email = username || '@" + DOMAIN + "', version = version + 1 "
                + "where (email is null or btrim(email) = '') and username = any(?)", (Object) new String[]{
                "admin", "tver.admin", "tver.coko", "tomsk.coko", "sonkovo.mouo", "kalinin.mouo", "seversk.mouo",
                "sonkovo.school", "kalinin.school"});
    }
}
