package phbsim.scenarios;

/** Building and taking apart paths such as {@code segments[2].exitsPerYear.died}. */
final class Paths {
  private Paths() {}

  static String child(String parent, String key) {
    return parent.isEmpty() ? key : parent + "." + key;
  }

  static String item(String parent, int index) {
    return parent + "[" + index + "]";
  }

  /** The enclosing path, "" for a top-level key, null for the root itself. */
  static String parent(String path) {
    if (path.isEmpty()) {
      return null;
    }
    int cut = Math.max(path.lastIndexOf('.'), path.lastIndexOf('['));
    return cut < 0 ? "" : path.substring(0, cut);
  }

  /** Whether {@code path} is {@code ancestor} or lies under it. */
  static boolean isWithin(String path, String ancestor) {
    if (ancestor.isEmpty() || path.equals(ancestor)) {
      return true;
    }
    return path.startsWith(ancestor)
        && (path.charAt(ancestor.length()) == '.' || path.charAt(ancestor.length()) == '[');
  }
}
