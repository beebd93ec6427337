package dev.saasusers.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.List;
import java.util.Locale;

/** Writes {@code diff}'s findings as a table for people or as jsonl, one change a line. */
abstract class DiffWriter implements UserDiff.Report {
  /** The formats diff writes. */
  enum Format { TABLE, JSONL }

  final Writer out;
  final String vendor;
  final List<UserDiff.Field> compared;

  DiffWriter(Writer out, String vendor, List<UserDiff.Field> compared) {
    this.out = out;
    this.vendor = vendor;
    this.compared = compared;
  }

  static DiffWriter of(Format format, Writer out, Vendor vendor, List<UserDiff.Field> compared) {
    return format == Format.JSONL ? new JsonLines(out, vendor.id(), compared)
        : new Table(out, vendor.id(), compared);
  }

  void start() {
  }

  void finish() {
    try {
      out.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String fieldName(UserDiff.Field field) {
    return field.name().toLowerCase(Locale.ROOT);
  }

  /**
   * {@code {"change":"changed","vendor":..,"id":..,"fields":["roles"],"old":{..},"new":{..}}};
   * added users have only {@code new}, removed only {@code old}. Values exact, JSON-escaped.
   */
  static final class JsonLines extends DiffWriter {
    private final JsonGenerator json;

    JsonLines(Writer out, String vendor, List<UserDiff.Field> compared) {
      super(out, vendor, compared);
      try {
        this.json = new ObjectMapper().getFactory().createGenerator(out)
            .setCharacterEscapes(SafeJsonEscapes.INSTANCE);
        json.setRootValueSeparator(null);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    @Override
    public void added(ExportedUser user) {
      write("added", user.id(), null, null, user);
    }

    @Override
    public void removed(ExportedUser user) {
      write("removed", user.id(), null, user, null);
    }

    @Override
    public void changed(ExportedUser before, ExportedUser after, List<UserDiff.Field> fields) {
      write("changed", after.id(), fields, before, after);
    }

    private void write(String change, String id, List<UserDiff.Field> fields, ExportedUser before,
        ExportedUser after) {
      try {
        json.writeStartObject();
        json.writeStringField("change", change);
        json.writeStringField("vendor", vendor);
        json.writeStringField("id", id);
        if (fields != null) {
          json.writeArrayFieldStart("fields");
          for (UserDiff.Field f : fields) {
            json.writeString(fieldName(f));
          }
          json.writeEndArray();
        }
        if (before != null) {
          json.writeFieldName("old");
          user(before);
        }
        if (after != null) {
          json.writeFieldName("new");
          user(after);
        }
        json.writeEndObject();
        json.flush();
        out.write('\n');
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    private void user(ExportedUser user) throws IOException {
      json.writeStartObject();
      for (UserDiff.Field f : compared) {
        switch (f) {
          case EMAIL -> json.writeStringField("email", nullIfEmpty(user.email()));
          case ROLES -> {
            json.writeArrayFieldStart("roles");
            for (String role : user.roleList()) {
              json.writeString(role);
            }
            json.writeEndArray();
          }
          case LICENSE -> json.writeStringField("license", nullIfEmpty(user.license()));
        }
      }
      json.writeEndObject();
    }

    private static String nullIfEmpty(String value) {
      return value.isEmpty() ? null : value;
    }
  }

  /** CHANGE, ID and one column per compared field; a changed field shows "old → new". */
  static final class Table extends DiffWriter {
    private final int[] widths;

    Table(Writer out, String vendor, List<UserDiff.Field> compared) {
      super(out, vendor, compared);
      widths = new int[2 + compared.size()];
      widths[0] = 8;
      widths[1] = 36;
      for (int i = 0; i < compared.size(); i++) {
        widths[2 + i] = compared.get(i) == UserDiff.Field.LICENSE ? 24 : 40;
      }
    }

    @Override
    void start() {
      String[] cells = new String[widths.length];
      cells[0] = "CHANGE";
      cells[1] = "ID";
      for (int i = 0; i < compared.size(); i++) {
        cells[2 + i] = fieldName(compared.get(i)).toUpperCase(Locale.ROOT);
      }
      print(cells);
    }

    @Override
    public void added(ExportedUser user) {
      print(row("added", user, null, null));
    }

    @Override
    public void removed(ExportedUser user) {
      print(row("removed", user, null, null));
    }

    @Override
    public void changed(ExportedUser before, ExportedUser after, List<UserDiff.Field> fields) {
      print(row("changed", after, before, fields));
    }

    private String[] row(String change, ExportedUser user, ExportedUser before,
        List<UserDiff.Field> fields) {
      String[] cells = new String[widths.length];
      cells[0] = change;
      cells[1] = RowWriter.Table.cell(user.id());
      for (int i = 0; i < compared.size(); i++) {
        UserDiff.Field f = compared.get(i);
        String now = RowWriter.Table.cell(UserDiff.value(user, f));
        cells[2 + i] = fields != null && fields.contains(f)
            ? RowWriter.Table.cell(UserDiff.value(before, f)) + " → " + now : now;
      }
      return cells;
    }

    private void print(String[] cells) {
      try {
        out.write(RowWriter.Table.line(cells, widths));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}
