package phbsim.writers;

import java.io.FilterWriter;
import java.io.IOException;
import java.io.Writer;

/**
 * A CSV's writer that starts the file's opening note ({@code # what it holds. The basis...}) with
 * the scenario it is about: "# Scenario my-area.yaml (its own name: default), changed for this run
 * (--set): years=10. Activity per month...". Each CSV's writer says what its file holds; which
 * scenario they all hold is the run's, said once (Origin) and put in front of every note here. A
 * file that opens without a note gets the sentence as a note line of its own.
 */
final class OriginNote extends FilterWriter {
  private final Origin origin;
  private boolean started;

  OriginNote(Writer out, Origin origin) {
    super(out);
    this.origin = origin;
  }

  @Override
  public void write(int c) throws IOException {
    write(new char[] {(char) c}, 0, 1);
  }

  @Override
  public void write(String s, int off, int len) throws IOException {
    write(s.toCharArray(), off, len);
  }

  @Override
  public void write(char[] b, int off, int len) throws IOException {
    if (!started && len > 0) {
      started = true;
      if (len >= 2 && b[off] == '#' && b[off + 1] == ' ') {
        out.write("# " + origin.sentence() + ". ");
        off += 2;
        len -= 2;
      } else {
        out.write("# " + origin.sentence() + ".\n");
      }
    }
    out.write(b, off, len);
  }
}
