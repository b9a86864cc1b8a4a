package phbsim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * compare of two places (issue 25, item 4): a copy of the default with one price changed is
 * compared with the default's roll-out; the printout says so above its figures and names the price,
 * every table's label of that arm says so, and run.json lists the difference.
 */
class CompareAcrossPlacesTest {

  @Test
  @DisplayName("a copy with a price changed is marked as another place at its figures")
  void priceEditedCopy(@TempDir Path tmp) throws Exception {
    String yaml = Cli.run("scenarios", "--show", "default").out();
    String edited = yaml.replaceFirst("costPerBedDay: 575 ", "costPerBedDay: 600 ");
    assertThat(edited).isNotEqualTo(yaml);
    Path area = Files.writeString(tmp.resolve("my-area.yaml"), edited);
    Path out = tmp.resolve("out");
    Cli r =
        Cli.run(
            "compare",
            "default:roll-out",
            area.toString(),
            "-r",
            "2",
            "--set",
            "years=1",
            "-q",
            "--out",
            out.toString());
    assertThat(r.exitCode()).as(r.err()).isZero();
    String before = r.out().substring(0, r.out().indexOf("Options appraisal"));
    assertThat(before)
        .contains(
            "Not the same place: my-area's status quo differs from default's in 1 setting",
            "services[acute-ward].inpatient.costPerBedDay: 575.0 against 600.0");
    List<String> rows = Files.readAllLines(out.resolve("cash_summary.csv"));
    assertThat(rows.stream().filter(l -> l.startsWith("my-area,")))
        .isNotEmpty()
        .allMatch(l -> l.contains("another place: 1 setting of its status quo differs"));
    assertThat(rows.stream().filter(l -> l.startsWith("default.roll-out,")))
        .isNotEmpty()
        .noneMatch(l -> l.contains("another place"));
    assertThat(Files.readString(out.resolve("run.json")))
        .contains("\"otherPlaces\"", "\"path\" : \"services[acute-ward].inpatient.costPerBedDay\"");
  }

  @Test
  @DisplayName(
      "another place listing its teams in the other order: each team's charts carry that team's"
          + " series from both places, matched by the team's id")
  void teamChartsMatchTeamsById(@TempDir Path tmp) throws Exception {
    String yaml = Cli.run("scenarios", "--show", "default").out();
    int adults = yaml.indexOf("\n  - id: cmht\n");
    int older = yaml.indexOf("\n  - id: older-adults-cmht\n");
    int ward = yaml.indexOf("\n  - id: acute-ward\n");
    assertThat(adults).isPositive().isLessThan(older);
    assertThat(older).isLessThan(ward);
    // the two community teams swapped: the same place, its teams listed the other way round
    String swapped =
        yaml.substring(0, adults)
            + yaml.substring(older, ward)
            + yaml.substring(adults, older)
            + yaml.substring(ward);
    Path area = Files.writeString(tmp.resolve("swapped.yaml"), swapped);
    Path out = tmp.resolve("out");
    Cli r =
        Cli.run(
            "compare",
            "default:roll-out",
            area.toString() + ":roll-out",
            "-r",
            "2",
            "--set",
            "years=1",
            "-q",
            "--out",
            out.toString());
    assertThat(r.exitCode()).as(r.err()).isZero();
    String html = Files.readString(out.resolve("report.html"));
    int from = html.indexOf('>', html.indexOf("<script type=\"application/json\" id=\"data\"")) + 1;
    String json = html.substring(from, html.indexOf("</script>", from));
    var charts = new com.fasterxml.jackson.databind.ObjectMapper().readTree(json);
    int teamCharts = 0;
    for (var chart : charts.findParents("series")) {
      java.util.Set<String> teams = new java.util.TreeSet<>();
      java.util.Set<String> options = new java.util.TreeSet<>();
      for (var series : chart.get("series")) {
        if (series.has("team")) {
          teams.add(series.get("team").asText());
          options.add(series.path("option").asText("status quo"));
        }
      }
      if (teams.isEmpty()) {
        continue;
      }
      teamCharts++;
      assertThat(teams).as(chart.path("title").asText()).hasSize(1);
      assertThat(options).as(chart.path("title").asText()).contains("swapped.roll-out");
    }
    assertThat(teamCharts).as("team charts: 5 for each of the 2 teams").isEqualTo(10);
  }

  @Test
  @DisplayName("two options of one place are not marked")
  void optionsOfOnePlace(@TempDir Path tmp) {
    Cli r =
        Cli.run(
            "compare",
            "default:roll-out",
            "default:roll-out-release-post",
            "-r",
            "2",
            "--set",
            "years=1",
            "-q",
            "--out",
            tmp.resolve("o").toString());
    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.out()).doesNotContain("Not the same place", "another place");
    assertThat(r.err()).doesNotContain("Warning");
  }
}
