package phbsim.spark;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The module rules (issue 22), checked on the compiled classes of every module (ArchUnit): the
 * model imports no front end and no writer; the writers read no scenario file; the front ends do
 * not import each other; the run service imports no front end and no Spark; and each package's
 * stated dependency rule (its package-info) is true. It lives in the spark module because this is
 * the one module whose test classpath holds every other (the command line among them); a web
 * module, later, adds its own copy of the front-end rule.
 */
class ModuleRulesTest {
  private static final JavaClasses CLASSES =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("phbsim");

  /** The model's packages (the phbsim-model module). */
  private static final String[] MODEL = {
    "phbsim.analysis..",
    "phbsim.budget..",
    "phbsim.engine..",
    "phbsim.experiment..",
    "phbsim.money..",
    "phbsim.observe..",
    "phbsim.pathway..",
    "phbsim.population..",
    "phbsim.random..",
    "phbsim.report..",
    "phbsim.scenario",
    "phbsim.service..",
    "phbsim.time..",
    "phbsim.validation..",
    "phbsim.workload..",
    "phbsim.world.."
  };

  private static final String[] FRONT_ENDS = {"phbsim.cli..", "phbsim.spark..", "phbsim.web.."};

  @Test
  @DisplayName("the model imports no front end, no run service, no writer and no scenario file")
  void modelIsHeadless() {
    noClasses()
        .that()
        .resideInAnyPackage(MODEL)
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "phbsim.cli..",
            "phbsim.spark..",
            "phbsim.web..",
            "phbsim.runs..",
            "phbsim.writers..",
            "phbsim.scenarios..",
            "phbsim.bench..")
        .check(CLASSES);
  }

  /**
   * The writers take a scenario already loaded: they never read a scenario file or a person-level
   * file. Of the scenarios module they use only the value types and the YAML printer: an
   * assumption's record and price ({@code Explain}) and {@code ScenarioYaml.write}.
   */
  @Test
  @DisplayName("the writers do not use the scenario loader")
  void writersDoNotLoad() {
    noClasses()
        .that()
        .resideInAPackage("phbsim.writers..")
        .should()
        .dependOnClassesThat(
            DescribedPredicate.describe(
                "are of the scenario loader (phbsim.scenarios but Explain and ScenarioYaml)",
                (JavaClass c) ->
                    c.getPackageName().equals("phbsim.scenarios")
                        && !c.getName().startsWith("phbsim.scenarios.Explain")
                        && !c.getName().startsWith("phbsim.scenarios.ScenarioYaml")))
        .orShould()
        .dependOnClassesThat()
        .resideInAnyPackage("phbsim.runs..", "phbsim.cli..", "phbsim.spark..", "phbsim.web..")
        .check(CLASSES);
  }

  @Test
  @DisplayName("no front end imports another")
  void frontEndsApart() {
    for (String frontEnd : FRONT_ENDS) {
      String[] others =
          List.of(FRONT_ENDS).stream().filter(f -> !f.equals(frontEnd)).toArray(String[]::new);
      noClasses()
          .that()
          .resideInAPackage(frontEnd)
          // The command line is the launcher of the page: `phbsim serve` starts it, and is the one
          // class allowed to (checked on its own below).
          .and()
          .doNotHaveFullyQualifiedName("phbsim.cli.ServeCommand")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(others)
          .allowEmptyShould(true)
          .check(CLASSES);
    }
  }

  @Test
  @DisplayName(
      "phbsim serve only starts the page: it uses the web module's server and nothing else")
  void serveOnlyStartsThePage() {
    noClasses()
        .that()
        .haveFullyQualifiedName("phbsim.cli.ServeCommand")
        .should()
        .dependOnClassesThat(
            com.tngtech.archunit.base.DescribedPredicate.describe(
                "web classes other than WebServer",
                (com.tngtech.archunit.core.domain.JavaClass c) ->
                    c.getPackageName().startsWith("phbsim.web")
                        && !c.getName().equals("phbsim.web.WebServer")))
        .orShould()
        .dependOnClassesThat()
        .resideInAnyPackage("phbsim.spark..")
        .check(CLASSES);
  }

  @Test
  @DisplayName("the page runs only through the run service: it sequences no run of its own")
  void thePageRunsThroughTheService() {
    noClasses()
        .that()
        .resideInAPackage("phbsim.web..")
        .should()
        .dependOnClassesThat()
        .haveFullyQualifiedName("phbsim.experiment.Appraisal")
        .orShould()
        .dependOnClassesThat()
        .haveFullyQualifiedName("phbsim.report.Disclosure")
        .orShould()
        .dependOnClassesThat()
        .haveFullyQualifiedName("phbsim.writers.AppraisalFiles")
        .orShould()
        .dependOnClassesThat()
        .haveFullyQualifiedName("phbsim.writers.OutputFolder")
        .check(CLASSES);
  }

  @Test
  @DisplayName("the run service imports no front end and no Spark")
  void runServiceUnderTheFrontEnds() {
    noClasses()
        .that()
        .resideInAPackage("phbsim.runs..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "phbsim.cli..", "phbsim.spark..", "phbsim.web..", "org.apache.spark..", "scala..")
        .check(CLASSES);
  }

  @Test
  @DisplayName("the analyses sit on the run service: the service never imports them")
  void analysesOnTheRunService() {
    noClasses()
        .that()
        .resideInAPackage("phbsim.runs")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("phbsim.runs.analyses..")
        .because("phbsim.runs.analyses's package-info says it depends on the service, not back")
        .check(CLASSES);
  }

  /** A package's dependency rule as its package-info states it: the phbsim packages it may use. */
  private record Stated(String pkg, List<String> allowed) {}

  private static final List<Stated> STATED =
      List.of(
          new Stated("phbsim.money", List.of("phbsim.time", "phbsim.scenario")),
          new Stated("phbsim.random", List.of()),
          new Stated("phbsim.engine", List.of()),
          new Stated("phbsim.time", List.of()),
          new Stated("phbsim.observe", List.of("phbsim.time")),
          new Stated("phbsim.pathway", List.of("phbsim.scenario")),
          new Stated(
              "phbsim.validation",
              List.of(
                  "phbsim.scenario",
                  "phbsim.pathway",
                  "phbsim.money",
                  "phbsim.time",
                  "phbsim.population")),
          new Stated("phbsim.budget", List.of("phbsim.random", "phbsim.engine")),
          new Stated("phbsim.workload", List.of("phbsim.engine", "phbsim.random")),
          new Stated(
              "phbsim.service",
              List.of(
                  "phbsim.scenario",
                  "phbsim.random",
                  "phbsim.money",
                  "phbsim.observe",
                  "phbsim.validation")),
          new Stated("phbsim.population", List.of("phbsim.scenario", "phbsim.service")));

  @Test
  @DisplayName("each package imports only what its package-info says it imports")
  void statedRulesHold() {
    List<String> broken = new java.util.ArrayList<>();
    for (Stated s : STATED) {
      try {
        check(s);
      } catch (AssertionError e) {
        broken.add(e.getMessage());
      }
    }
    org.assertj.core.api.Assertions.assertThat(broken).isEmpty();
  }

  private static void check(Stated s) {
    {
      noClasses()
          .that()
          .resideInAPackage(s.pkg())
          .should()
          .dependOnClassesThat(
              DescribedPredicate.describe(
                  "are in phbsim outside " + s.pkg() + " and " + s.allowed(),
                  (JavaClass c) ->
                      c.getPackageName().startsWith("phbsim")
                          && !c.getPackageName().equals(s.pkg())
                          && !s.allowed().contains(c.getPackageName())))
          .because("its package-info says so")
          .check(CLASSES);
    }
  }

  @Test
  @DisplayName("world never imports experiment or report; nothing in the model imports analysis")
  void statedNever() {
    noClasses()
        .that()
        .resideInAnyPackage(
            "phbsim.world", "phbsim.population", "phbsim.service", "phbsim.validation")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("phbsim.experiment..", "phbsim.report..")
        .because("their package-info says so")
        .check(CLASSES);
    noClasses()
        .that()
        .resideInAnyPackage(MODEL)
        .and()
        .resideOutsideOfPackage("phbsim.analysis..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("phbsim.analysis..")
        .because("phbsim.analysis's package-info says nothing in the model imports it")
        .check(CLASSES);
    noClasses()
        .that()
        .resideInAnyPackage(MODEL)
        .and()
        .resideOutsideOfPackages("phbsim.experiment..", "phbsim.analysis..", "phbsim.report..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("phbsim.experiment..")
        .because("phbsim.experiment's package-info says only the model's clients import it")
        .check(CLASSES);
    noClasses()
        .that()
        .resideInAnyPackage(MODEL)
        .should()
        .dependOnClassesThat()
        .resideInAPackage("phbsim.scenarios..")
        .because("phbsim.scenarios's package-info says the model never depends on it")
        .check(CLASSES);
  }

  @Test
  @DisplayName("SSJ appears nowhere but in bench")
  void ssjOnlyInBench() {
    noClasses()
        .that()
        .resideOutsideOfPackage("phbsim.bench..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("umontreal..")
        .check(CLASSES);
  }
}
