package dev.saasusers.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import dev.saasusers.common.http.JsonMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.List;

/**
 * Writes listed users in one format, one user at a time; {@link #flush()} pushes what was
 * written so far to the underlying writer. Vendor values are untrusted: csv and table make
 * control and bidi-control characters visible, and csv neutralises formula cells; jsonl keeps
 * the vendor's values exact, as JSON escapes.
 */
abstract class RowWriter {
  /** The formats {@code --format} accepts. */
  enum Format { TABLE, CSV, JSONL }

  final Writer out;

  RowWriter(Writer out) {
    this.out = out;
  }

  /**
   * {@return the writer}
   *
   * @param format the output format
   * @param columns the columns of csv and table; ignored by jsonl
   * @param formulaGuard whether csv prefixes formula cells with {@code '}
   * @param out where rows go
   */
  static RowWriter of(Format format, List<Columns.Column> columns, boolean formulaGuard,
      Writer out) {
    switch (format) {
      case CSV:
        return new Csv(out, columns, formulaGuard);
      case JSONL:
        return new JsonLines(out);
      default:
        return new Table(out, columns);
    }
  }

  /** Writes the header, if the format has one. */
  void start() {
  }

  abstract void write(UserRow row);

  void flush() {
    try {
      out.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  final void print(String text) {
    try {
      out.write(text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The vendor's own JSON: the API's field names and values, one object per line. */
  static final class JsonLines extends RowWriter {
    private final ObjectWriter json = JsonMapper.standard().writer()
        .with(SafeJsonEscapes.INSTANCE);

    JsonLines(Writer out) {
      super(out);
    }

    @Override
    void write(UserRow row) {
      try {
        print(json.writeValueAsString(row.vendorModel()) + "\n");
      } catch (JsonProcessingException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  /**
   * RFC 4180 through jackson-dataformat-csv. Each cell has its control and bidi-control
   * characters made visible (line breaks stay, quoted) and, with the formula guard, a cell that
   * a spreadsheet would run as a formula gets a leading {@code '} (OWASP's CSV injection advice).
   */
  static final class Csv extends RowWriter {
    private final List<Columns.Column> columns;
    private final boolean formulaGuard;
    private final SequenceWriter rows;

    Csv(Writer out, List<Columns.Column> columns, boolean formulaGuard) {
      super(out);
      this.columns = columns;
      this.formulaGuard = formulaGuard;
      CsvSchema.Builder schema = CsvSchema.builder().setLineSeparator("\r\n").setUseHeader(false);
      columns.forEach(c -> schema.addColumn(c.name()));
      try {
        this.rows = new CsvMapper().writerFor(String[].class).with(schema.build())
            .writeValues(out);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    @Override
    void start() {
      writeRow(columns.stream().map(Columns.Column::name).toArray(String[]::new));
    }

    @Override
    void write(UserRow row) {
      Columns.Row view = new Columns.Row(row);
      String[] cells = new String[columns.size()];
      for (int i = 0; i < cells.length; i++) {
        cells[i] = CsvCells.clean(columns.get(i).value().apply(view), formulaGuard);
      }
      writeRow(cells);
    }

    private void writeRow(String[] cells) {
      try {
        rows.write(cells);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    @Override
    void flush() {
      try {
        rows.flush();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  /**
   * Columns for people, aligned by display width; long values are cut with an ellipsis and every
   * control or bidi-control character is shown as an escape, never sent to the terminal.
   */
  static final class Table extends RowWriter {
    private final List<Columns.Column> columns;

    Table(Writer out, List<Columns.Column> columns) {
      super(out);
      this.columns = columns;
    }

    @Override
    void start() {
      String[] cells = columns.stream()
          .map(c -> c.name().toUpperCase(java.util.Locale.ROOT)).toArray(String[]::new);
      print(line(cells));
    }

    @Override
    void write(UserRow row) {
      Columns.Row view = new Columns.Row(row);
      String[] cells = new String[columns.size()];
      for (int i = 0; i < cells.length; i++) {
        cells[i] = columns.get(i).value().apply(view);
      }
      print(line(cells));
    }

    private String line(String[] cells) {
      int[] widths = columns.stream().mapToInt(Columns.Column::tableWidth).toArray();
      for (int i = 0; i < cells.length; i++) {
        cells[i] = cell(cells[i]);
      }
      return line(cells, widths);
    }

    /**
     * {@return one table line, cells cut and padded by display width, with a line separator}
     *
     * @param cells cell texts, already made visible
     * @param widths each column's width; the last column is cut but not padded
     */
    static String line(String[] cells, int[] widths) {
      StringBuilder line = new StringBuilder();
      for (int i = 0; i < cells.length; i++) {
        String cell = DisplayWidth.cut(cells[i], widths[i]);
        boolean last = i == cells.length - 1;
        line.append(last ? cell : DisplayWidth.pad(cell, widths[i]) + "  ");
      }
      return line.append(System.lineSeparator()).toString();
    }

    static String cell(String value) {
      return value == null || value.isEmpty() ? "-" : TerminalText.visible(value);
    }
  }
}
