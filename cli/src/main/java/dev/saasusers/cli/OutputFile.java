package dev.saasusers.cli;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Objects;
import java.util.Properties;

/**
 * {@code --output FILE}: rows go to {@code FILE.partial} beside it, which is moved over FILE only
 * when the listing completes, so FILE is either the old file or a whole new one. After each page
 * the writer is flushed and the length of the partial file is noted with the page's checkpoint;
 * on failure the partial file is cut back to the last such length and the checkpoint is saved
 * beside it ({@code FILE.partial.checkpoint}), so that {@code --resume} appends exactly the users
 * that are missing, none twice.
 */
final class OutputFile implements AutoCloseable {
  /** What the partial file was written with; a resume must ask for the same. */
  record Shape(String vendor, String format, String columns, boolean formulaGuard) {
  }

  private final Path target;
  private final Path partial;
  private final Path checkpointFile;
  private final FileChannel channel;
  private final Writer writer;
  private final Shape shape;
  private long durableLength;
  private String durableCheckpoint;
  private long users;

  private OutputFile(Path target, Path partial, FileChannel channel, Shape shape,
      String checkpoint) throws IOException {
    this.target = target;
    this.partial = partial;
    this.checkpointFile = sidecar(partial);
    this.channel = channel;
    this.shape = shape;
    this.durableLength = channel.size();
    this.durableCheckpoint = checkpoint;
    channel.position(durableLength);
    this.writer = new BufferedWriter(
        new OutputStreamWriter(Channels.newOutputStream(channel), StandardCharsets.UTF_8), 1 << 16);
  }

  static Path partialOf(Path target) {
    return target.resolveSibling(target.getFileName() + ".partial");
  }

  private static Path sidecar(Path partial) {
    return partial.resolveSibling(partial.getFileName() + ".checkpoint");
  }

  /**
   * Opens the partial file before any request: a fresh one, or for {@code --resume} the one a
   * failed run left, after checking that it was left at that checkpoint with the same shape.
   *
   * @param target the {@code --output} path
   * @param resume the {@code --resume} checkpoint, or null for a fresh listing
   * @param shape vendor, format and columns of this run
   * @return the open output
   * @throws UsageException naming the path and the problem
   */
  static OutputFile open(Path target, String resume, Shape shape) {
    Path absolute = target.toAbsolutePath().normalize();
    Path dir = absolute.getParent();
    if (Files.isDirectory(absolute)) {
      throw new UsageException("--output " + target + " is a directory");
    }
    if (dir == null || !Files.isDirectory(dir)) {
      throw new UsageException("--output " + target + ": directory " + dir + " does not exist");
    }
    if (!Files.isWritable(dir)) {
      throw new UsageException("--output " + target + ": directory " + dir + " is not writable");
    }
    Path partial = partialOf(absolute);
    try {
      if (resume == null) {
        Files.deleteIfExists(sidecar(partial));
        FileChannel channel = FileChannel.open(partial, StandardOpenOption.CREATE,
            StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING);
        return new OutputFile(absolute, partial, channel, shape, null);
      }
      checkResumable(target, partial, resume, shape);
      FileChannel channel = FileChannel.open(partial, StandardOpenOption.WRITE);
      return new OutputFile(absolute, partial, channel, shape, resume);
    } catch (IOException e) {
      throw new UsageException("--output " + target + ": cannot write " + partial + " ("
          + e.getClass().getSimpleName() + ": " + e.getMessage() + ")");
    }
  }

  private static void checkResumable(Path target, Path partial, String resume, Shape shape)
      throws IOException {
    Path sidecar = sidecar(partial);
    if (!Files.exists(partial, LinkOption.NOFOLLOW_LINKS) || !Files.exists(sidecar)) {
      throw new UsageException("--resume with --output " + target + ": no partial result "
          + partial + " to continue; run without --resume to start over");
    }
    Properties saved = new Properties();
    try (Reader in = Files.newBufferedReader(sidecar, StandardCharsets.UTF_8)) {
      saved.load(in);
    }
    if (!resume.equals(saved.getProperty("checkpoint"))) {
      throw new UsageException("--resume checkpoint is not the one " + partial
          + " was left at; use the checkpoint its failed run printed");
    }
    Shape before = new Shape(saved.getProperty("vendor"), saved.getProperty("format"),
        saved.getProperty("columns"), Boolean.parseBoolean(saved.getProperty("formula-guard")));
    if (!before.equals(shape)) {
      throw new UsageException(partial + " was written as " + describe(before)
          + "; resume with the same vendor, --format, --columns and formula guard");
    }
  }

  private static String describe(Shape s) {
    return s.vendor() + " " + s.format() + " (columns " + s.columns() + ", formula guard "
        + (s.formulaGuard() ? "on" : "off") + ")";
  }

  /** Where the rows go. */
  Writer writer() {
    return writer;
  }

  /** Whether nothing was written yet, so a header is still due. */
  boolean isEmpty() {
    return durableLength == 0;
  }

  /**
   * Records that everything written so far (already flushed by the caller) ends at
   * {@code checkpoint}.
   */
  void pageWritten(String checkpoint, int usersOnPage) {
    flushWriter();
    durableLength = position();
    durableCheckpoint = checkpoint;
    users += usersOnPage;
  }

  /** Users written by this run up to the last noted page. */
  long users() {
    return users;
  }

  /** The partial file. */
  Path partial() {
    return partial;
  }

  /** The checkpoint that the partial file was last noted at, or null at the start. */
  String durableCheckpoint() {
    return durableCheckpoint;
  }

  /** The listing is complete: sync the partial file and move it over the target. */
  void commit() {
    try {
      flushWriter();
      channel.force(true);
      channel.close();
      try {
        Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING,
            StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING);
      }
      Files.deleteIfExists(checkpointFile);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot move " + partial + " to " + target, e);
    }
  }

  /**
   * The listing failed: cut the partial file back to the last noted page and save where it
   * stands, so {@code --resume checkpoint} continues it.
   *
   * @param checkpoint the checkpoint to continue from when no page of this run was noted
   * @return the checkpoint that matches the partial file, or null when there is none
   */
  String keepPartial(String checkpoint) {
    String at = durableCheckpoint != null ? durableCheckpoint : checkpoint;
    try {
      try {
        writer.flush();
      } catch (IOException ignored) {
        // What did not reach the file is cut away below anyway.
      }
      channel.truncate(durableLength);
      channel.force(true);
      channel.close();
      if (at != null) {
        Properties saved = new Properties();
        saved.setProperty("checkpoint", at);
        saved.setProperty("vendor", shape.vendor());
        saved.setProperty("format", shape.format());
        saved.setProperty("columns", shape.columns());
        saved.setProperty("formula-guard", Boolean.toString(shape.formulaGuard()));
        try (Writer out = Files.newBufferedWriter(checkpointFile, StandardCharsets.UTF_8)) {
          saved.store(out, "users-cli --resume point of " + partial.getFileName());
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot keep the partial result " + partial, e);
    }
    return at;
  }

  /**
   * The listing failed for good: remove the partial file and its checkpoint, so that no resume
   * is offered for a failure that resuming would repeat. The target is left as it was.
   */
  void discardPartial() {
    try {
      channel.close();
      Files.deleteIfExists(partial);
      Files.deleteIfExists(checkpointFile);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot remove the partial result " + partial, e);
    }
  }

  private void flushWriter() {
    try {
      writer.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private long position() {
    try {
      return channel.position();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    try {
      if (channel.isOpen()) {
        channel.close();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public String toString() {
    return Objects.toString(partial);
  }
}
