package dev.saasusers.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.saasusers.common.http.JsonMapper;
import dev.saasusers.common.user.DirectoryUser;
import java.io.PrintStream;
import java.io.UncheckedIOException;

/** Writes listed users to stdout in one format, one user at a time (nothing is buffered). */
abstract class RowWriter {
  /** The formats {@code --format} accepts. */
  enum Format { TABLE, CSV, JSONL }

  final PrintStream out;

  RowWriter(PrintStream out) {
    this.out = out;
  }

  static RowWriter of(Format format, PrintStream out) {
    switch (format) {
      case CSV:
        return new Csv(out);
      case JSONL:
        return new JsonLines(out);
      default:
        return new Table(out);
    }
  }

  void start() {
  }

  abstract void write(UserRow row);

  void finish() {
    out.flush();
  }

  static String roles(DirectoryUser user) {
    return String.join(";", user.roles());
  }

  /** The vendor's own JSON: the API's field names and values, one object per line. */
  static final class JsonLines extends RowWriter {
    private final ObjectMapper mapper = JsonMapper.standard();

    JsonLines(PrintStream out) {
      super(out);
    }

    @Override
    void write(UserRow row) {
      try {
        out.println(mapper.writeValueAsString(row.vendorModel()));
      } catch (JsonProcessingException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  /** The cross-vendor columns, quoted per RFC 4180. */
  static final class Csv extends RowWriter {
    Csv(PrintStream out) {
      super(out);
    }

    @Override
    void start() {
      out.print("vendor,id,email,first_name,last_name,roles,removed\r\n");
    }

    @Override
    void write(UserRow row) {
      DirectoryUser u = row.user();
      out.print(String.join(",", quote(u.vendor()), quote(u.id()), quote(u.email()),
          quote(u.firstName()), quote(u.lastName()), quote(roles(u)),
          quote(u.removed() == null ? null : u.removed().toString())) + "\r\n");
    }

    static String quote(String value) {
      if (value == null) {
        return "";
      }
      boolean needsQuotes = value.contains(",") || value.contains("\"") || value.contains("\n")
          || value.contains("\r");
      return needsQuotes ? "\"" + value.replace("\"", "\"\"") + "\"" : value;
    }
  }

  /** Fixed-width columns for people; long values are cut with an ellipsis. */
  static final class Table extends RowWriter {
    private static final String FORMAT = "%-9s  %-36s  %-34s  %-26s  %s%n";

    Table(PrintStream out) {
      super(out);
    }

    @Override
    void start() {
      out.printf(FORMAT, "VENDOR", "ID", "EMAIL", "NAME", "ROLES");
    }

    @Override
    void write(UserRow row) {
      DirectoryUser u = row.user();
      String name = ((u.firstName() == null ? "" : u.firstName()) + " "
          + (u.lastName() == null ? "" : u.lastName())).trim();
      if (name.isEmpty()) {
        name = null; // shown as "-", like other missing values (Polytomic has no names)
      }
      out.printf(FORMAT, u.vendor(), cut(u.id(), 36), cut(u.email(), 34), cut(name, 26),
          cut(roles(u), 40));
    }

    static String cut(String value, int width) {
      if (value == null) {
        return "-";
      }
      String oneLine = value.replaceAll("[\\r\\n\\t]", " ");
      return oneLine.length() <= width ? oneLine : oneLine.substring(0, width - 1) + "…";
    }
  }
}
