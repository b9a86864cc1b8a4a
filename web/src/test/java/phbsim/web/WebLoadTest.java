package phbsim.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The page under load on the loopback address (issue 22, step 2, items 5 and 8; figures in
 * docs/performance.md): 20 browsers at once, each running the default scenario with 50
 * replications, with seeds 1, 2 and 3 in turn so that a result handed to the wrong browser would
 * show (every browser's headline must equal the first of its seed, and the seeds' differ). Bounded:
 * 20 runs, each waited for at most 600 s. Prints the throughput and the 95th centile of the time to
 * result, and, first, the time to the first result of one browser on a warm server. Times are
 * printed, never asserted (a speed check does not belong in a unit test); what is asserted is that
 * nothing failed and nothing was mixed up.
 *
 * <p>Run: {@code ./mvnw -B -ntp -o -pl web -am test -Pslow -Dtest=WebLoadTest
 * -Dsurefire.failIfNoSpecifiedTests=false}.
 */
@Tag("slow")
class WebLoadTest {
  static final int USERS = 20;
  static final String REPLICATIONS = "50";

  @BeforeAll
  static void start() throws Exception {
    WebServerTest.server =
        WebServer.start("127.0.0.1", 0, 2, Duration.ofMinutes(30), WebServerTest.BUILD);
  }

  @AfterAll
  static void stop() {
    WebServerTest.server.close();
  }

  /** One browser's run: seconds from the POST of the form to the results page, and its headline. */
  record Result(long seed, double seconds, String headline, String runJson, String error) {}

  static Result one(long seed) {
    long t0 = System.nanoTime();
    try {
      String token = WebServerTest.token();
      List<String[]> form = WebServerTest.runForm(token, REPLICATIONS);
      form.set(3, new String[] {"seed", Long.toString(seed)});
      long t = System.nanoTime();
      var run = WebServerTest.post(token, "/run", form);
      if (run.statusCode() != 303) {
        return new Result(seed, 0, null, null, "HTTP " + run.statusCode());
      }
      String at = run.headers().firstValue("Location").orElseThrow();
      String status = "";
      while (System.nanoTime() - t < 600_000_000_000L) {
        status = WebServerTest.get(token, at + "/status").body();
        if (!status.contains("QUEUED") && !status.contains("RUNNING")) {
          break;
        }
        Thread.sleep(50);
      }
      String page = WebServerTest.get(token, at).body();
      double seconds = (System.nanoTime() - t) / 1e9;
      if (!status.contains("DONE")) {
        return new Result(seed, seconds, null, null, status);
      }
      Matcher m =
          Pattern.compile("data-figure=\"net_saving_cash\" data-raw=\"([^\"]*)\"").matcher(page);
      String runJson = WebServerTest.get(token, at + "/files/run.json").body();
      return new Result(seed, seconds, m.find() ? m.group(1) : null, runJson, null);
    } catch (Exception e) {
      return new Result(seed, (System.nanoTime() - t0) / 1e9, null, null, e.toString());
    }
  }

  static double centile(List<Double> sorted, double p) {
    return sorted.get(Math.max(0, (int) Math.round(p * sorted.size()) - 1));
  }

  @Test
  void twentyUsersAtOnceEachGetTheirOwnResult() throws Exception {
    // Warm: the first runs load the classes and let the JIT compile the model.
    for (int i = 0; i < 2; i++) {
      assertThat(one(1).error()).isNull();
    }
    List<Double> alone = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      Result r = one(1);
      assertThat(r.error()).isNull();
      alone.add(r.seconds());
    }
    System.out.printf(
        Locale.ROOT,
        "web load: one user, warm, default with %s replications: first result in %.2f s, %.2f s,"
            + " %.2f s (%d cores)%n",
        REPLICATIONS,
        alone.get(0),
        alone.get(1),
        alone.get(2),
        Runtime.getRuntime().availableProcessors());

    ExecutorService browsers = Executors.newFixedThreadPool(USERS);
    long start = System.nanoTime();
    List<Future<Result>> futures = new ArrayList<>();
    for (int i = 0; i < USERS; i++) {
      long seed = 1 + i % 3;
      futures.add(browsers.submit(() -> one(seed)));
    }
    List<Result> results = new ArrayList<>();
    for (Future<Result> f : futures) {
      results.add(f.get(900, TimeUnit.SECONDS));
    }
    double wall = (System.nanoTime() - start) / 1e9;
    browsers.shutdownNow();

    List<Double> times = results.stream().map(Result::seconds).sorted().toList();
    System.out.printf(
        Locale.ROOT,
        "web load: %d users at once, default with %s replications: %.1f s in all, %.1f runs a"
            + " minute; time to result median %.1f s, 95th centile %.1f s, longest %.1f s%n",
        USERS,
        REPLICATIONS,
        wall,
        60 * USERS / wall,
        centile(times, 0.5),
        centile(times, 0.95),
        times.get(times.size() - 1));

    assertThat(results).allSatisfy(r -> assertThat(r.error()).as("seed %d", r.seed()).isNull());
    // No result mixed between users: each run's record names its own seed, each headline is the
    // first of its seed's, and the three seeds' headlines differ.
    java.util.Map<Long, String> first = new java.util.HashMap<>();
    for (Result r : results) {
      assertThat(r.runJson()).contains("\"seed\" : " + r.seed());
      assertThat(r.headline()).isNotNull();
      first.putIfAbsent(r.seed(), r.headline());
      assertThat(r.headline()).as("seed %d", r.seed()).isEqualTo(first.get(r.seed()));
    }
    assertThat(new HashSet<>(first.values())).hasSize(3);
  }
}
