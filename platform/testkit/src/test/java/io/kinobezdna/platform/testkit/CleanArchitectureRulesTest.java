package io.kinobezdna.platform.testkit;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import org.junit.jupiter.api.Test;

class CleanArchitectureRulesTest {

  private static final String FIXTURES = "io.kinobezdna.platform.testkit.fixture";

  @Test
  void aServiceThatKeepsTheArrowsInwardPasses() {
    String base = FIXTURES + ".good";
    assertThatCode(
            () -> CleanArchitectureRules.check(new ClassFileImporter().importPackages(base), base))
        .doesNotThrowAnyException();
  }

  @Test
  void everyBrokenArrowIsReportedAtOnce() {
    String base = FIXTURES + ".bad";
    assertThatThrownBy(
            () -> CleanArchitectureRules.check(new ClassFileImporter().importPackages(base), base))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("the domain is plain Java")
        .hasMessageContaining("LeakyFilm")
        .hasMessageContaining("org.junit.jupiter.api.TestInfo")
        .hasMessageContaining("use cases and ports know only the domain")
        .hasMessageContaining("only the wiring in config knows them")
        .hasMessageContaining("CreateFilmHandler")
        .hasMessageContaining("adapters meet in a use case")
        .hasMessageContaining("FilmCountController")
        .hasMessageContaining("a command does not run a query's handler")
        .hasMessageContaining("RenameFilmHandler")
        .hasMessageContaining("one handler per use case")
        .hasMessageContaining("findOrDefault")
        .hasMessageContaining("config holds only wiring")
        .hasMessageContaining("TitleRules");
  }

  @Test
  void aWrongBasePackageIsAnErrorNotASilentPass() {
    assertThatThrownBy(() -> CleanArchitectureRules.check("io.kinobezdna.no.such.service"))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("no classes found");
  }
}
