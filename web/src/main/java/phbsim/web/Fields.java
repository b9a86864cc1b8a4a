package phbsim.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import phbsim.scenario.Scenario;
import phbsim.scenario.ScenarioException;
import phbsim.scenarios.Explain;
import phbsim.scenarios.LoadProblem;
import phbsim.scenarios.ScenarioLoadException;
import phbsim.scenarios.ScenarioLoader;

/**
 * Each form field's unit and valid range, in the words of the loader and the scenario checks that
 * {@code phbsim validate} runs, so that the form and validate cannot disagree and no second table
 * of ranges is kept by hand. Design note: the checks are code, not a table, so the range of a value
 * is found by asking them: the value is set, on a copy of the scenario, to a number far below and
 * one far above anything valid (to text that is no number, for a value that is not one), and what
 * the checks say they expected there is its range ("expected 0 to 1 (a share)"). A price's unit is
 * the one the checks' limit on pence gives ("£ a bed day"), its price year is {@code explain}'s.
 * About 250 loads for the default scenario (6 to 12 seconds on one thread), so each scenario's
 * fields are worked out once and kept.
 */
final class Fields {
  /** A field's unit and range; neither is ever empty. */
  record Field(String unit, String range) {}

  private static final String LOW = "-2000000000";
  private static final String HIGH = "2000000000";

  /**
   * A price far above any that fits in pence once multiplied out (prices are not whole numbers).
   */
  private static final String HIGH_PRICE = "1000000000000000";

  private static final String NOT_A_NUMBER = "\"?\"";
  private static final Pattern PLAIN = Pattern.compile("^found [^;]*; expected (.*)$");
  private static final Pattern PRICE = Pattern.compile("^found £[0-9,]+ (.*?)(, for up to|,|;|$)");
  private static final Pattern NUMBER =
      Pattern.compile("-?[0-9][0-9_]*(\\.[0-9]+)?([eE][-+]?\\d+)?");
  private static final Pattern KIND = Pattern.compile("\\(an? ([^)]*)\\)$");

  private static final Map<String, Map<String, Field>> KEPT = new ConcurrentHashMap<>();

  private Fields() {}

  /**
   * The unit and range of each of {@code assumptions} (by path), for {@code loaded} as read from
   * {@code source}. For a person-level scenario a figure the checks quote in brackets (a segment's
   * head count, counted from the file) is left out.
   */
  static Map<String, Field> of(
      Runs.Source source, Scenario loaded, List<Explain.Assumption> assumptions) {
    String key =
        source.name()
            + "\u0000"
            + source.text().hashCode()
            + "\u0000"
            + source.text().length()
            + "\u0000"
            + source.personLevel();
    return KEPT.computeIfAbsent(key, k -> work(loaded, assumptions, source.personLevel()));
  }

  private static Map<String, Field> work(
      Scenario s, List<Explain.Assumption> assumptions, boolean personLevel) {
    // One after another: the project's rule keeps parallel streams out of its code.
    Map<String, Field> ordered = new LinkedHashMap<>();
    assumptions.forEach(a -> ordered.put(a.path(), field(s, a, personLevel)));
    return ordered;
  }

  static Field field(Scenario s, Explain.Assumption a, boolean personLevel) {
    boolean number = NUMBER.matcher(a.value()).matches();
    String low = expected(s, a.path(), number ? LOW : NOT_A_NUMBER);
    String high = number ? said(s, a.path(), a.priceYear().isEmpty() ? HIGH : HIGH_PRICE) : null;
    String highRange = high == null ? null : plain(high);
    String range = low;
    if (highRange != null && (range == null || !range.equals(highRange))) {
      range = range == null ? highRange : range + "; " + highRange;
    }
    if (range == null) {
      range = number ? "any number" : "any text";
    }
    if (personLevel) {
      range = range.replaceAll("\\s*\\([0-9][0-9,.]*\\)", "");
    }
    return new Field(unit(a, range, high, number), range);
  }

  private static String unit(Explain.Assumption a, String range, String high, boolean number) {
    if (!a.priceYear().isEmpty() && number) {
      Matcher m = high == null ? null : PRICE.matcher(high);
      return m != null && m.find() && !m.group(1).isBlank() ? "£ " + m.group(1) : "£";
    }
    String last = a.path().substring(a.path().lastIndexOf('.') + 1);
    if (range.startsWith("a financial year")) {
      return "financial year";
    }
    if (range.startsWith("a date")) {
      return "date";
    }
    if (range.equals("true or false")) {
      return "yes or no";
    }
    if (range.startsWith("one of ")) {
      return "choice";
    }
    Matcher kind = KIND.matcher(range);
    if (kind.find()) {
      return kind.group(1);
    }
    for (String word : List.of("people", "days", "months", "years", "posts", "beds")) {
      if (range.contains(" " + word)) {
        return word;
      }
    }
    if (!number) {
      return "text";
    }
    // The checks do not say: the setting's name does, as the scenario format writes them.
    if (last.endsWith("Percent")) {
      return "% a year";
    }
    if (last.endsWith("PerYear")) {
      return "a year";
    }
    if (last.endsWith("PerMonth")) {
      return "a month";
    }
    if (last.endsWith("Days")) {
      return "days";
    }
    if (last.endsWith("Months") || last.equals("months")) {
      return "months";
    }
    return "number";
  }

  /** What the checks expect at {@code path} when it is set to {@code probe}; null if nothing. */
  private static String expected(Scenario s, String path, String probe) {
    String said = said(s, path, probe);
    return said == null ? null : plain(said);
  }

  /** The "expected" part of a plain check message ("found X; expected Y"); null otherwise. */
  private static String plain(String message) {
    // Not a range: the limit on pence (the unit comes from it), or a rule about another setting.
    if (message.contains("can count in pence")
        || message.contains(" but the scenario ")
        || message.contains("for a service that runs today")) {
      return null;
    }
    Matcher m = PLAIN.matcher(message);
    return m.matches() ? m.group(1) : null;
  }

  /** The first problem the loader or the checks give at exactly {@code path}; null if none. */
  private static String said(Scenario s, String path, String probe) {
    try {
      ScenarioLoader.override(s, List.of(path + "=" + probe));
      return null;
    } catch (ScenarioLoadException e) {
      for (LoadProblem p : e.problems()) {
        if (p.path().equals(path)) {
          return p.message();
        }
      }
      return null;
    } catch (ScenarioException e) {
      for (var p : e.problems()) {
        if (p.path().equals(path)) {
          return p.message();
        }
      }
      return null;
    } catch (RuntimeException e) {
      return null;
    }
  }
}
