package phbsim.scenarios;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import phbsim.scenario.Optional;

/**
 * What the scenario records expect at each place in a file, read by reflection from their
 * components, so that the loader's key lists and type descriptions never drift from the model.
 * Supported shapes: records, {@code List<E>}, {@code Map<String, V>}, enums, {@link String}, {@link
 * LocalDate}, {@code int}/{@link Integer}, {@code double}/{@link Double}, {@code boolean}.
 */
final class Shapes {
  private Shapes() {}

  static Class<?> raw(Type type) {
    if (type instanceof Class<?> c) {
      return c;
    }
    if (type instanceof ParameterizedType p) {
      return (Class<?>) p.getRawType();
    }
    throw new IllegalArgumentException("unsupported type in a scenario record: " + type);
  }

  static boolean isRecord(Type type) {
    return raw(type).isRecord();
  }

  static boolean isList(Type type) {
    return List.class.equals(raw(type));
  }

  static boolean isMap(Type type) {
    return Map.class.equals(raw(type));
  }

  /** Records and maps: things a path can step into by key. */
  static boolean isKeyed(Type type) {
    return isRecord(type) || isMap(type);
  }

  static Type listElement(Type type) {
    return ((ParameterizedType) type).getActualTypeArguments()[0];
  }

  static Type mapValue(Type type) {
    return ((ParameterizedType) type).getActualTypeArguments()[1];
  }

  static List<RecordComponent> components(Type recordType) {
    return Arrays.asList(raw(recordType).getRecordComponents());
  }

  static RecordComponent component(Type recordType, String name) {
    for (RecordComponent c : raw(recordType).getRecordComponents()) {
      if (c.getName().equals(name)) {
        return c;
      }
    }
    return null;
  }

  static List<String> keys(Type recordType) {
    List<String> keys = new ArrayList<>();
    for (RecordComponent c : raw(recordType).getRecordComponents()) {
      keys.add(c.getName());
    }
    return keys;
  }

  static boolean isOptional(RecordComponent c) {
    return c.isAnnotationPresent(Optional.class);
  }

  /**
   * The component that identifies an item of a list of records for {@code --set list[name]}: its
   * {@code id}, or for pathway branches their {@code from}; null if items have neither.
   */
  static String identifyingKey(Type recordType) {
    if (component(recordType, "id") != null) {
      return "id";
    }
    return component(recordType, "from") != null ? "from" : null;
  }

  static List<String> enumNames(Class<?> enumType) {
    return Arrays.stream(enumType.getEnumConstants())
        .map(e -> ((Enum<?>) e).name())
        .collect(Collectors.toList());
  }

  /**
   * What text components name, where "text" alone would not help: most are references to ids. Keyed
   * by component name; the model's Javadoc is the authority (ServiceSpec, SegmentSpec, BranchSpec,
   * InpatientSpec), and a test keeps these names in step with the records.
   */
  static final Map<String, String> TEXT_MEANING =
      Map.of(
          "id", "a short id of letters, digits, '-' or '_', starting with a letter",
          "name", "a short name for the scenario",
          "team", "the id of the COMMUNITY service this segment's people belong to",
          "from", "the id of the service people leave",
          "whenFull", "out-of-area or the id of another INPATIENT service");

  /** What a value for this component looks like, in words. */
  static String describe(RecordComponent c) {
    if (c.getType() == String.class && TEXT_MEANING.containsKey(c.getName())) {
      return TEXT_MEANING.get(c.getName());
    }
    return describe(c.getGenericType());
  }

  /** What a value of this type looks like, in words, for "expected ..." messages. */
  static String describe(Type type) {
    Class<?> c = raw(type);
    if (c == int.class || c == Integer.class) {
      return "a whole number";
    }
    if (c == double.class || c == Double.class) {
      return "a number";
    }
    if (c == boolean.class || c == Boolean.class) {
      return "true or false";
    }
    if (c == String.class) {
      return "text";
    }
    if (c == LocalDate.class) {
      return "a date written YYYY-MM-DD, such as 2026-04-01";
    }
    if (c.isEnum()) {
      return "one of " + String.join(", ", enumNames(c));
    }
    if (c.isRecord()) {
      return "a map with keys " + String.join(", ", keys(type));
    }
    if (isList(type)) {
      return "a list (each item " + describe(listElement(type)) + ")";
    }
    if (isMap(type)) {
      return "a map of names to " + plural(describe(mapValue(type)));
    }
    return c.getSimpleName().toLowerCase(Locale.ROOT);
  }

  private static String plural(String description) {
    if (description.equals("a number")) {
      return "numbers";
    }
    if (description.equals("a whole number")) {
      return "whole numbers";
    }
    return "values (each " + description + ")";
  }
}
