package ru.rsoko;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import jakarta.persistence.Entity;
import org.junit.jupiter.api.Test;
import org.springframework.data.repository.Repository;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * House rules that Spring Modulith does not check (ModularityTests does the module boundaries): where entities,
 * repositories and controllers live, who opens transactions, which module's SQL reads the directory's table, and
 * what templates may not decide.
 */
class ArchitectureTests {

    static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("ru.rsoko");

    @Test
    void entitiesRepositoriesAndControllersAreInternalToTheirModule() {
        classes().that().areAnnotatedWith(Entity.class)
                .or().areAssignableTo(Repository.class)
                .or().areAnnotatedWith(Controller.class)
                .or().areAnnotatedWith(RestController.class)
                .should().resideInAPackage("ru.rsoko.*.*..")
                .because("a module's face is its top-level package: a facade, records and events")
                .check(CLASSES);
    }

    @Test
    void servicesOwnTransactionsNotControllers() {
        methods().that().areDeclaredInClassesThat().areAnnotatedWith(Controller.class)
                .or().areDeclaredInClassesThat().areAnnotatedWith(RestController.class)
                .should().notBeAnnotatedWith(Transactional.class)
                .check(CLASSES);
        noClasses().that().areAnnotatedWith(Controller.class).or().areAnnotatedWith(RestController.class)
                .should().beAnnotatedWith(Transactional.class)
                .orShould().dependOnClassesThat().areAssignableTo(TransactionTemplate.class)
                .check(CLASSES);
    }

    /** The directory owns org_unit; other modules read organisations through its view directory_org_unit. */
    @Test
    void onlyTheDirectoryWritesSqlAgainstItsTable() throws IOException {
        Pattern table = Pattern.compile("\\borg_unit\\b");
        List<String> offenders = new ArrayList<>();
        Path root = Path.of("src/main/java/ru/rsoko");
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                if (root.relativize(file).startsWith("directory")) {
                    continue;
                }
                List<String> lines = Files.readAllLines(file);
                for (int i = 0; i < lines.size(); i++) {
                    if (table.matcher(lines.get(i)).find()) {
                        offenders.add(root.relativize(file) + ":" + (i + 1) + ": " + lines.get(i).strip());
                    }
                }
            }
        }
        assertThat(offenders).as("SQL of other modules naming org_unit").isEmpty();
    }

    /** A status's label, colour and allowed moves live in its enum; templates ask it instead of comparing names. */
    @Test
    void noTemplateComparesAnEnumsNameWithAString() throws IOException {
        Pattern comparison = Pattern.compile("name\\(\\)\\s*(==|!=|\\beq\\b|\\bne\\b)|th:switch=\"\\$\\{[^}]*name\\(\\)");
        List<String> offenders = new ArrayList<>();
        Path root = Path.of("src/main/resources/templates");
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".html")).toList()) {
                List<String> lines = Files.readAllLines(file);
                for (int i = 0; i < lines.size(); i++) {
                    Matcher m = comparison.matcher(lines.get(i));
                    if (m.find()) {
                        offenders.add(root.relativize(file) + ":" + (i + 1) + ": " + lines.get(i).strip());
                    }
                }
            }
        }
        assertThat(offenders).as("template expressions comparing name() with a string").isEmpty();
    }
}
