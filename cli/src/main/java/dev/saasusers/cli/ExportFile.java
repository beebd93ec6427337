package dev.saasusers.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import dev.saasusers.common.http.JsonMapper;
import dev.saasusers.common.user.DirectoryUser;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * One export that {@code diff} reads: the jsonl or csv that {@code list} wrote for one vendor.
 * The format is told by the first byte ({@code '{'} is jsonl). The vendor is the csv's
 * {@code vendor} column, or for jsonl the one vendor whose model has every field of the first
 * user; {@code --vendor} settles it otherwise. Records are read in order with their byte
 * offsets, and again later by offset ({@link #readAt(long)}).
 */
final class ExportFile implements AutoCloseable {
  private static final ObjectMapper JSON = JsonMapper.standard();
  /** Without a schema, jackson-dataformat-csv reads a row as an array of its cells. */
  private static final ObjectReader CSV_ROW = new CsvMapper().readerFor(String[].class);

  final String label;
  final Path path;
  final boolean csv;
  final Vendor vendor;
  private final FileChannel channel;
  private final InputStream in;
  private final RecordScanner sequential;
  private final RecordScanner random;
  private final Map<String, Integer> header;
  /** For jsonl beside a csv: escape values as the csv writer did, so both compare alike. */
  private boolean escapeLikeCsv;
  private long records;

  private ExportFile(String label, Path path, FileChannel channel, InputStream in, boolean csv,
      Vendor vendor, Map<String, Integer> header, RecordScanner sequential) {
    this.label = label;
    this.path = path;
    this.channel = channel;
    this.in = in;
    this.csv = csv;
    this.vendor = vendor;
    this.header = header;
    this.sequential = sequential;
    this.random = new RecordScanner(Channels.newInputStream(channel), csv, 4096);
  }

  /**
   * Opens an export and reads enough of it to know its format and vendor.
   *
   * @param label OLD or NEW, for messages
   * @param path the file
   * @param vendor the vendor if the user said it, else null
   * @return the open export, positioned at its first user
   * @throws DiffException when it cannot be read or its vendor cannot be told
   */
  static ExportFile open(String label, Path path, Vendor vendor) {
    FileChannel channel;
    try {
      channel = FileChannel.open(path, StandardOpenOption.READ);
    } catch (NoSuchFileException e) {
      throw new DiffException(label + " " + path + " does not exist");
    } catch (IOException e) {
      throw new DiffException("cannot read " + label + " " + path + ": " + e.getMessage(), e);
    }
    InputStream in = null;
    try {
      if (Files.isDirectory(path)) {
        throw new DiffException(label + " " + path + " is a directory");
      }
      in = Files.newInputStream(path);
      int first = firstByte(path);
      boolean csv = first != '{';
      RecordScanner scanner = new RecordScanner(in, csv, 1 << 16);
      if (!csv) {
        return new ExportFile(label, path, channel, in, false, jsonlVendor(label, path, vendor),
            null, scanner);
      }
      if (!scanner.next()) {
        throw new DiffException(label + " " + path + " is empty: not an export");
      }
      String[] names = parseCsv(label, path, scanner, 1);
      if (names.length > 0 && names[0].startsWith("\uFEFF")) {
        names[0] = names[0].substring(1);
      }
      Map<String, Integer> header = new HashMap<>();
      for (int i = 0; i < names.length; i++) {
        header.putIfAbsent(names[i], i);
      }
      if (!header.containsKey("id")) {
        throw new DiffException(label + " " + path + " has no 'id' column (header: "
            + TerminalText.visible(String.join(",", names)) + "); export it with the default "
            + "--columns or include id");
      }
      return new ExportFile(label, path, channel, in, true, vendor, header, scanner)
          .withCsvVendor(vendor);
    } catch (IOException e) {
      close(channel, in);
      throw new DiffException("cannot read " + label + " " + path + ": " + e.getMessage(), e);
    } catch (RuntimeException e) {
      close(channel, in);
      throw e;
    }
  }

  private static int firstByte(Path path) throws IOException {
    try (InputStream in = Files.newInputStream(path)) {
      int b = in.read();
      while (b == ' ' || b == '\n' || b == '\r' || b == '\t') {
        b = in.read();
      }
      return b;
    }
  }

  /** The vendor named in the first row's vendor column, checked against {@code --vendor}. */
  private ExportFile withCsvVendor(Vendor given) throws IOException {
    Integer column = header.get("vendor");
    if (column == null) {
      if (given == null) {
        throw new DiffException(label + " " + path + " has no 'vendor' column; say which "
            + "vendor it is with --vendor");
      }
      return this;
    }
    try (InputStream peek = Files.newInputStream(path)) {
      RecordScanner first = new RecordScanner(peek, true, 4096);
      first.next(); // header
      if (!first.next()) {
        if (given == null) {
          throw new DiffException(label + " " + path + " has no users; say which vendor it is "
              + "with --vendor");
        }
        return this;
      }
      String name = cell(parseCsv(label, path, first, 2), column);
      Vendor found = Vendor.byId(name);
      if (found == null) {
        throw new DiffException(label + " " + path + " names vendor '"
            + TerminalText.visible(name) + "', which users-cli does not know");
      }
      if (given != null && given != found) {
        throw new DiffException(label + " " + path + " is a " + found.id() + " export, not "
            + given.id());
      }
      return new ExportFile(label, path, channel, in, true, found, header, sequential);
    }
  }

  private static Vendor jsonlVendor(String label, Path path, Vendor given) throws IOException {
    try (InputStream in = Files.newInputStream(path)) {
      RecordScanner first = new RecordScanner(in, false, 1 << 16);
      while (first.next()) {
        if (first.length() == 0) {
          continue;
        }
        JsonNode node = parseJson(label, path, first, 1);
        List<Vendor> fits = new ArrayList<>();
        for (Vendor v : Vendor.values()) {
          java.util.Set<String> fields = Columns.vendorFields(v).keySet();
          boolean all = node.has(v.idField());
          for (Iterator<String> it = node.fieldNames(); all && it.hasNext(); ) {
            all = fields.contains(it.next());
          }
          if (all) {
            fits.add(v);
          }
        }
        if (given != null && (fits.contains(given) || fits.isEmpty())) {
          return given;
        }
        if (given != null) {
          throw new DiffException(label + " " + path + " is a " + fits.get(0).id()
              + " export, not " + given.id());
        }
        if (fits.size() == 1) {
          return fits.get(0);
        }
        throw new DiffException("cannot tell the vendor of " + label + " " + path + " from its "
            + "fields (" + (fits.isEmpty() ? "none fits" : "fits " + fits) + "); say it with "
            + "--vendor");
      }
    }
    if (given != null) {
      return given;
    }
    throw new DiffException(label + " " + path + " has no users; say which vendor it is with "
        + "--vendor");
  }

  /** Makes this jsonl's values compare like a csv's (controls escaped as csv writes them). */
  void compareAsCsv() {
    escapeLikeCsv = !csv;
  }

  boolean hasEmail() {
    return !csv || header.containsKey("email");
  }

  boolean hasRoles() {
    return !csv || header.containsKey("roles");
  }

  boolean hasLicense() {
    return !csv || header.containsKey("license");
  }

  /** Users read so far by {@link #next()}. */
  long records() {
    return records;
  }

  /**
   * Reads the next user.
   *
   * @return the user, or null at the end; {@link #offset()} tells where it starts
   */
  ExportedUser next() {
    try {
      while (sequential.next()) {
        if (sequential.length() > 0) {
          records++;
          return decode(sequential, records + (csv ? 1 : 0));
        }
      }
      return null;
    } catch (IOException e) {
      throw new DiffException("cannot read " + label + " " + path + ": " + e.getMessage(), e);
    }
  }

  /** The byte offset of the user last returned by {@link #next()}. */
  long offset() {
    return sequential.offset();
  }

  /**
   * {@return the user that starts there}
   *
   * @param offset an {@link #offset()} seen earlier
   */
  ExportedUser readAt(long offset) {
    try {
      channel.position(offset);
      random.repositioned(offset);
      if (!random.next()) {
        throw new DiffException(label + " " + path + " changed while it was read");
      }
      return decode(random, -1);
    } catch (IOException e) {
      throw new DiffException("cannot read " + label + " " + path + ": " + e.getMessage(), e);
    }
  }

  private ExportedUser decode(RecordScanner record, long number) {
    if (csv) {
      String[] cells = parseCsv(label, path, record, number);
      String id = CsvCells.unguard(cell(cells, header.get("id")));
      if (id == null || id.isEmpty()) {
        throw new DiffException(label + " " + path + where(number) + " has no user id");
      }
      return new ExportedUser(id, csvCell(cells, "email"), csvCell(cells, "roles"),
          csvCell(cells, "license"));
    }
    Object model;
    DirectoryUser user;
    try {
      // Straight into the model: no tree per user (twice as fast on a million).
      model = JSON.readValue(record.bytes(), 0, record.length(), vendor.modelClass());
      if (model == null) {
        throw new DiffException(label + " " + path + where(number) + " is not a JSON object");
      }
      user = vendor.toDirectoryUser(model);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new DiffException(label + " " + path + where(number) + " is not a " + vendor.id()
          + " user: " + TerminalText.visible(e.getOriginalMessage()), e);
    } catch (IOException | RuntimeException e) {
      throw new DiffException(label + " " + path + where(number) + " is not a " + vendor.id()
          + " user: " + TerminalText.visible(e.getMessage()), e);
    }
    return new ExportedUser(user.id(), jsonValue(user.email()),
        jsonValue(String.join(";", user.roles())), jsonValue(vendor.license(model)));
  }

  private String jsonValue(String value) {
    return escapeLikeCsv ? TerminalText.visibleExceptLineBreaks(value) : value;
  }

  private String csvCell(String[] cells, String name) {
    Integer column = header.get(name);
    return column == null ? null : CsvCells.unguard(cell(cells, column));
  }

  private static String cell(String[] cells, int column) {
    return column < cells.length ? cells[column] : null;
  }

  private static String where(long number) {
    return number < 0 ? "" : " record " + number;
  }

  private static String[] parseCsv(String label, Path path, RecordScanner record, long number) {
    try {
      String[] cells = CSV_ROW.readValue(record.bytes(), 0, record.length());
      return cells == null ? new String[0] : cells;
    } catch (IOException e) {
      throw new DiffException(label + " " + path + where(number) + " is not csv: "
          + TerminalText.visible(String.valueOf(e.getMessage()).split("\n")[0]), e);
    }
  }

  private static JsonNode parseJson(String label, Path path, RecordScanner record, long number) {
    try {
      JsonNode node = JSON.readTree(record.bytes(), 0, record.length());
      if (node == null || !node.isObject()) {
        throw new DiffException(label + " " + path + where(number) + " is not a JSON object");
      }
      return node;
    } catch (IOException e) {
      throw new DiffException(label + " " + path + where(number) + " is not JSON: "
          + TerminalText.visible(e.getMessage().split("\n")[0]), e);
    }
  }

  private static void close(FileChannel channel, InputStream in) {
    try {
      channel.close();
      if (in != null) {
        in.close();
      }
    } catch (IOException ignored) {
      // Nothing is left to save.
    }
  }

  @Override
  public void close() {
    close(channel, in);
  }

  @Override
  public String toString() {
    return label + " " + path + " (" + vendor.id() + " " + (csv ? "csv" : "jsonl") + ")";
  }
}
