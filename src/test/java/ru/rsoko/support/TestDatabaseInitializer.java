package ru.rsoko.support;

import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/** Points the application under test at the JVM's test database and loads the demo data into it. */
public class TestDatabaseInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        TestDatabase.Connection db = TestDatabase.get();
        TestPropertyValues.of(
                "spring.datasource.url=" + db.url(),
                "spring.datasource.username=" + db.username(),
                "spring.datasource.password=" + db.password(),
                "rsoko.demo-data=true",
                // the demo passwords hashed at bcrypt's lowest cost: every API call of the suite checks one
                "rsoko.security.bcrypt-strength=4",
                // tests call the API as a few demo users, faster than a person could; ApiRateLimitTest sets its own
                "rsoko.api.rate-limit.per-second=0",
                "spring.thymeleaf.cache=true",
                "spring.mail.host=localhost",
                "spring.mail.port=" + TestMail.port(),
                // tests send the outbox and run the reminders themselves, at the moments they choose
                "rsoko.notifications.mail-interval=PT24H",
                "rsoko.notifications.reminder-cron=-"
        ).applyTo(context);
    }
}
