package phbsim.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Random;
import java.util.function.Consumer;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.poifs.crypt.EncryptionInfo;
import org.apache.poi.poifs.crypt.EncryptionMode;
import org.apache.poi.poifs.crypt.Encryptor;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFCell;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Workbooks made in a test for the catalogue of workbook errors (docs/errors.md, "Assumptions
 * workbooks"): the template phbsim writes for {@code default}, edited with Apache POI (a library
 * phbsim does not use to read it) the way a finance lead might spoil it, or a file that is not a
 * template at all. Each recipe is named in the catalogue's "workbook" column.
 */
final class Workbooks {
  private Workbooks() {}

  /** The template of {@code scenario}, written by {@code phbsim template}. */
  static Path template(Path dir, String scenario) {
    Path out = dir.resolve(scenario + "-template.xlsx");
    if (!Files.exists(out)) {
      Cli t = Cli.run("template", scenario, "--out", out.toString());
      if (t.exitCode() != 0) {
        throw new IllegalStateException(t.err());
      }
    }
    return out;
  }

  /** The recipes by the name the catalogue gives them. */
  static final Map<String, Recipe> RECIPES =
      Map.ofEntries(
          Map.entry(
              "text-in-number",
              edit(wb -> value(wb, "Budgets", "budgets.planning.planners").setCellValue("two"))),
          Map.entry(
              "out-of-range",
              edit(wb -> value(wb, "Budgets", "budgets.restrictiveShare").setCellValue(1.5))),
          Map.entry(
              "deleted-row",
              edit(
                  wb -> {
                    Sheet s = wb.getSheet("About");
                    Row r = row(s, "years");
                    int n = r.getRowNum();
                    s.removeRow(r);
                    if (n < s.getLastRowNum()) {
                      s.shiftRows(n + 1, s.getLastRowNum(), -1);
                    }
                  })),
          Map.entry(
              "renamed-sheet", edit(wb -> wb.setSheetName(wb.getSheetIndex("Budgets"), "Budget"))),
          Map.entry(
              "duplicated-id",
              edit(wb -> wb.getSheet("Segments").getRow(4).getCell(1).setCellValue("common"))),
          Map.entry(
              "extra-row",
              edit(
                  wb -> {
                    Sheet s = wb.getSheet("Budgets");
                    Row r = s.createRow(s.getLastRowNum() + 1);
                    r.createCell(0).setCellValue("budgets.colour");
                    r.createCell(1).setCellValue("blue");
                  })),
          Map.entry(
              "formula-cached",
              edit(
                  wb -> {
                    Cell c = value(wb, "Budgets", "budgets.restrictiveShare");
                    c.setCellFormula("0.1+0.08");
                    wb.getCreationHelper().createFormulaEvaluator().evaluateFormulaCell(c);
                  })),
          Map.entry(
              "formula-uncached",
              edit(
                  wb -> {
                    XSSFCell c = (XSSFCell) value(wb, "Budgets", "budgets.restrictiveShare");
                    c.setCellFormula("0.1+0.08");
                    // As a program that writes formulas without calculating them leaves it.
                    if (c.getCTCell().isSetV()) {
                      c.getCTCell().unsetV();
                    }
                  })),
          Map.entry(
              "merged-cell",
              edit(
                  wb ->
                      wb.getSheet("Segments").addMergedRegion(CellRangeAddress.valueOf("C4:C5")))),
          Map.entry(
              "date-as-text",
              edit(wb -> value(wb, "About", "startDate").setCellValue("01/04/2026"))),
          Map.entry(
              "other-locale",
              edit(
                  wb ->
                      value(wb, "Budgets", "budgets.rollout.marketSize").setCellValue("1.234,5"))),
          Map.entry("other-xlsx", Workbooks::otherXlsx),
          Map.entry("password", Workbooks::password),
          Map.entry("xls", Workbooks::xls),
          Map.entry(
              "csv-renamed", (template, out) -> Files.writeString(out, "id,value\ncommon,396\n")),
          Map.entry("zip-bomb", Workbooks::zipBomb),
          Map.entry("over-size", Workbooks::overSize));

  /** Makes a workbook at {@code out} from the template at {@code template}. */
  interface Recipe {
    void make(Path template, Path out) throws Exception;
  }

  /** The file name a recipe's workbook is given (an .xls is named as one). */
  static String fileName(String recipe) {
    return recipe + (recipe.equals("xls") ? ".xls" : ".xlsx");
  }

  /** The template opened with POI, changed by {@code change} and saved. */
  static Recipe edit(Consumer<XSSFWorkbook> change) {
    return (template, out) -> {
      try (InputStream in = Files.newInputStream(template);
          XSSFWorkbook wb = new XSSFWorkbook(in)) {
        change.accept(wb);
        try (OutputStream o = Files.newOutputStream(out)) {
          wb.write(o);
        }
      }
    };
  }

  /** The row of a sheet of values whose YAML path (column A) is {@code path}. */
  static Row row(Sheet s, String path) {
    for (Row r : s) {
      Cell a = r.getCell(0);
      if (a != null && a.getCellType() == CellType.STRING && a.getStringCellValue().equals(path)) {
        return r;
      }
    }
    throw new IllegalArgumentException("no row " + path + " on " + s.getSheetName());
  }

  /** The Value cell (column B) of {@code path} on sheet {@code sheet}. */
  static Cell value(XSSFWorkbook wb, String sheet, String path) {
    Row r = row(wb.getSheet(sheet), path);
    Cell c = r.getCell(1);
    return c == null ? r.createCell(1) : c;
  }

  private static void otherXlsx(Path template, Path out) throws IOException {
    try (XSSFWorkbook wb = new XSSFWorkbook();
        OutputStream o = Files.newOutputStream(out)) {
      Row r = wb.createSheet("Budget 2026").createRow(0);
      r.createCell(0).setCellValue("Line");
      r.createCell(1).setCellValue(1000);
      wb.write(o);
    }
  }

  /** The template encrypted with a password, as Excel's "Encrypt with password" saves it. */
  private static void password(Path template, Path out) throws Exception {
    try (POIFSFileSystem fs = new POIFSFileSystem()) {
      EncryptionInfo info = new EncryptionInfo(EncryptionMode.agile);
      Encryptor enc = info.getEncryptor();
      enc.confirmPassword("finance");
      try (OutputStream os = enc.getDataStream(fs)) {
        Files.copy(template, os);
      }
      try (OutputStream o = Files.newOutputStream(out)) {
        fs.writeFilesystem(o);
      }
    }
  }

  private static void xls(Path template, Path out) throws IOException {
    try (HSSFWorkbook wb = new HSSFWorkbook();
        OutputStream o = Files.newOutputStream(out)) {
      wb.createSheet("Readme")
          .createRow(0)
          .createCell(0)
          .setCellValue("phbsim assumptions workbook");
      wb.write(o);
    }
  }

  /** The template with one more part: 200 MB of zeros, which deflate to about 200 kB. */
  private static void zipBomb(Path template, Path out) throws IOException {
    copyWith(
        template,
        out,
        zip -> {
          zip.putNextEntry(new ZipEntry("xl/media/image1.bin"));
          byte[] zeros = new byte[1 << 20];
          for (int i = 0; i < 200; i++) {
            zip.write(zeros);
          }
          zip.closeEntry();
        });
  }

  /** The template with 11 MB of random bytes stored beside it: over the 10 MB limit. */
  private static void overSize(Path template, Path out) throws IOException {
    copyWith(
        template,
        out,
        zip -> {
          byte[] noise = new byte[11 << 20];
          new Random(23).nextBytes(noise);
          ZipEntry e = new ZipEntry("xl/media/image1.bin");
          e.setMethod(ZipEntry.STORED);
          e.setSize(noise.length);
          CRC32 crc = new CRC32();
          crc.update(noise);
          e.setCrc(crc.getValue());
          zip.putNextEntry(e);
          zip.write(noise);
          zip.closeEntry();
        });
  }

  interface ZipExtra {
    void add(ZipOutputStream zip) throws IOException;
  }

  private static void copyWith(Path template, Path out, ZipExtra extra) throws IOException {
    try (ZipFile in = new ZipFile(template.toFile());
        ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(out))) {
      var entries = in.entries();
      while (entries.hasMoreElements()) {
        ZipEntry e = entries.nextElement();
        zip.putNextEntry(new ZipEntry(e.getName()));
        try (InputStream part = in.getInputStream(e)) {
          part.transferTo(zip);
        }
        zip.closeEntry();
      }
      extra.add(zip);
    }
  }
}
