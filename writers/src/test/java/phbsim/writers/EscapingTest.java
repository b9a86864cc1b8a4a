package phbsim.writers;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Labels a user writes (an option's title, a service's label, a source) reach HTML, JSON inside a
 * script element and CSV; each is escaped for its format, checked against the escapes written by
 * hand and by reading the text back.
 */
class EscapingTest {
  private static final String NASTY = "Ward \"A\", <b>x</b> & 'y'\n</script><!-- z";

  @Test
  void htmlTextIsEscapedByHand() {
    assertThat(HtmlReport.escape(NASTY))
        .isEqualTo(
            "Ward &quot;A&quot;, &lt;b&gt;x&lt;/b&gt; &amp; &#39;y&#39;\n&lt;/script&gt;&lt;!-- z");
  }

  @Test
  void jsonInAScriptCannotCloseItAndReadsBackTheSame() throws Exception {
    ObjectMapper json = new ObjectMapper();
    String inScript = HtmlReport.inScript(json.writeValueAsString(Map.of("title", NASTY)));
    assertThat(inScript).doesNotContain("<");
    assertThat(json.readValue(inScript, Map.class)).isEqualTo(Map.of("title", NASTY));
  }

  @Test
  void csvCellsAreQuotedOnlyWhereTheyMustBeAndReadBackTheSame() throws Exception {
    StringWriter out = new StringWriter();
    Columns.MAPPER
        .writer(Columns.of("code", "title"))
        .writeValues(out)
        .writeAll(List.of(List.of("ward_a", NASTY), List.of("plain", "Plain title")));
    String text = out.toString();
    assertThat(text)
        .startsWith("code,title\n")
        .contains("ward_a,\"Ward \"\"A\"\", <b>x</b> & 'y'\n</script><!-- z\"\n")
        .endsWith("plain,Plain title\n");
    CsvMapper reader = new CsvMapper();
    reader.enable(CsvParser.Feature.WRAP_AS_ARRAY);
    try (MappingIterator<List<String>> rows =
        reader.readerForListOf(String.class).readValues(text)) {
      List<List<String>> all = rows.readAll();
      assertThat(all.get(1)).containsExactly("ward_a", NASTY);
    }
  }
}
