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
  void theReportTemplateEscapesEveryValue() throws Exception {
    // The report's template, given a heading and an assumption written to break out of HTML:
    // each reaches the page as text (escaped by the template engine, not by hand), and the text
    // a browser would show is the label itself.
    StringWriter out = new StringWriter();
    Map<String, Object> view = new java.util.HashMap<>();
    view.put("heading", NASTY);
    view.put("title", NASTY);
    view.put(
        "assumptions",
        List.of(new phbsim.scenarios.Explain.Assumption(NASTY, NASTY, "2026/27", NASTY)));
    view.put("data", "[]");
    HtmlReport.render("report.mustache", view, out);
    String page = out.toString();
    assertThat(page).doesNotContain("<b>x</b>").doesNotContain("</script><!-- z");
    String h1 = page.substring(page.indexOf("<h1>") + 4, page.indexOf("</h1>"));
    assertThat(h1).doesNotContain("<", ">", "\"").startsWith("Ward &quot;A&quot;, &lt;b&gt;");
    assertThat(org.jsoup.Jsoup.parse(page).selectFirst("h1").wholeText()).isEqualTo(NASTY);
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
