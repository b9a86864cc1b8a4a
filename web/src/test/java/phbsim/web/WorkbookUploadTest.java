package phbsim.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import phbsim.scenarios.AssumptionsTemplate;
import phbsim.scenarios.BuiltInScenarios;

/**
 * The page's upload takes an assumptions workbook (issue 23 item 6): the template of {@code
 * default} becomes a draft whose form shows the scenario's values, a workbook with a value out of
 * range is refused with the problem at its sheet and cell, and a file that is not a template gets
 * the one message the command line gives.
 */
class WorkbookUploadTest {
  @TempDir static Path tmp;

  @BeforeAll
  static void start() throws Exception {
    WebServerTest.server =
        WebServer.start("127.0.0.1", 0, 2, Duration.ofMinutes(5), WebServerTest.BUILD);
  }

  @AfterAll
  static void stop() {
    WebServerTest.server.close();
  }

  static byte[] template(String name) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    AssumptionsTemplate.write(name, BuiltInScenarios.text(name), BuiltInScenarios.load(name), out);
    return out.toByteArray();
  }

  /** The workbook with {@code from} replaced by {@code to} in part {@code part}. */
  static byte[] edited(byte[] book, String part, String from, String to) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int replaced = 0;
    // Through the central directory: fastexcel writes each part's sizes after its data, which a
    // ZipInputStream cannot read.
    Path file = java.nio.file.Files.createTempFile(tmp, "book", ".xlsx");
    java.nio.file.Files.write(file, book);
    try (java.util.zip.ZipFile in = new java.util.zip.ZipFile(file.toFile());
        ZipOutputStream zip = new ZipOutputStream(out)) {
      var entries = in.entries();
      while (entries.hasMoreElements()) {
        ZipEntry e = entries.nextElement();
        byte[] bytes;
        try (java.io.InputStream stream = in.getInputStream(e)) {
          bytes = stream.readAllBytes();
        }
        if (e.getName().equals(part)) {
          String xml = new String(bytes, StandardCharsets.UTF_8);
          assertThat(xml).contains(from);
          bytes = xml.replace(from, to).getBytes(StandardCharsets.UTF_8);
          replaced++;
        }
        zip.putNextEntry(new ZipEntry(e.getName()));
        zip.write(bytes);
        zip.closeEntry();
      }
    }
    assertThat(replaced).isOne();
    return out.toByteArray();
  }

  static HttpResponse<String> upload(String token, String fileName, byte[] content)
      throws Exception {
    String boundary = "b0undary" + System.nanoTime();
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    String head =
        "--"
            + boundary
            + "\r\nContent-Disposition: form-data; name=\"csrf\"\r\n\r\n"
            + token
            + "\r\n--"
            + boundary
            + "\r\nContent-Disposition: form-data; name=\"scenario\"; filename=\""
            + fileName
            + "\"\r\nContent-Type: application/vnd.openxmlformats-officedocument"
            + ".spreadsheetml.sheet\r\n\r\n";
    body.write(head.getBytes(StandardCharsets.UTF_8));
    body.write(content);
    body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    return WebServerTest.http.send(
        HttpRequest.newBuilder(URI.create(WebServerTest.url("/upload")))
            .header("Cookie", "phbsim_token=" + token)
            .header("Content-Type", "multipart/form-data; boundary=" + boundary)
            .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void theTemplateUploadsAsADraftWithTheScenariosValues() throws Exception {
    String token = WebServerTest.token();
    byte[] book =
        edited(
            template("default"),
            "xl/worksheets/sheet7.xml",
            "<v>0.18</v>",
            "<v>0.2</v>"); // budgets.restrictiveShare on the Budgets sheet
    var up = upload(token, "assumptions.xlsx", book);
    assertThat(up.statusCode()).as(up.body()).isEqualTo(303);
    String draft = up.headers().firstValue("Location").orElseThrow();
    var values = WebServerTest.formValues(WebServerTest.get(token, draft).body());
    var builtIn = WebServerTest.formValues(WebServerTest.get(token, "/").body());
    assertThat(values).containsEntry("budgets.restrictiveShare", "0.2");
    builtIn.put("budgets.restrictiveShare", "0.2");
    for (String k : List.of("name", "description")) {
      values.remove(k);
      builtIn.remove(k);
    }
    assertThat(values).containsExactlyInAnyOrderEntriesOf(builtIn);
  }

  @Test
  void aBadValueIsRefusedAtItsCellAndANonTemplateWithOneMessage() throws Exception {
    String token = WebServerTest.token();
    byte[] bad =
        edited(template("default"), "xl/worksheets/sheet7.xml", "<v>0.18</v>", "<v>1.5</v>");
    var up = upload(token, "assumptions.xlsx", bad);
    assertThat(up.statusCode()).isEqualTo(422);
    assertThat(WebServerTest.unescape(up.body()))
        .contains(
            "assumptions.xlsx:Budgets!B29: budgets.restrictiveShare: found 1.5; expected 0 to 1"
                + " (a share)")
        .doesNotContain(tmp.toString(), "phbsim-upload", "Exception");
    var csv = upload(token, "costs.xlsx", "id,value\n1,2\n".getBytes(StandardCharsets.UTF_8));
    assertThat(csv.statusCode()).isEqualTo(422);
    assertThat(WebServerTest.unescape(csv.body()))
        .contains("costs.xlsx: is not an Excel workbook (it is not an .xlsx package");
  }
}
