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
