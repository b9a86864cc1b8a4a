package phbsim.scenarios;

/**
 * A problem found while loading, before it is given its final place: {@code place} is null when the
 * place is to be looked up from the path, and {@code atKey} asks for the key's position rather than
 * the value's.
 */
record Finding(String path, String message, YamlTree.Place place, boolean atKey) {
  Finding(String path, String message, YamlTree.Place place) {
    this(path, message, place, false);
  }

  static Finding at(String path, String message) {
    return new Finding(path, message, null, false);
  }

  static Finding atKey(String path, String message) {
    return new Finding(path, message, null, true);
  }
}
