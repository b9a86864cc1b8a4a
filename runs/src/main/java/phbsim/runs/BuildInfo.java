package phbsim.runs;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/**
 * The version and the commit this build came from (runs/pom.xml fills in version.properties at
 * build time), for {@code phbsim --version} and the manifest.json of every output folder. Kept with
 * the run service, under every front end, so that the command line, the page and the Spark job
 * record the same version and commit for the same build.
 */
public final class BuildInfo {
  private static final Properties PROPERTIES = load();

  private BuildInfo() {}

  private static Properties load() {
    Properties p = new Properties();
    try (InputStream in = BuildInfo.class.getResourceAsStream("version.properties")) {
      if (in != null) {
        p.load(in);
      }
    } catch (IOException e) {
      // An unreadable resource is the same as none: the build says "unknown".
    }
    return p;
  }

  private static String value(String key) {
    String v = PROPERTIES.getProperty(key, "");
    // Unfiltered (a build that skipped resource filtering): a placeholder, not a value.
    return v.isBlank() || v.startsWith("${") ? "unknown" : v;
  }

  /** The project version, such as 0.1.0-SNAPSHOT. */
  public static String version() {
    return value("version");
  }

  /** The abbreviated commit, or "unknown" when built outside a git checkout. */
  public static String commit() {
    return value("commit");
  }

  /** Whether the checkout it was built from had uncommitted changes. */
  public static boolean dirty() {
    return "true".equals(value("dirty"));
  }

  /** "0.1.0-SNAPSHOT, commit ce5dd51" (and "with uncommitted changes" where so). */
  public static String describe() {
    return version() + ", commit " + commit() + (dirty() ? " with uncommitted changes" : "");
  }
}
