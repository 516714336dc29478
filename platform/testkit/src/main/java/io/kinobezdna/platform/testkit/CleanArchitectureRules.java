package io.kinobezdna.platform.testkit;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import java.util.List;

/**
 * The arrows of ARCHITECTURE.md, as rules every service applies to its own base package:
 *
 * <ul>
 *   <li>{@code domain} is plain Java: it imports only the JDK and itself — no framework, no
 *       application, no adapter;
 *   <li>{@code application} (use cases and ports) imports only the JDK, the domain, itself and the
 *       platform's shared vocabulary of errors, ids and pages ({@code
 *       io.kinobezdna.platform.errors}, {@code io.kinobezdna.platform.id}, {@code
 *       io.kinobezdna.platform.paging}), so every service reports failures and pages lists the same
 *       way;
 *   <li>nothing imports {@code adapter} except other adapters and the wiring in {@code config};
 *   <li>one adapter does not use another ({@code adapter.in.web} does not reach into {@code
 *       adapter.out.jdbc}): they meet in a use case; what the inbound adapters share (the caller's
 *       mapping) sits directly in {@code adapter.in};
 *   <li>commands and queries are separate: {@code application.command} and {@code
 *       application.query} do not use each other (both may use ports and the domain);
 *   <li>a use case's handler (a {@code …Handler} in {@code application.command} or {@code
 *       application.query}) has one way in: its public methods are named {@code handle};
 *   <li>{@code config} holds only wiring: {@code @Configuration} classes and
 *       {@code @ConfigurationProperties} records.
 * </ul>
 */
public final class CleanArchitectureRules {

  private static final String PLATFORM_ERRORS = "io.kinobezdna.platform.errors..";
  private static final String PLATFORM_IDS = "io.kinobezdna.platform.id..";
  private static final String PLATFORM_PAGING = "io.kinobezdna.platform.paging..";
  private static final String PLATFORM_TX = "io.kinobezdna.platform.tx..";
  private static final String CONFIGURATION =
      "org.springframework.context.annotation.Configuration";
  private static final String CONFIGURATION_PROPERTIES =
      "org.springframework.boot.context.properties.ConfigurationProperties";

  private CleanArchitectureRules() {}

  public static List<ArchRule> rules(String basePackage) {
    String domain = basePackage + ".domain..";
    String application = basePackage + ".application..";
    String adapter = basePackage + ".adapter..";
    String config = basePackage + ".config..";
    return List.of(
        classes()
            .that()
            .resideInAPackage(domain)
            .should()
            .onlyDependOnClassesThat()
            .resideInAnyPackage("java..", domain)
            .because("the domain is plain Java: no framework, no use case, no adapter")
            .allowEmptyShould(true),
        classes()
            .that()
            .resideInAPackage(application)
            .should()
            .onlyDependOnClassesThat()
            .resideInAnyPackage(
                "java..",
                domain,
                application,
                PLATFORM_ERRORS,
                PLATFORM_IDS,
                PLATFORM_PAGING,
                PLATFORM_TX)
            .because("use cases and ports know only the domain (and the shared error vocabulary)")
            .allowEmptyShould(true),
        noClasses()
            .that()
            .resideOutsideOfPackages(adapter, config)
            .should()
            .dependOnClassesThat()
            .resideInAPackage(adapter)
            .because("adapters sit at the edge: only the wiring in config knows them")
            .allowEmptyShould(true),
        slices()
            .matching(basePackage + ".adapter.(*).(*)..")
            .namingSlices("adapter $1.$2")
            .should()
            .notDependOnEachOther()
            .because("adapters meet in a use case, not in each other")
            .allowEmptyShould(true),
        noClasses()
            .that()
            .resideInAPackage(basePackage + ".application.command..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage(basePackage + ".application.query..")
            .because("a command does not run a query's handler: both use the ports")
            .allowEmptyShould(true),
        noClasses()
            .that()
            .resideInAPackage(basePackage + ".application.query..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage(basePackage + ".application.command..")
            .because("a query changes nothing, so it needs no command")
            .allowEmptyShould(true),
        methods()
            .that()
            .arePublic()
            .and()
            .areDeclaredInClassesThat()
            .haveSimpleNameEndingWith("Handler")
            .and()
            .areDeclaredInClassesThat()
            .resideInAnyPackage(
                basePackage + ".application.command..", basePackage + ".application.query..")
            .should()
            .haveName("handle")
            .because("one handler per use case: its request is a record, handle(record) the way in")
            .allowEmptyShould(true),
        classes()
            .that()
            .resideInAPackage(config)
            .and()
            .areTopLevelClasses()
            .should()
            .beAnnotatedWith(CONFIGURATION)
            .orShould()
            .beAnnotatedWith(CONFIGURATION_PROPERTIES)
            .because("config holds only wiring; behaviour belongs in a use case or an adapter")
            .allowEmptyShould(true));
  }

  /** Production classes (no tests) of one service. */
  public static JavaClasses importMainClasses(String basePackage) {
    return new ClassFileImporter()
        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
        .importPackages(basePackage);
  }

  /** Checks every rule and fails with all violations at once. */
  public static void check(String basePackage) {
    check(importMainClasses(basePackage), basePackage);
  }

  /** Checks every rule on the given classes and fails with all violations at once. */
  public static void check(JavaClasses classes, String basePackage) {
    if (classes.isEmpty()) {
      throw new AssertionError("no classes found under " + basePackage + ": wrong base package?");
    }
    StringBuilder report = new StringBuilder();
    for (ArchRule rule : rules(basePackage)) {
      EvaluationResult result = rule.evaluate(classes);
      if (result.hasViolation()) {
        report.append(result.getFailureReport()).append('\n');
      }
    }
    if (!report.isEmpty()) {
      throw new AssertionError(report.toString());
    }
  }
}
