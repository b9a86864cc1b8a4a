package phbsim.cli;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import phbsim.analysis.Areas;
import phbsim.report.AppraisalResult;
import phbsim.report.ComparisonResult;
import phbsim.report.ExperimentResult;
import phbsim.report.Release;
import phbsim.report.ReplicationResult;
import phbsim.report.SmallNumbers;
import phbsim.report.Summary;

/**
 * The writers accept only released results (issue 21, item 1), checked on the compiled classes of
 * the writers and the command line (ArchUnit); the spark module's SparkReleaseOnlyTest checks its
 * job the same way. A future writer that takes a raw result, reads a replication's own record or
 * makes its own suppression fails here, before it can publish a withheld count.
 */
class ReleaseOnlyTest {
  private static final JavaClasses CLASSES =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("phbsim");

  /** The raw result types: released, each reads as the policy allows; raw, a writer needs none. */
  private static final List<Class<?>> RAW =
      List.of(
          AppraisalResult.class,
          ComparisonResult.class,
          ExperimentResult.class,
          Areas.Result.class);

  private static final String[] OUTSIDE_THE_MODEL = {"phbsim.writers..", "phbsim.cli.."};

  @Test
  @DisplayName("no public method of a writer takes a result that has not been released")
  void writersTakeReleases() {
    holds(
        methods()
            .that()
            .areDeclaredInClassesThat()
            .resideInAPackage("phbsim.writers..")
            .and()
            .arePublic()
            .should(takeNoRawResult()));
  }

  @Test
  @DisplayName("no writer or command reads a replication's own record, nor withholds by itself")
  void noBypass() {
    holds(
        noClasses()
            .that()
            .resideInAnyPackage(OUTSIDE_THE_MODEL)
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
            .callMethod(Summary.class, "ofDefined", double[].class)
            .orShould()
            .callMethod(Summary.class, "of", double[].class)
            .because(
                "the one disclosure policy (phbsim.report.Disclosure) decides what is published"));
  }

  @Test
  @DisplayName("only the policy makes a release: Disclosure for an appraisal, Areas for areas")
  void onlyThePolicyReleases() {
    holds(
        noClasses()
            .that()
            .doNotHaveFullyQualifiedName("phbsim.report.Disclosure")
            .and()
            .doNotHaveFullyQualifiedName(Areas.class.getName())
            .should()
            .callConstructor(Release.class, Object.class, int.class));
  }

  private static ArchCondition<JavaMethod> takeNoRawResult() {
    return new ArchCondition<>("take no raw result (AppraisalResult, Areas.Result, ...)") {
      @Override
      public void check(JavaMethod method, ConditionEvents events) {
        for (JavaClass p : method.getRawParameterTypes()) {
          for (Class<?> raw : RAW) {
            if (p.isEquivalentTo(raw)) {
              events.add(
                  SimpleConditionEvent.violated(
                      method,
                      method.getFullName()
                          + " takes a raw "
                          + raw.getSimpleName()
                          + ": take a phbsim.report.Release of it (Disclosure.release)"));
            }
          }
        }
      }
    };
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
