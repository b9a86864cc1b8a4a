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
 */
public record StartingPopulationSpec(
    String file,
    @Optional String sha256,
    @Optional Integer suppressBelow,
    @Optional Map<String, List<String>> clusters) {
  /** The default threshold of small-number suppression: counts of 1 to 4 are not published. */
  public static final int DEFAULT_SUPPRESS_BELOW = 5;

  public StartingPopulationSpec {
    suppressBelow = suppressBelow == null ? DEFAULT_SUPPRESS_BELOW : suppressBelow;
    clusters =
        clusters == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(clusters));
  }
}
