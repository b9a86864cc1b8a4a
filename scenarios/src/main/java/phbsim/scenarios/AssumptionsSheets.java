package phbsim.scenarios;

import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import phbsim.scenario.Price;
import phbsim.scenario.Scenario;

/**
 * The layout of an assumptions workbook, shared by the template that writes it ({@link
 * AssumptionsTemplate}) and the reader that turns it back into a scenario tree ({@link
 * AssumptionsWorkbook}): which sheet holds which top-level keys of a scenario, in which form (one
 * row per value, or a table with one row per item of a list), and what each value may be (its unit,
 * its valid range, Excel's data validation for it).
 */
final class AssumptionsSheets {
  /*
   * Design note. Units and ranges are not declared on the model's records (only @Price is); they
   * are read off the component's type and name here. The ranges are deliberately loose (a share
   * between 0 and 1, a rate or a price not below 0, a whole number for a count): Excel's check is
   * a first line that catches a typing slip, and the loader's own checks (the same for YAML and a
   * workbook) stay the authority. A test holds every shipped scenario's values to these ranges, so
   * the template never marks a shipped value as invalid.
   */

  /** What marks a workbook as a phbsim template: the first cell of its Readme sheet. */
  static final String MARK = "phbsim assumptions workbook";

  /** The layout's version, the second cell of the Readme sheet; a reader refuses another. */
  static final String VERSION = "format 1";

  static final String README = "Readme";

  /** The header of a sheet of one row per value. */
  static final List<String> VALUE_HEADER =
      List.of("YAML path", "Value", "Unit", "Price year", "Valid range", "Source", "Notes");

  /** The first column of a table's three header rows. */
  static final List<String> TABLE_LABELS = List.of("item", "unit", "valid range");

  /** How many rows a table has above its items. */
  static final int TABLE_HEADER_ROWS = 3;

  /** The header of a table's source column for value column {@code c}. */
  static final String SOURCE_OF = "source of ";

  static final String NOTES = "Notes";

  /**
   * A sheet of the workbook: its name, what it is about (for the Readme), the scenario's top-level
   * keys it holds, and whether it is a table (one row per item of the one list it holds).
   */
  record Part(String sheet, String about, List<String> keys, boolean table) {}

  /** The sheets in order; every top-level key of a scenario is on exactly one. */
  static final List<Part> PARTS =
      List.of(
          new Part(
              "About",
              "the scenario's name, description, start date and horizon, and a person-level"
                  + " starting population if it has one",
              List.of("name", "description", "startDate", "years", "startingPopulation"),
              false),
          new Part(
              "Segments",
              "population and segments: one row per segment of the caseload",
              List.of("segments"),
              true),
          new Part(
              "Services",
              "services and contracts: one row per service (teams, wards, crisis services, exits)",
              List.of("services"),
              true),
          new Part(
              "Pathway",
              "the pathway: one row per branch, the shares of people leaving a service",
              List.of("pathway"),
              true),
          new Part(
              "Primary care",
              "primary care: GP consultations and their cost",
              List.of("primaryCare"),
              false),
          new Part(
              "Budgets",
              "personal health budgets and their roll-out, set-up, planning and take-up",
              List.of("budgets"),
              false),
          new Part(
              "Prices",
              "prices and discounting: price year, price base, inflation, discount rate",
              List.of("money"),
              false),
          new Part(
              "Options",
              "options: one row per option, each with its changes to the scenario",
              List.of("options"),
              true),
          new Part(
              "Areas",
              "areas: one row per area run side by side, each with its scale and changes",
              List.of("areas"),
              true),
          new Part(
              "Uncertainty",
              "uncertainty: one row per value with a declared range or distribution and its source",
              List.of("uncertainty"),
              true));

  private AssumptionsSheets() {}

  /** The part holding top-level key {@code key}. */
  static Part partOf(String key) {
    for (Part p : PARTS) {
      if (p.keys().contains(key)) {
        return p;
      }
    }
    throw new IllegalStateException("no sheet holds the scenario's key " + key);
  }

  /** One step of a path: a key, or an index into a list. */
  record Step(String key, int index) {
    boolean isIndex() {
      return key == null;
    }
  }

  /**
   * The steps of a canonical path such as {@code segments[2].exitsPerYear.died}; null if it is not
   * one (a selector by id, a stray bracket, an empty key).
   */
  static List<Step> steps(String path) {
    List<Step> steps = new ArrayList<>();
    int i = 0;
    int n = path.length();
    if (n == 0) {
      return null;
    }
    while (i < n) {
      char c = path.charAt(i);
      if (c == '[') {
        int close = path.indexOf(']', i);
        if (close < 0) {
          return null;
        }
        String digits = path.substring(i + 1, close);
        if (!digits.matches("[0-9]{1,6}")) {
          return null;
        }
        steps.add(new Step(null, Integer.parseInt(digits)));
        i = close + 1;
        if (i < n && path.charAt(i) == '.') {
          i++;
          if (i == n) {
            return null;
          }
        }
      } else {
        int end = i;
        while (end < n && path.charAt(end) != '.' && path.charAt(end) != '[') {
          end++;
        }
        String key = path.substring(i, end).strip();
        if (key.isEmpty()) {
          return null;
        }
        steps.add(new Step(key, -1));
        i = end;
        if (i < n && path.charAt(i) == '.') {
          i++;
          if (i == n) {
            return null;
          }
        }
      }
    }
    return steps;
  }

  /** The Java type a canonical path leads to in a scenario, or null if the model has none there. */
  static Type typeAt(String path) {
    List<Step> steps = steps(path);
    if (steps == null) {
      return null;
    }
    Type type = Scenario.class;
    for (Step s : steps) {
      if (s.isIndex()) {
        if (!Shapes.isList(type)) {
          return null;
        }
        type = Shapes.listElement(type);
      } else if (Shapes.isRecord(type)) {
        RecordComponent c = Shapes.component(type, s.key());
        if (c == null) {
          return null;
        }
        type = c.getGenericType();
      } else if (Shapes.isMap(type)) {
        type = Shapes.mapValue(type);
      } else {
        return null;
      }
    }
    return type;
  }

  /** The record component a canonical path ends at, or null (a map entry, a list item). */
  static RecordComponent componentAt(String path) {
    String parent = Paths.parent(path);
    List<Step> steps = steps(path);
    if (parent == null || steps == null || steps.get(steps.size() - 1).isIndex()) {
      return null;
    }
    Type owner = parent.isEmpty() ? Scenario.class : typeAt(parent);
    if (owner == null || !Shapes.isRecord(owner)) {
      return null;
    }
    return Shapes.component(owner, steps.get(steps.size() - 1).key());
  }

  /** The last key of a path, the index's list's key for an item. */
  static String lastKey(String path) {
    List<Step> steps = steps(path);
    if (steps == null) {
      return "";
    }
    String key = "";
    for (Step s : steps) {
      if (!s.isIndex()) {
        key = s.key();
      }
    }
    return key;
  }

  /** What a value may be: a description, and an Excel formula (of cell {@code at}) or choices. */
  record Rule(String unit, String range, String formula, List<String> choices) {}

  /** The rule for the value at canonical path {@code path}, or null for text (anything goes). */
  static Rule rule(String path) {
    Type type = typeAt(path);
    if (type == null) {
      return null;
    }
    Class<?> c = Shapes.raw(type);
    RecordComponent component = componentAt(path);
    String unit = unit(path, component);
    if (c.isEnum()) {
      return new Rule(unit, "one of " + String.join(", ", Shapes.enumNames(c)), null, enums(c));
    }
    if (c == boolean.class || c == Boolean.class) {
      return new Rule(unit, "TRUE or FALSE", "ISLOGICAL(%1$s)", null);
    }
    if (c == LocalDate.class) {
      return new Rule(unit, "a date", "ISNUMBER(%1$s)", null);
    }
    boolean whole = c == int.class || c == Integer.class || c == long.class;
    boolean number = whole || c == double.class || c == Double.class;
    if (!number) {
      return null;
    }
    String key = lastKey(path);
    String lower = key.toLowerCase(Locale.ROOT);
    if (isShare(path, lower)) {
      return new Rule(unit, "0 to 1", "AND(ISNUMBER(%1$s),%1$s>=0,1>=%1$s)", null);
    }
    if (whole) {
      return new Rule(
          unit, "a whole number, 0 or more", "AND(ISNUMBER(%1$s),%1$s>=0,%1$s=INT(%1$s))", null);
    }
    if (mayBeNegative(lower)) {
      return new Rule(unit, "a number", "ISNUMBER(%1$s)", null);
    }
    return new Rule(unit, "0 or more", "AND(ISNUMBER(%1$s),%1$s>=0)", null);
  }

  private static List<String> enums(Class<?> c) {
    return Shapes.enumNames(c);
  }

  /** A share or a probability: between 0 and 1. */
  private static boolean isShare(String path, String lower) {
    return lower.endsWith("share")
        || lower.equals("acceptance")
        || lower.equals("rushedacceptance")
        || lower.equals("p")
        || lower.equals("q")
        || lower.equals("progressratio")
        || path.startsWith("pathway[") && path.contains("].to.");
  }

  /** Trends, effects and rates of change, which may fall as well as rise. */
  private static boolean mayBeNegative(String lower) {
    return lower.contains("trend")
        || lower.contains("effect")
        || lower.contains("growth")
        || lower.contains("percent")
        || lower.equals("low")
        || lower.equals("high")
        || lower.equals("amount");
  }

  /** The unit of a value, from its type and name: a price in pounds, a rate per year, days. */
  static String unit(String path, RecordComponent component) {
    String key = lastKey(path);
    String lower = key.toLowerCase(Locale.ROOT);
    if (component != null && component.isAnnotationPresent(Price.class)) {
      return lower.endsWith("perday")
          ? "£ a day"
          : lower.endsWith("peryear") ? "£ a year" : lower.endsWith("permonth") ? "£ a month" : "£";
    }
    if (path.contains(".exitsPerYear.") || path.contains(".waitingExitsPerYear.")) {
      return "per person-year";
    }
    if (path.startsWith("pathway[") && path.contains("].to.")) {
      return "share";
    }
    if (lower.endsWith("share")) {
      return "share";
    }
    if (lower.endsWith("percent")) {
      return "%";
    }
    if (lower.endsWith("days")) {
      return "days";
    }
    if (lower.endsWith("months")) {
      return "months";
    }
    if (lower.endsWith("peryear")) {
      return "a year";
    }
    if (lower.endsWith("permonth")) {
      return "a month";
    }
    if (lower.endsWith("perquarter")) {
      return "a quarter";
    }
    if (lower.equals("years")) {
      return "years";
    }
    if (lower.equals("posts")) {
      return "whole-time posts";
    }
    if (lower.equals("beds")) {
      return "beds";
    }
    if (lower.equals("population")) {
      return "people";
    }
    if (lower.equals("startingcaseload") || lower.equals("startingholders")) {
      return "people";
    }
    if (lower.equals("priceyear") || lower.equals("pricebase")) {
      return "financial year";
    }
    return "";
  }
}
