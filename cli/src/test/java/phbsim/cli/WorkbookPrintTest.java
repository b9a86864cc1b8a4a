package phbsim.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The workbook as a finance lead's desktop opens and prints it, in headless LibreOffice: its
 * formulas recalculated by LibreOffice give phbsim's figures, and printed to PDF it is a paper (the
 * Summary one page with its chart drawn, every sheet one page wide with its titles on every page).
 * The printed pages are kept in cli/target/desktop-artefacts/. Tagged "desktop":
 * scripts/install-test-tools.sh installs LibreOffice and poppler-utils (pdfinfo, pdftotext,
 * pdftoppm).
 */
@Tag("desktop")
class WorkbookPrintTest {
  @TempDir static Path tmp;
  private static Path workbook;

  /** Each sheet's rows as fastexcel-reader reads them: formulas with their cached values. */
  private static final Map<String, List<Row>> sheets = new LinkedHashMap<>();

  @BeforeAll
  static void run() throws IOException {
    Path out = tmp.resolve("run");
    // the shipped default over its own horizon, as a finance lead runs it first
    Cli r = Cli.run("run", "default", "-r", "4", "--quiet", "-o", out.toString());
    assertThat(r.exitCode()).as(r.err()).isZero();
    workbook = out.resolve("workbook.xlsx");
    try (ReadableWorkbook wb = new ReadableWorkbook(workbook.toFile())) {
      for (Sheet s : wb.getSheets().toList()) {
        sheets.put(s.getName(), s.read());
      }
    }
  }

  /** Page {@code page} of {@code pdf} as {@code to}.png, kept as a test artefact. */
  private static void pageImage(Path pdf, int page, Path to)
      throws IOException, InterruptedException {
    exec(
        List.of(
            "pdftoppm",
            "-png",
            "-r",
            "80",
            "-f",
            "" + page,
            "-l",
            "" + page,
            "-singlefile",
            pdf.toString(),
            to.toAbsolutePath().toString()));
  }

  private static String exec(List<String> command) throws IOException, InterruptedException {
    Process p = new ProcessBuilder(command).directory(tmp.toFile()).start();
    byte[] out = p.getInputStream().readAllBytes();
    p.getErrorStream().readAllBytes();
    assertThat(p.waitFor(300, TimeUnit.SECONDS)).as("%s finished", command.get(0)).isTrue();
    assertThat(p.exitValue()).as("%s exit", command).isZero();
    return new String(out, StandardCharsets.UTF_8);
  }

  /** LibreOffice with a profile of its own; {@code recalculate}: every formula on loading. */
  private static List<String> soffice(String profile, boolean recalculate, String... more)
      throws IOException {
    Path user = tmp.resolve(profile).resolve("user");
    Files.createDirectories(user);
    if (recalculate) {
      // Calc's setting "Recalculation on file load, Excel 2007 and newer": 0 is Always (its
      // default, Never, would show the cached values and prove nothing).
      Files.writeString(
          user.resolve("registrymodifications.xcu"),
          "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
              + "<oor:items xmlns:oor=\"http://openoffice.org/2001/registry\""
              + " xmlns:xs=\"http://www.w3.org/2001/XMLSchema\""
              + " xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\">"
              + "<item oor:path=\"/org.openoffice.Office.Calc/Formula/Load\">"
              + "<prop oor:name=\"OOXMLRecalcMode\" oor:op=\"fuse\"><value>0</value></prop>"
              + "</item></oor:items>\n");
    }
    List<String> c =
        new ArrayList<>(
            List.of(
                "soffice",
                "--headless",
                "--norestore",
                "-env:UserInstallation=" + tmp.resolve(profile).toUri()));
    c.addAll(List.of(more));
    return c;
  }

  /** The workbook with every formula's cached value taken out: what is left must be computed. */
  private static Path withoutCachedValues() throws IOException {
    Path stripped = tmp.resolve("stripped.xlsx");
    int removed = 0;
    try (ZipFile zip = new ZipFile(workbook.toFile());
        OutputStream os = Files.newOutputStream(stripped);
        ZipOutputStream out = new ZipOutputStream(os)) {
      for (ZipEntry e : Collections.list(zip.entries())) {
        byte[] bytes;
        try (InputStream in = zip.getInputStream(e)) {
          bytes = in.readAllBytes();
        }
        if (e.getName().startsWith("xl/worksheets/sheet")) {
          String xml = new String(bytes, StandardCharsets.UTF_8);
          String without = xml.replaceAll("</f><v>[^<]*</v>", "</f>");
          removed += (xml.length() - without.length());
          bytes = without.getBytes(StandardCharsets.UTF_8);
        }
        out.putNextEntry(new ZipEntry(e.getName()));
        out.write(bytes);
        out.closeEntry();
      }
    }
    assertThat(removed).as("cached values taken out").isPositive();
    return stripped;
  }

  private static List<String[]> csv(Path file) throws IOException {
    try (MappingIterator<String[]> it =
        new CsvMapper()
            .enable(CsvParser.Feature.WRAP_AS_ARRAY)
            .readerFor(String[].class)
            .readValues(file.toFile())) {
      return it.readAll();
    }
  }

  @Test
  @DisplayName(
      "LibreOffice recalculates every formula of the workbook, its cached values taken out, and"
          + " gets phbsim's figures")
  void libreOfficeRecalculatesPhbsimsFigures() throws Exception {
    Path stripped = withoutCachedValues();
    Path out = tmp.resolve("recalculated");
    Files.createDirectories(out);
    // every sheet to CSV (the last option, -1), values as stored, not as shown
    exec(
        soffice(
            "lo-recalculate",
            true,
            "--convert-to",
            "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1",
            "--outdir",
            out.toString(),
            stripped.toString()));
    int checked = 0;
    Map<String, Integer> bySheet = new LinkedHashMap<>();
    for (var sheet : sheets.entrySet()) {
      Path file = out.resolve("stripped-" + sheet.getKey() + ".csv");
      assertThat(file).exists();
      List<String[]> rows = csv(file);
      for (Row r : sheet.getValue()) {
        for (Cell c : r) {
          if (c == null || c.getType() != CellType.FORMULA) {
            continue;
          }
          double phbsim = Double.parseDouble(c.getRawValue());
          String[] line = rows.get(r.getRowNum() - 1);
          String theirs = c.getColumnIndex() < line.length ? line[c.getColumnIndex()] : "";
          assertThat(theirs)
              .as("%s!%s = %s, recalculated", sheet.getKey(), c.getAddress(), c.getFormula())
              .isNotBlank();
          assertThat(Double.parseDouble(theirs))
              .as("%s!%s = %s", sheet.getKey(), c.getAddress(), c.getFormula())
              .isCloseTo(phbsim, within(1e-6 * Math.max(1, Math.abs(phbsim))));
          checked++;
          bySheet.merge(sheet.getKey(), 1, Integer::sum);
        }
      }
    }
    // the totals and savings of the cash flow, the budget impact, and the summary's cash by year;
    // the savings of the monthly profile, the activity, the teams and the infrastructure
    assertThat(bySheet)
        .containsKeys(
            "Summary",
            "Cash flow",
            "Budget impact",
            "Monthly profile",
            "Activity",
            "Teams",
            "Infrastructure");
    assertThat(checked).isGreaterThan(200);
  }

  @Test
  @DisplayName(
      "printed to PDF: the Summary one page with its chart, every sheet one page wide with its"
          + " title and header on every page, the Cash flow's labels beside its numbers")
  void printsAsAPaper() throws Exception {
    Path out = tmp.resolve("pdf");
    Files.createDirectories(out);
    exec(
        soffice(
            "lo-pdf",
            false,
            "--convert-to",
            "pdf",
            "--outdir",
            out.toString(),
            workbook.toString()));
    Path pdf = out.resolve("workbook.pdf");
    String info = exec(List.of("pdfinfo", pdf.toString()));
    int pages = Integer.parseInt(info.replaceAll("(?s).*\\nPages:\\s+(\\d+).*", "$1").trim());
    // Each page's first line is the title of its sheet (the print titles repeat it).
    Map<String, String> titles = new LinkedHashMap<>();
    int rows = 0;
    for (var sheet : sheets.entrySet()) {
      titles.put(sheet.getValue().get(0).getCellText(0), sheet.getKey());
      rows += sheet.getValue().size();
    }
    Map<String, List<String>> pagesOf = new LinkedHashMap<>();
    for (int p = 1; p <= pages; p++) {
      // one space for every run of white space: a wrapped heading reads as one line
      String text =
          exec(List.of("pdftotext", "-f", "" + p, "-l", "" + p, pdf.toString(), "-"))
              .strip()
              .replaceAll("[ \t]+", " ");
      String first = text.substring(0, text.indexOf('\n'));
      assertThat(titles).as("page %d begins with a sheet's title: %s", p, first).containsKey(first);
      pagesOf.computeIfAbsent(titles.get(first), k -> new ArrayList<>()).add(text);
    }
    assertThat(pagesOf.keySet())
        .as("every sheet printed")
        .containsExactlyElementsOf(sheets.keySet());
    // The Summary: one page, and the chart drawn on it (its title is in no cell).
    assertThat(pagesOf.get("Summary")).hasSize(1);
    assertThat(pagesOf.get("Summary").get(0))
        .contains("Cumulative cash saving by year end, each option against the status quo")
        .contains("Net saving over the horizon, cash")
        .contains("Sign rule");
    // Fitted to width: each page holds its sheet's whole header, its first and last heading, so
    // no page carries numbers without their labels; the Cash flow's rows and its totals together.
    for (var sheet : pagesOf.entrySet()) {
      Row header = header(sheet.getKey());
      String firstHeading = header.getCellText(0);
      String lastHeading = header.getCellText(header.getCellCount() - 1);
      for (String page : sheet.getValue()) {
        assertThat(page.replaceAll("\\s+", " "))
            .as("%s: a page with its first and last heading", sheet.getKey())
            .contains(firstHeading)
            .contains(lastHeading);
      }
    }
    for (String page : pagesOf.get("Cash flow")) {
      assertThat(page)
          .contains("Cash flow by financial year, £000s") // the title whole, not "£00"
          .contains("Option")
          .contains("Total, CI high")
          .containsPattern("status quo|difference|option")
          .containsPattern("\\(\\d[\\d,]*\\.\\d\\)"); // a cost in brackets
    }
    // The bound: one page wide means a page takes at least 20 rows (a page of A4 landscape holds
    // about 35 at full size, more when a wide sheet is scaled to fit), plus each sheet's last.
    assertThat(pages)
        .as("pages for %d rows over %d sheets", rows, sheets.size())
        .isLessThanOrEqualTo(rows / 20 + sheets.size());
    // The printed pages kept: the PDF, and the Summary and the first Cash flow page as images.
    Path artefacts = Path.of("target", "desktop-artefacts");
    Files.createDirectories(artefacts);
    Files.copy(pdf, artefacts.resolve("workbook.pdf"), StandardCopyOption.REPLACE_EXISTING);
    int cashFlowPage =
        1
            + pagesOf.get("Summary").size()
            + pagesOf.getOrDefault("Options compared", List.of()).size();
    pageImage(pdf, 1, artefacts.resolve("workbook-summary"));
    pageImage(pdf, cashFlowPage, artefacts.resolve("workbook-cash-flow"));
    assertThat(artefacts.resolve("workbook-summary.png")).isNotEmptyFile();
    assertThat(artefacts.resolve("workbook-cash-flow.png")).isNotEmptyFile();
    System.out.printf(
        "workbook.pdf: %d pages for %d rows; by sheet %s%n",
        pages,
        rows,
        pagesOf.entrySet().stream().map(e -> e.getKey() + " " + e.getValue().size()).toList());
  }

  /** The sheet's first header row: the last of the rows its pages repeat. */
  private static Row header(String sheet) {
    // the header is the first row whose second cell is text and is not the merged years' row
    for (Row r : sheets.get(sheet)) {
      if (r.getCellCount() > 1
          && r.getCell(0) != null
          && r.getCell(1) != null
          && r.getCell(1).getType() == CellType.STRING
          && !r.getCellText(0).isEmpty()) {
        return r;
      }
    }
    throw new AssertionError(sheet + " has no header");
  }
}
