package phbsim.scenario;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Small scenarios built in code for tests: {@link #minimal()} is the smallest valid scenario with
 * one of each kind of service, and its lists can be changed before {@link Draft#build()} to make
 * the variation a test needs.
 */
public final class ScenarioFixtures {
  private ScenarioFixtures() {}

  /** Index of each service of the minimal scenario in {@code services}. */
  public static final int CMHT = 0;

  public static final int ACUTE = 1;
  public static final int CRISIS = 2;
  public static final int DISCHARGED = 3;

  /** Index of each branch of the minimal scenario in {@code pathway}. */
  public static final int FROM_CMHT = 0;

  public static final int FROM_CRISIS = 1;
  public static final int FROM_ACUTE = 2;

  /** A scenario under construction; every list is mutable. */
  public static final class Draft {
    public String name = "minimal";
    public LocalDate startDate = LocalDate.of(2026, 4, 1);
    public int years = 5;
    public final List<SegmentSpec> segments = new ArrayList<>();
    public final List<ServiceSpec> services = new ArrayList<>();
    public final List<BranchSpec> pathway = new ArrayList<>();

    public Scenario build() {
      return new Scenario(
          name,
          "built in code",
          startDate,
          years,
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
  }

  /**
   * The smallest valid scenario: one segment on a community team (cmht) that discharges people and
   * sends every crisis to the crisis service; the crisis service admits 30% to an acute ward and
   * sends 70% home; the ward sends everyone home.
   */
  public static Draft minimal() {
    Draft d = new Draft();
    d.services.add(community("cmht"));
    d.services.add(inpatient("acute", null));
    d.services.add(crisis("crisis"));
    d.services.add(exit("discharged"));
    d.segments.add(segment("psychosis", "cmht", map("discharged", 0.2)));
    d.pathway.add(new BranchSpec("cmht", map("crisis", 1.0)));
    d.pathway.add(new BranchSpec("crisis", map("acute", 0.3, "home", 0.7)));
    d.pathway.add(new BranchSpec("acute", map("home", 1.0)));
    return d;
  }

  public static ServiceSpec community(String id) {
    return new ServiceSpec(
        id,
        ServiceKind.COMMUNITY,
        null,
        new CommunitySpec(
            10.0, 30, new ContractSpec(1_000_000.0, 50_000.0, null, null, null, null)),
        null,
        null);
  }

  public static ServiceSpec inpatient(String id, String whenFull) {
    return new ServiceSpec(
        id,
        ServiceKind.INPATIENT,
        null,
        null,
        new InpatientSpec(
            20,
            new DurationSpec(DurationFamily.LOGNORMAL, 30.0, 20.0),
            whenFull,
            575.0,
            750.0,
            null,
            null,
            null,
            null),
        null);
  }

  public static ServiceSpec crisis(String id) {
    return new ServiceSpec(
        id,
        ServiceKind.CRISIS,
        null,
        null,
        null,
        new CrisisSpec(
            true, new DurationSpec(DurationFamily.EXPONENTIAL, 5.0, null), 273.0, 0.0, null, null));
  }

  public static ServiceSpec exit(String id) {
    return new ServiceSpec(id, ServiceKind.EXIT, null, null, null, null);
  }

  public static SegmentSpec segment(String id, String team, Map<String, Double> exitsPerYear) {
    return new SegmentSpec(
        id, null, 100, 50.0, team, 0.5, 0.3, exitsPerYear, null, null, null, null);
  }

  /** An ordered map from alternating keys and values: {@code map("a", 0.5, "b", 0.5)}. */
  public static Map<String, Double> map(Object... keysAndValues) {
    Map<String, Double> m = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      m.put((String) keysAndValues[i], (Double) keysAndValues[i + 1]);
    }
    return m;
  }
}
