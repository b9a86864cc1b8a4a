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

  /** The people of the file with this SHA-256, or null if this process has not read it. */
  public static Caseload get(String sha256) {
    return sha256 == null ? null : BY_FINGERPRINT.get(sha256);
  }
}
