package phbsim.scenario;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A starting population read from a person-level file instead of head counts (docs/model.md section
 * 2): pseudonymised rows, one per person on a caseload on day 0.
 *
 * @param file the CSV file, relative to the scenario file (the loader writes it back as an absolute
 *     path, with its fingerprint)
 * @param sha256 the SHA-256 of the file's bytes, set by the loader when it reads the file; if a
 *     scenario gives it, the file must still have those bytes (default: not checked)
 * @param suppressBelow counts from 1 up to this figure less one are suppressed in every table
 *     written, with the cells that would let them be worked out (default 5; ASSUMPTION, see
 *     docs/sources.md [small-numbers])
 * @param clusters which care clusters make up each segment, by segment id, when the file gives a
 *     {@code cluster} column instead of {@code segment} (default: none)
 * @param disclosure the disclosure policy (docs/model.md section 2.4): {@value #SUPPRESSION}
 *     (default: counts from 1 to {@code suppressBelow} - 1 withheld, with what would let them be
 *     worked out) or {@value #NHS_ROUNDING} (the NHS convention: counts from 1 to 7 withheld, at
 *     least, and every other count rounded to the nearest 5, money derived from the rounded counts)
 */
public record StartingPopulationSpec(
    String file,
    @Optional String sha256,
    @Optional Integer suppressBelow,
    @Optional Map<String, List<String>> clusters,
    @Optional String disclosure) {
  /** The default threshold of small-number suppression: counts of 1 to 4 are not published. */
  public static final int DEFAULT_SUPPRESS_BELOW = 5;

  /** The default disclosure policy: cell suppression at {@code suppressBelow}. */
  public static final String SUPPRESSION = "suppression";

  /** The NHS convention: suppress 1 to 7, round every other count to the nearest 5. */
  public static final String NHS_ROUNDING = "nhs-rounding";

  /** A convenience for callers that take the default disclosure policy. */
  public StartingPopulationSpec(
      String file, String sha256, Integer suppressBelow, Map<String, List<String>> clusters) {
    this(file, sha256, suppressBelow, clusters, null);
  }

  /** Whether this population asks for the NHS convention (rounding to 5). */
  public boolean rounds() {
    return NHS_ROUNDING.equals(disclosure);
  }

  public StartingPopulationSpec {
    disclosure = disclosure == null ? SUPPRESSION : disclosure;
    suppressBelow = suppressBelow == null ? DEFAULT_SUPPRESS_BELOW : suppressBelow;
    clusters =
        clusters == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(clusters));
  }
}
