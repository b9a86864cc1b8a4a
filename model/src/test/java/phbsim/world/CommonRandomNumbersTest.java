package phbsim.world;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import phbsim.observe.Measure;
import phbsim.observe.MonthlyMetrics;
import phbsim.random.RandomStreams;
import phbsim.scenario.BranchSpec;
import phbsim.scenario.CommunitySpec;
import phbsim.scenario.ContractSpec;
import phbsim.scenario.CrisisSpec;
import phbsim.scenario.DurationFamily;
import phbsim.scenario.DurationSpec;
import phbsim.scenario.InpatientSpec;
import phbsim.scenario.Scenario;
import phbsim.scenario.SegmentSpec;
import phbsim.scenario.ServiceKind;
import phbsim.scenario.ServiceSpec;

/**
 * Two scenarios that differ in one parameter share the random numbers of everything that parameter
 * does not touch (docs/architecture.md section 6).
 */
class CommonRandomNumbersTest {

  /** Two segments with their own teams and wards, so that nothing couples them. */
  private static Scenario twoIndependentSegments(double crisesOfB, int bedsOfB) {
    DurationSpec stay = new DurationSpec(DurationFamily.LOGNORMAL, 20.0, 15.0);
    DurationSpec episode = new DurationSpec(DurationFamily.FIXED, 0.5, null);
    List<SegmentSpec> segments =
        List.of(
            new SegmentSpec(
                "a",
                null,
                400,
                200,
                "team-a",
                0.8,
                0.5,
                Map.of("out", 0.5),
                null,
                null,
                null,
                null),
            new SegmentSpec(
                "b",
                null,
                400,
                200,
                "team-b",
                crisesOfB,
                0.5,
                Map.of("out", 0.5),
                null,
                null,
                null,
                null));
    List<ServiceSpec> services =
        List.of(
            new ServiceSpec(
                "team-a",
                ServiceKind.COMMUNITY,
                null,
                new CommunitySpec(
                    15, 30, new ContractSpec(1_000_000.0, 50_000.0, null, null, null, null)),
                null,
                null),
            new ServiceSpec(
                "team-b",
                ServiceKind.COMMUNITY,
                null,
                new CommunitySpec(
                    15, 30, new ContractSpec(1_000_000.0, 50_000.0, null, null, null, null)),
                null,
                null),
            new ServiceSpec(
                "ward-a",
                ServiceKind.INPATIENT,
                null,
                null,
                new InpatientSpec(8, stay, null, 575.0, 750.0, null, null, null, null),
                null),
            new ServiceSpec(
                "ward-b",
                ServiceKind.INPATIENT,
                null,
                null,
                new InpatientSpec(bedsOfB, stay, null, 575.0, 750.0, null, null, null, null),
                null),
            new ServiceSpec(
                "crisis",
                ServiceKind.CRISIS,
                null,
                null,
                null,
                new CrisisSpec(true, episode, 273.0, 0.0, null, null)),
            new ServiceSpec("out", ServiceKind.EXIT, null, null, null, null));
    List<BranchSpec> pathway =
        List.of(
            new BranchSpec("team-a", Map.of("ward-a", 0.5, "crisis", 0.5)),
            new BranchSpec("team-b", Map.of("ward-b", 0.5, "crisis", 0.5)),
            new BranchSpec("crisis", Map.of("home", 1.0)),
            new BranchSpec("ward-a", Map.of("home", 1.0)),
            new BranchSpec("ward-b", Map.of("home", 1.0)));
    return new Scenario(
        "crn",
        null,
        LocalDate.of(2026, 4, 1),
        3,
        segments,
        services,
        pathway,
        null,
        null,
        null,
        null,
        null,
        null,
        null);
  }

  private static MonthlyMetrics run(Scenario s) {
    return new World(new CompiledScenario(s), new RandomStreams(77, 0)).run().metrics();
  }

  private static double[] segmentRecord(MonthlyMetrics m, int segment) {
    double[] out = new double[m.months() * Measure.values().length];
    int i = 0;
    for (int month = 0; month < m.months(); month++) {
      for (Measure measure : Measure.values()) {
        out[i++] = m.get(month, segment, measure);
      }
    }
    return out;
  }

  @Test
  @DisplayName("changing segment b's crisis rate leaves segment a's whole record bit-identical")
  void otherSegmentUntouched() {
    MonthlyMetrics base = run(twoIndependentSegments(0.8, 8));
    MonthlyMetrics changed = run(twoIndependentSegments(2.5, 8));
    assertThat(segmentRecord(changed, 0)).isEqualTo(segmentRecord(base, 0));
    assertThat(segmentRecord(changed, 1)).isNotEqualTo(segmentRecord(base, 1));
  }

  @Test
  @DisplayName("changing beds moves placements but not referrals or crises of people at home")
  void bedsDoNotShiftOtherDraws() {
    MonthlyMetrics base = run(twoIndependentSegments(0.8, 8));
    MonthlyMetrics fewer = run(twoIndependentSegments(0.8, 1));
    double outOfAreaBase = 0;
    double outOfAreaFewer = 0;
    for (int month = 0; month < base.months(); month++) {
      assertThat(fewer.get(month, 1, Measure.REFERRALS))
          .isEqualTo(base.get(month, 1, Measure.REFERRALS));
      outOfAreaBase += base.get(month, 1, Measure.OUT_OF_AREA_ADMISSIONS);
      outOfAreaFewer += fewer.get(month, 1, Measure.OUT_OF_AREA_ADMISSIONS);
    }
    assertThat(outOfAreaFewer).isGreaterThan(outOfAreaBase);
    // Placement does not change when a person is admitted or how long they stay, so every
    // crisis, admission and exit happens at the same time in both runs.
    for (int month = 0; month < base.months(); month++) {
      for (Measure m : List.of(Measure.CRISES, Measure.ADMISSIONS, Measure.EXITS)) {
        assertThat(fewer.get(month, 1, m))
            .as("%s in month %d", m, month)
            .isEqualTo(base.get(month, 1, m));
      }
    }
    assertThat(segmentRecord(fewer, 0)).isEqualTo(segmentRecord(base, 0));
  }
}
