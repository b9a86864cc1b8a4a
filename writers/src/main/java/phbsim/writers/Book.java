package phbsim.writers;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import org.dhatim.fastexcel.Workbook;
import phbsim.writers.xlsx.PackageParts;

/**
 * A workbook being written: fastexcel writes its sheets into memory, then {@link PackageParts} adds
 * the formulas' cached values and the charts fastexcel cannot write, and the whole goes out.
 */
final class Book {
  private final ByteArrayOutputStream buffer = new ByteArrayOutputStream(1 << 20);
  private final OutputStream out;
  final Workbook workbook = new Workbook(buffer, "phbsim", "1.0");
  final PackageParts parts = new PackageParts();
  private int sheets;

  /** Which scenario the workbook is about: named in every sheet's title and basis; or null. */
  final Origin origin;

  Book(OutputStream out) {
    this(out, null);
  }

  Book(OutputStream out, Origin origin) {
    this.out = out;
    this.origin = origin;
  }

  /** The number of the next sheet, from 1: the number of its part in the package. */
  int nextSheet() {
    return ++sheets;
  }

  void finish() throws IOException {
    workbook.finish();
    parts.write(buffer.toByteArray(), out);
  }
}
