package phbsim.runs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import phbsim.experiment.Appraisal;
import phbsim.experiment.RunSpec;
import phbsim.report.AppraisalResult;
import phbsim.scenario.Scenario;
import phbsim.scenarios.BuiltInScenarios;
import phbsim.scenarios.ScenarioLoader;

/**
 * The run service against the model called directly: the same result for the same request, on the
 * calling thread or through the queue; the files a run writes, manifest.json among them; a job that
 * is cancelled ends without a record; a run too big for the heap is refused with its figures.
 */
class RunServiceTest {
  private static final List<String> SHORT = List.of("years=2");
  private static final Invocation WHO =
      new Invocation("phbsim-test", "0-test", "abc1234", Boolean.FALSE, List.of("test"));

  private static RunRequest request(int replications, boolean perReplication) {
    return RunRequest.run(
        new ScenarioSource.BuiltIn("default"),
        SHORT,
        new RunSettings(new RunSpec(replications, 7, 2), 50_000, perReplication),
        WHO);
  }

  /** The model's own appraisal of the same scenario, settings and seed, not through the service. */
  private static AppraisalResult direct(int replications) {
    Scenario s = BuiltInScenarios.load("default", SHORT);
    return Appraisal.run(s.statusQuo(), ScenarioLoader.options(s), new RunSpec(replications, 7, 2));
  }

  @Test
  void aRunIsTheModelsAppraisalReleased() {
    try (RunService service = RunService.inProcess()) {
      RunRecord r = service.run(request(3, false), Output.NONE, (d, n) -> {});
      AppraisalResult expected = direct(3);
      assertThat(r.events()).isEqualTo(expected.events());
      assertThat(r.result().result().statusQuo().digest()).isEqualTo(expected.statusQuo().digest());
      assertThat(r.folder()).isNull();
      assertThat(r.scenario().years()).isEqualTo(2);
      assertThat(r.assumptions()).isNotEmpty();
    }
  }

  @Test
  void aSubmittedJobGivesTheSameRecordAndCountsItsCells() throws InterruptedException {
    try (RunService service = RunService.inProcess()) {
      RunJob job = service.submit(request(3, false), Output.NONE);
      RunRecord r = job.await();
      assertThat(job.state()).isEqualTo(RunJob.State.DONE);
      assertThat(job.record()).containsSame(r);
      // 3 replications of the status quo and each option: every cell reported done.
      int arms = 1 + ScenarioLoader.options(BuiltInScenarios.load("default", SHORT)).size();
      assertThat(job.total()).isEqualTo(3L * arms);
      assertThat(job.done()).isEqualTo(job.total());
      assertThat(r.result().result().statusQuo().digest())
          .isEqualTo(direct(3).statusQuo().digest());
    }
  }

  @Test
  void aCancelledJobEndsWithoutARecord() throws InterruptedException {
    try (RunService service = RunService.inProcess()) {
      RunJob first = service.submit(request(40, false), Output.NONE);
      RunJob queued = service.submit(request(3, false), Output.NONE);
      queued.cancel();
      first.cancel();
      assertThatThrownBy(first::await)
          .isInstanceOf(java.util.concurrent.CancellationException.class);
      assertThat(first.state()).isEqualTo(RunJob.State.CANCELLED);
      assertThat(first.record()).isEmpty();
      assertThat(queued.state()).isEqualTo(RunJob.State.CANCELLED);
      assertThat(queued.record()).isEmpty();
    }
  }

  @Test
  void theFilesOfARunIncludeItsManifestAndReplications(@TempDir Path dir) throws Exception {
    Path folder = dir.resolve("out");
    try (RunService service = RunService.inProcess()) {
      RunRecord r = service.run(request(3, true), new Output(folder, false), (d, n) -> {});
      assertThat(r.folder()).isEqualTo(folder);
    }
    assertThat(folder.resolve("cash_summary.csv")).isNotEmptyFile();
    assertThat(folder.resolve("workbook.xlsx")).isNotEmptyFile();
    // One row per replication and option, after the note line and the header.
    int options = ScenarioLoader.options(BuiltInScenarios.load("default", SHORT)).size();
    assertThat(Files.readAllLines(folder.resolve("replications.csv"))).hasSize(2 + 3 * options);
    JsonNode manifest = new ObjectMapper().readTree(folder.resolve("manifest.json").toFile());
    assertThat(manifest.get("tool").asText()).isEqualTo("phbsim-test");
    assertThat(manifest.get("commit").asText()).isEqualTo("abc1234");
    assertThat(manifest.get("seed").asLong()).isEqualTo(7);
    assertThat(manifest.get("replications").asInt()).isEqualTo(3);
    assertThat(manifest.get("scenarioSha256").get(0).asText())
        .isEqualTo(phbsim.writers.Workbooks.RunInfo.sha256(BuiltInScenarios.text("default")));
  }

  @Test
  void aRunTooBigForTheHeapIsRefusedWithItsFigures() {
    Scenario s = BuiltInScenarios.load("default", SHORT);
    assertThatThrownBy(() -> Capacity.check(List.of(s), 50_000_000, 1, true))
        .isInstanceOf(RunRefused.class)
        .hasMessageContaining("GB of memory")
        .hasMessageContaining("50,000,000 replications");
  }

  @Test
  void aBuiltInSourceNeverReadsAFile() {
    assertThatThrownBy(() -> new ScenarioSource.BuiltIn("../etc/passwd"))
        .isInstanceOf(RunRefused.class)
        .hasMessageContaining("not a built-in scenario");
  }

  /** The capacity estimate uses the world's own rule: starting caseloads plus 1.1 x referrals. */
  @Test
  void theSizingRuleIsWorkedByHand() {
    Scenario s = BuiltInScenarios.load("default", SHORT);
    int days = new phbsim.time.FinancialCalendar(s.startDate(), s.years()).horizonDays();
    double referrals = 0;
    long starting = 0;
    for (var seg : s.segments()) {
      referrals += seg.referralsPerYear() * days / 365.2425;
      starting += seg.startingCaseload();
    }
    assertThat((double) phbsim.world.Sizing.people(s))
        .isCloseTo(starting + 1.1 * referrals, org.assertj.core.data.Offset.offset(1.0));
  }
}
