package dev.saasusers.cli;

import java.io.PrintStream;
import java.io.Writer;

/** A {@link Writer} over a {@link PrintStream}, in the stream's own charset (stdout's). */
final class PrintStreamWriter extends Writer {
  private final PrintStream out;

  PrintStreamWriter(PrintStream out) {
    this.out = out;
  }

  @Override
  public void write(char[] chars, int offset, int length) {
    out.print(new String(chars, offset, length));
  }

  @Override
  public void write(String text) {
    out.print(text);
  }

  @Override
  public void flush() {
    out.flush();
  }

  /** Leaves the stream open: it is stdout. */
  @Override
  public void close() {
    out.flush();
  }
}
