package phbsim.population;

import java.util.concurrent.ConcurrentHashMap;

/**
 * The person-level starting populations this process has read, by the SHA-256 of their file.
 *
 * <p>Why a store keyed by fingerprint: a scenario is a value that is copied through YAML for every
 * option, area and what-if, and a scenario records its person-level file only by path and
 * fingerprint (StartingPopulationSpec). The loader, which does the reading, puts each file's people
 * here; the model finds them by the fingerprint, so every copy of the scenario names exactly the
 * same people, and a changed file cannot be mistaken for the one a scenario was checked against.
 */
public final class Caseloads {
  private static final ConcurrentHashMap<String, Caseload> BY_FINGERPRINT =
      new ConcurrentHashMap<>();

  private Caseloads() {}

  /** Keeps the people read from a file whose bytes have this SHA-256. */
  public static void put(String sha256, Caseload caseload) {
    BY_FINGERPRINT.put(sha256, caseload);
  }

  /** A segment's frailty fit, by file, segment and the scenario's variance. */
  private record FitKey(String sha256, String segment, double fallbackVariance) {}

  private static final ConcurrentHashMap<FitKey, FrailtyEstimate> FITS = new ConcurrentHashMap<>();

  /**
   * The frailty fitted to a segment's people in the file with this SHA-256 (FrailtyEstimate),
   * fitted once per process: every option, area, sweep point and parameter draw of a scenario
   * compiles the same people, and the fit depends only on them and the scenario's variance.
   */
  public static FrailtyEstimate frailty(String sha256, String segment, double fallbackVariance) {
    return FITS.computeIfAbsent(
        new FitKey(sha256, segment, fallbackVariance),
        k -> FrailtyEstimate.fit(get(sha256).crisisContactsOf(segment), fallbackVariance));
  }

  /** The people of the file with this SHA-256, or null if this process has not read it. */
  public static Caseload get(String sha256) {
    return sha256 == null ? null : BY_FINGERPRINT.get(sha256);
  }
}
