package ru.rsoko.support;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ContextConfiguration;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The whole application on a real port and the JVM's test PostgreSQL with the demo data. Every integration
 * test uses exactly this, so that Spring starts one context for the whole suite.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
@ContextConfiguration(initializers = TestDatabaseInitializer.class)
@Import(TestBeans.class)
public @interface IntegrationTest {

    /**
     * {@code @Order(IntegrationTest.LATE)} on a class that adds many records to the demo region (the authorization
     * table, the hostile-input and limit tables): it runs after the classes that check the demo region's pages and
     * counts (src/test/resources/junit-platform.properties orders classes by @Order; unmarked ones keep the build's order).
     */
    int LATE = org.junit.jupiter.api.Order.DEFAULT + 1000;
}
