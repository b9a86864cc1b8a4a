package phbsim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import phbsim.scenarios.BuiltInScenarios;

/**
 * Money that is a unit price times a withheld count is withheld with it (issue 21, item 2): on a
 * person-level run with a segment of 3, the A&E, bed-day, crisis and budget lines of a month are
 * withheld whenever the month's count over all segments is, and a position's total never leaves
 * exactly one of its lines withheld (else total minus the published lines gives it back).
 */
class PersonLevelMoneyTest {
  @TempDir static Path tmp;
  private static Path out;

  /** Each ledger line and the count over all segments it is a price times. */
  private static final Map<String, String> TIED =
      Map.ofEntries(
          Map.entry("ae_attendances", "ae_attendances"),
          Map.entry("ae_attendances_block", "ae_attendances"),
          Map.entry("bed_days", "bed_days"),
          Map.entry("bed_days_block", "bed_days"),
          Map.entry("crisis_house_nights", "crisis_house_nights"),
          Map.entry("crisis_house_nights_block", "crisis_house_nights"),
          Map.entry("crisis_team_episodes", "crisis_team_episodes"),
          Map.entry("crisis_team_episodes_block", "crisis_team_episodes"),
          Map.entry("out_of_area_placements", "out_of_area_days"),
          Map.entry("phb_direct_payments", "budget_days"),
          Map.entry("phb_third_party", "budget_days"),
          Map.entry("phb_notional", "budget_days"),
          Map.entry("phb_brokerage_and_monitoring", "budget_holders"));

  @BeforeAll
  static void run() throws IOException {
    PersonLevelFiles.threeOrganic(tmp.resolve("three.csv"));
    Path file = tmp.resolve("person-level.yaml");
    Files.writeString(
        file, BuiltInScenarios.text("default") + "\nstartingPopulation:\n  file: three.csv\n");
    out = tmp.resolve("out");
    Cli c = Cli.run("run", file.toString(), "-r", "4", "--quiet", "-o", out.toString());
    assertThat(c.exitCode()).as(c.err()).isZero();
  }

  private static String key(Map<String, String> r, String what) {
    return r.get("date") + "|" + r.get("option") + "|" + r.get("arm") + "|" + what;
  }

  @Test
  @DisplayName("a line priced from a withheld count is withheld with it, month by month")
  void moneyWithheldWithItsCount() throws IOException {
    Map<String, String> counts = new HashMap<>();
    for (Map<String, String> r : PersonLevelFiles.rows(out.resolve("monthly_metrics.csv"))) {
      if (r.get("segment").equals("all")) {
        counts.put(key(r, r.get("measure")), r.get("mean"));
      }
    }
    int tiedWithheld = 0;
    List<Map<String, String>> cash = PersonLevelFiles.rows(out.resolve("cashflow_monthly.csv"));
    for (Map<String, String> r : cash) {
      String measure = TIED.get(r.get("line"));
      if (measure == null) {
        continue;
      }
      String count = counts.get(key(r, measure));
      assertThat(count).as("the count of %s", r).isNotNull();
      if (count.equals("*")) {
        tiedWithheld++;
        assertThat(r.get("mean")).as("%s is a price times a withheld count", r).isEqualTo("*");
      }
      if (r.get("mean").equals("*") && !r.get("arm").equals("difference")) {
        // And the other way: a withheld line's count is withheld, or the line is the count again.
        assertThat(count).as("the count of withheld %s", r).isEqualTo("*");
      }
    }
    assertThat(tiedWithheld).as("the segment of 3 makes some priced counts small").isPositive();
  }

  @Test
  @DisplayName("a month's lines and their total never leave one line withheld alone")
  void totalsCannotGiveALineBack() throws IOException {
    Map<String, Integer> withheld = new HashMap<>();
    Map<String, Integer> lines = new HashMap<>();
    for (Map<String, String> r : PersonLevelFiles.rows(out.resolve("cashflow_monthly.csv"))) {
      if (r.get("arm").equals("difference") || r.get("line").startsWith("cumulative")) {
        continue;
      }
      String k = key(r, "");
      lines.merge(k, 1, Integer::sum);
      if (r.get("mean").equals("*")) {
        withheld.merge(k, 1, Integer::sum);
      }
    }
    assertThat(withheld).isNotEmpty();
    withheld.forEach((k, n) -> assertThat(n).as("withheld in %s", k).isNotEqualTo(1));
  }

  @Test
  @DisplayName(
      "the infrastructure cost and its three lines never leave one withheld alone: cost minus the"
          + " published lines would give it back")
  void infrastructureCostCannotGiveALineBack() throws IOException {
    Map<String, Integer> withheld = new HashMap<>();
    Map<String, Integer> seen = new HashMap<>();
    List<String> lines =
        List.of("phb_set_up", "phb_support_planning", "phb_brokerage_and_monitoring");
    for (Map<String, String> r : PersonLevelFiles.rows(out.resolve("cashflow_monthly.csv"))) {
      if (lines.contains(r.get("line")) && !r.get("arm").equals("difference")) {
        seen.merge(key(r, ""), 1, Integer::sum);
        withheld.merge(key(r, ""), r.get("mean").equals("*") ? 1 : 0, Integer::sum);
      }
    }
    for (Map<String, String> r : PersonLevelFiles.rows(out.resolve("infrastructure_monthly.csv"))) {
      if (r.get("measure").equals("infrastructure_cost") && !r.get("arm").equals("difference")) {
        seen.merge(key(r, ""), 1, Integer::sum);
        withheld.merge(key(r, ""), r.get("mean").equals("*") ? 1 : 0, Integer::sum);
      }
    }
    assertThat(seen.values()).containsOnly(4);
    assertThat(withheld.values()).contains(2);
    withheld.forEach((k, n) -> assertThat(n).as("withheld in %s", k).isNotEqualTo(1));
  }
}
