package phbsim.writers.xlsx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The cell references and the cached values, worked by hand. */
class PackagePartsTest {
  @Test
  @DisplayName("columns as a spreadsheet letters them: A..Z, AA..AZ, ZZ then AAA")
  void columns() {
    assertThat(Cells.column(0)).isEqualTo("A");
    assertThat(Cells.column(25)).isEqualTo("Z");
    assertThat(Cells.column(26)).isEqualTo("AA");
    assertThat(Cells.column(51)).isEqualTo("AZ");
    assertThat(Cells.column(701)).isEqualTo("ZZ"); // 26 + 26 * 26 - 1
    assertThat(Cells.column(702)).isEqualTo("AAA");
    assertThat(Cells.ref(11, 5)).isEqualTo("F12");
    assertThat(Cells.absolute("Summary", 18, 1, 18, 5)).isEqualTo("'Summary'!$B$19:$F$19");
    assertThat(Cells.onSheet("Bob's", "A1")).isEqualTo("'Bob''s'!A1");
  }

  @Test
  @DisplayName("a cached value goes beside its formula; a value with no formula cell is a fault")
  void cachedValues() {
    String xml =
        "<row r=\"3\"><c r=\"A3\" s=\"2\"><f>SUM(B3:C3)</f></c><c r=\"B3\"><v>1</v></c>"
            + "<c r=\"D3\"><f>B3-C3</f></c></row>";
    assertThat(PackageParts.withCachedValues(xml, Map.of("A3", 2.5), "sheet1"))
        .isEqualTo(
            "<row r=\"3\"><c r=\"A3\" s=\"2\"><f>SUM(B3:C3)</f><v>2.5</v></c><c r=\"B3\"><v>1</v>"
                + "</c><c r=\"D3\"><f>B3-C3</f></c></row>");
    assertThatThrownBy(() -> PackageParts.withCachedValues(xml, Map.of("B3", 1.0), "sheet1"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("1 cached values, 0 formula cells");
  }
}
