package phbsim.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class LoadProblemTest {
  @Test
  @DisplayName(
      "prints like a compiler: file:line:column: path: message, leaving out what is unknown")
  void printsLikeACompiler() {
    assertThat(
            new LoadProblem("file.yaml", 12, 5, "segments[0].referralsPerYear", "found -3.0")
                .toString())
        .isEqualTo("file.yaml:12:5: segments[0].referralsPerYear: found -3.0");
    assertThat(new LoadProblem("--set years=0", 0, 0, "years", "found 0").toString())
        .isEqualTo("--set years=0: years: found 0");
    assertThat(new LoadProblem("file.yaml", 3, 0, "", "is not valid YAML").toString())
        .isEqualTo("file.yaml:3: is not valid YAML");
  }
}
