package phbsim.writers;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Long printed lines wrapped at their spaces, worked by hand. */
class ProseTest {
  @Test
  @DisplayName("a line wider than the page wraps at its spaces, its continuation indented two more")
  void wraps() {
    String line = "  Sign rule: every difference is the status quo minus the option, so a positive";
    // 30 wide: "  Sign rule: every difference" is 29; the rest under it, 4 in
    assertThat(Prose.wrap(line, 30))
        .isEqualTo(
            "  Sign rule: every difference\n"
                + "    is the status quo minus\n"
                + "    the option, so a positive");
  }

  @Test
  @DisplayName("lines that fit pass unchanged, a word wider than the page is never cut")
  void fits() {
    assertThat(Prose.wrap("Total   (1.0)   2.0", 30)).isEqualTo("Total   (1.0)   2.0");
    String word = "x".repeat(40);
    assertThat(Prose.wrap("a few words and then " + word, 30))
        .isEqualTo("a few words and then " + word);
  }

  @Test
  @DisplayName("through a writer: every line within the width, every word once and in order")
  void writer() {
    StringWriter s = new StringWriter();
    String text =
        "Figures are means over 4 replications; [low to high] is the 95 % confidence interval of"
            + " the mean. The range of outcomes is wider.";
    try (PrintWriter out = new PrintWriter(new Prose(s, 40))) {
      out.println(text);
      out.println("short");
    }
    String[] lines = s.toString().split("\n");
    assertThat(lines).allMatch(l -> l.length() <= 40);
    assertThat(String.join(" ", lines).replaceAll(" +", " ")).isEqualTo(text + " short");
  }
}
