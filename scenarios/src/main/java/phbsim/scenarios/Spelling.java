package phbsim.scenarios;

import java.util.List;
import java.util.Locale;

/** Suggests the expected key nearest to a mistyped one ("did you mean ...?"). */
final class Spelling {
  private Spelling() {}

  /** The closest candidate within a few edits of {@code typed}, or null if none is close. */
  static String closest(String typed, List<String> candidates) {
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    String a = typed.toLowerCase(Locale.ROOT);
    for (String c : candidates) {
      int d = distance(a, c.toLowerCase(Locale.ROOT));
      if (d < bestDistance) {
        bestDistance = d;
        best = c;
      }
    }
    int allowed = Math.max(1, Math.min(3, typed.length() / 4));
    return bestDistance <= allowed ? best : null;
  }

  /** Levenshtein distance. */
  static int distance(String a, String b) {
    int[] previous = new int[b.length() + 1];
    int[] current = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      current[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        current[j] =
            Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
      }
      int[] swap = previous;
      previous = current;
      current = swap;
    }
    return previous[b.length()];
  }
}
