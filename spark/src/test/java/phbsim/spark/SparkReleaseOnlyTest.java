package phbsim.spark;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import phbsim.report.ExperimentResult;
import phbsim.report.Release;
import phbsim.report.ReplicationResult;
import phbsim.report.SmallNumbers;

/**
 * The Spark job writes only released results (issue 21, item 1), as the command line does
 * (phbsim.cli.ReleaseOnlyTest): its files come from the writers, given a Release, and the job
 * itself reads no replication's record outside the tasks that make the appraisal.
 */
class SparkReleaseOnlyTest {
  private static final JavaClasses CLASSES =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("phbsim.spark");

  @Test
  @DisplayName(
      "the Spark job's drivers read no replication's record and withhold nothing by themselves")
  void noBypass() {
    // ReplicationTasks runs the replications and makes the AppraisalResult from them (which applies
    // the policy): it alone handles the raw records.
    holds(
        noClasses()
            .that()
            .resideInAPackage("phbsim.spark..")
            .and()
            .haveNameNotMatching("phbsim\\.spark\\.ReplicationTasks(\\$.*)?")
            .should()
            .callMethod(ExperimentResult.class, "replications")
            .orShould()
            .callMethodWhere(
                DescribedPredicate.describe(
                    "a method of a replication's own record",
                    call -> call.getTargetOwner().isEquivalentTo(ReplicationResult.class)))
            .orShould()
            .dependOnClassesThat()
            .areAssignableTo(SmallNumbers.class)
            .orShould()
            .callConstructor(Release.class, Object.class, int.class)
            .because(
                "the one disclosure policy (phbsim.report.Disclosure) decides what is published"));
  }

  /**
   * The rule holds over the project's classes: no violation (an empty rule, one whose classes match
   * nothing, is itself a violation under ArchUnit's default).
   */
  private static void holds(com.tngtech.archunit.lang.ArchRule rule) {
    org.assertj.core.api.Assertions.assertThat(
            rule.evaluate(CLASSES).getFailureReport().getDetails())
        .as(rule.getDescription())
        .isEmpty();
  }
}
