package phbsim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import phbsim.scenario.Scenario;
import phbsim.scenarios.BuiltInScenarios;

/**
 * A workbook with the template's content written by another library (issue 23 item 5): every cell
 * of the template copied, by its type, into a new workbook made with Apache POI (its own shared
 * strings, styles, date format and package; no data validation, widths or frozen panes), reads back
 * as the same scenario as the built-in.
 */
class WorkbookOtherWriterTest {
  @TempDir Path tmp;

  @ParameterizedTest
  @ValueSource(strings = {"default", "crisis-house"})
  @DisplayName("the template's content written by Apache POI reads as the same scenario")
  void writtenByPoi(String scenario) throws Exception {
    Path template = Workbooks.template(tmp, scenario);
    Path poi = tmp.resolve(scenario + "-poi.xlsx");
    try (InputStream in = Files.newInputStream(template);
        XSSFWorkbook from = new XSSFWorkbook(in);
        XSSFWorkbook to = new XSSFWorkbook()) {
      CellStyle date = to.createCellStyle();
      date.setDataFormat(to.getCreationHelper().createDataFormat().getFormat("yyyy-mm-dd"));
      int cells = 0;
      for (Sheet s : from) {
        Sheet t = to.createSheet(s.getSheetName());
        for (Row r : s) {
          Row tr = t.createRow(r.getRowNum());
          for (Cell c : r) {
            Cell tc = tr.createCell(c.getColumnIndex());
            switch (c.getCellType()) {
              case STRING -> tc.setCellValue(c.getStringCellValue());
              case BOOLEAN -> tc.setCellValue(c.getBooleanCellValue());
              case NUMERIC -> {
                tc.setCellValue(c.getNumericCellValue());
                if (DateUtil.isCellDateFormatted(c)) {
                  tc.setCellStyle(date);
                }
              }
              case BLANK -> {}
              default -> throw new AssertionError(c.getCellType() + " in the template");
            }
            cells++;
          }
        }
      }
      assertThat(cells).isGreaterThan(200);
      try (OutputStream out = Files.newOutputStream(poi)) {
        to.write(out);
      }
    }
    Scenario read = BuiltInScenarios.fileOrBuiltIn(poi.toString(), List.of());
    assertThat(read).isEqualTo(BuiltInScenarios.load(scenario));
  }
}
