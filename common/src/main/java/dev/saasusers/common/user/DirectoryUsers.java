package dev.saasusers.common.user;

import dev.saasusers.common.http.SdkException;
import dev.saasusers.common.paging.CloseableIterator;
import dev.saasusers.common.paging.Page;
import dev.saasusers.common.paging.PagedIterable;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * The users of several vendors as one listing with one checkpoint: each directory's
 * {@link UserDirectory#directoryUsers()} in the order given, every user once.
 *
 * <pre>{@code
 * DirectoryUsers everyone = DirectoryUsers.of(polytomic, datagrid, pandadoc, podero);
 * try {
 *   everyone.forEach(sink::write);
 * } catch (SdkException e) {
 *   e.checkpoint().ifPresent(store::save);   // later: everyone.resumeFrom(saved)
 * }
 * }</pre>
 *
 * <p>The checkpoint holds the vendor being listed and that vendor's own checkpoint (the vendors
 * before it are done), so resuming continues inside that vendor's listing, with no user lost or
 * repeated. It is tied to the list of vendor ids: a checkpoint of another list is refused.
 * Lazy and immutable: nothing is fetched until iteration starts, and {@link #resumeFrom} returns
 * a new listing.
 */
public final class DirectoryUsers implements Iterable<DirectoryUser> {
  private static final String PREFIX = "directory";
  private static final String VERSION = "v1";

  private final List<UserDirectory> directories;
  /** The vendor to start at, and where inside its listing; null for its start. */
  private final int startIndex;
  private final String startCheckpoint;

  private DirectoryUsers(List<UserDirectory> directories, int startIndex, String startCheckpoint) {
    this.directories = directories;
    this.startIndex = startIndex;
    this.startCheckpoint = startCheckpoint;
  }

  /**
   * Lists the users of several vendors, one after another.
   *
   * @param directories the vendor clients, each at most once
   * @return the combined listing; nothing is fetched yet
   * @throws IllegalArgumentException when none is given or a vendor id repeats
   */
  public static DirectoryUsers of(UserDirectory... directories) {
    return of(List.of(directories));
  }

  /**
   * Lists the users of several vendors, one after another.
   *
   * @param directories the vendor clients, each at most once
   * @return the combined listing; nothing is fetched yet
   * @throws IllegalArgumentException when the list is empty or a vendor id repeats
   */
  public static DirectoryUsers of(List<? extends UserDirectory> directories) {
    List<UserDirectory> copy = List.copyOf(directories);
    if (copy.isEmpty()) {
      throw new IllegalArgumentException("no directory to list: give at least one vendor client");
    }
    List<String> ids = new ArrayList<>();
    for (UserDirectory directory : copy) {
      String id = directory.vendorId();
      if (ids.contains(id)) {
        // Two clients of one vendor would make the checkpoint ambiguous.
        throw new IllegalArgumentException("vendor '" + id + "' is given twice");
      }
      ids.add(id);
    }
    return new DirectoryUsers(copy, 0, null);
  }

  /** {@return the vendor ids, in listing order} */
  public List<String> vendorIds() {
    return directories.stream().map(UserDirectory::vendorId).collect(Collectors.toList());
  }

  /**
   * Continues a listing from a checkpoint of the same vendors (from an exception's
   * {@code checkpoint()} or a page's {@link DirectoryPage#checkpoint()}).
   *
   * @param checkpoint the combined checkpoint
   * @return a listing that starts there
   * @throws IllegalArgumentException naming what is wrong with the checkpoint, before any request
   */
  public DirectoryUsers resumeFrom(String checkpoint) {
    if (checkpoint == null || checkpoint.isBlank()) {
      throw new IllegalArgumentException("checkpoint is empty");
    }
    String[] parts = checkpoint.split("\\.", 5);
    if (parts.length != 5 || !parts[0].equals(PREFIX)) {
      throw new IllegalArgumentException("not a checkpoint of several vendors (expected "
          + PREFIX + "." + VERSION + ".<vendors>.<index>.<checkpoint>): '" + abbreviate(checkpoint)
          + "'");
    }
    if (!parts[1].equals(VERSION)) {
      throw new IllegalArgumentException("checkpoint version '" + parts[1]
          + "' is not supported (expected " + VERSION + ")");
    }
    String vendors = String.join("+", vendorIds());
    if (!parts[2].equals(vendors)) {
      throw new IllegalArgumentException("checkpoint is for the vendors " + parts[2]
          + ", not " + vendors);
    }
    int index;
    try {
      index = Integer.parseInt(parts[3]);
    } catch (NumberFormatException e) {
      index = -1;
    }
    if (index < 0 || index >= directories.size()) {
      throw new IllegalArgumentException("checkpoint vendor index '" + abbreviate(parts[3])
          + "' is not one of 0.." + (directories.size() - 1));
    }
    String inner;
    try {
      inner = new String(Base64.getUrlDecoder().decode(parts[4]), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("checkpoint position is not base64url: '"
          + abbreviate(parts[4]) + "'");
    }
    String vendorCheckpoint = inner.isEmpty() ? null : inner;
    if (vendorCheckpoint != null) {
      directories.get(index).directoryUsers().resumeFrom(vendorCheckpoint); // checked now, by the vendor
    }
    return new DirectoryUsers(directories, index, vendorCheckpoint);
  }

  /**
   * {@inheritDoc}
   *
   * <p>A failure is an {@link SdkException} whose checkpoint, when it has one, is the combined
   * checkpoint for {@link #resumeFrom}.
   */
  @Override
  public CloseableIterator<DirectoryUser> iterator() {
    Iterator<DirectoryPage> pages = pages().iterator();
    return new CloseableIterator<>() {
      private Iterator<DirectoryUser> current = List.<DirectoryUser>of().iterator();

      @Override
      public boolean hasNext() {
        while (!current.hasNext() && pages.hasNext()) {
          current = pages.next().users().iterator();
        }
        return current.hasNext();
      }

      @Override
      public DirectoryUser next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        return current.next();
      }

      @Override
      public void close() {
        ((CloseableIterator<DirectoryPage>) pages).close();
      }
    };
  }

  /** {@return the users as a sequential stream; close it to release a listing stopped early} */
  public Stream<DirectoryUser> stream() {
    CloseableIterator<DirectoryUser> it = iterator();
    return StreamSupport.stream(Spliterators.spliteratorUnknownSize(it,
        Spliterator.ORDERED | Spliterator.NONNULL), false).onClose(it::close);
  }

  /**
   * The listing page by page, each with the combined checkpoint that resumes after it.
   *
   * @return the pages of every vendor in order; lazy
   */
  public Iterable<DirectoryPage> pages() {
    return () -> new PageRun();
  }

  /**
   * One page of one vendor's listing, with the checkpoint of the whole listing after it.
   *
   * @param vendorId the vendor the page came from
   * @param page the vendor's page, with its own raw response and consistency
   * @param checkpoint resumes the combined listing right after this page
   */
  public record DirectoryPage(String vendorId, Page<DirectoryUser> page, String checkpoint) {
    /** {@return the users of the page} */
    public List<DirectoryUser> users() {
      return page.items();
    }
  }

  private String encode(int index, String vendorCheckpoint) {
    String inner = vendorCheckpoint == null ? "" : vendorCheckpoint;
    return PREFIX + "." + VERSION + "." + String.join("+", vendorIds()) + "." + index + "."
        + Base64.getUrlEncoder().withoutPadding().encodeToString(inner.getBytes(StandardCharsets.UTF_8));
  }

  private static String abbreviate(String text) {
    return text.length() <= 40 ? text : text.substring(0, 40) + "...";
  }

  /** Walks the vendors in order; one vendor's page iterator open at a time. */
  private final class PageRun implements CloseableIterator<DirectoryPage> {
    private int index = startIndex;
    private String resume = startCheckpoint;
    private CloseableIterator<Page<DirectoryUser>> vendorPages;

    @Override
    public boolean hasNext() {
      try {
        while (index < directories.size()) {
          if (vendorPages == null) {
            PagedIterable<DirectoryUser> listing = directories.get(index).directoryUsers();
            // pages() hands out a CloseableIterator on every call (PagedIterable's contract).
            vendorPages = (CloseableIterator<Page<DirectoryUser>>)
                (resume == null ? listing : listing.resumeFrom(resume)).pages().iterator();
          }
          if (vendorPages.hasNext()) {
            return true;
          }
          vendorPages.close();
          vendorPages = null;
          index++;
          resume = null;
        }
        return false;
      } catch (SdkException e) {
        // The vendor's checkpoint, if it offers one, becomes the combined one.
        throw e.checkpoint().map(c -> e.withCheckpoint(encode(index, c))).orElse(e);
      }
    }

    @Override
    public DirectoryPage next() {
      if (!hasNext()) {
        throw new NoSuchElementException();
      }
      Page<DirectoryUser> page = vendorPages.next();
      resume = page.checkpoint();
      return new DirectoryPage(directories.get(index).vendorId(), page, encode(index, resume));
    }

    @Override
    public void close() {
      if (vendorPages != null) {
        vendorPages.close();
        vendorPages = null;
      }
      index = directories.size();
    }
  }

  @Override
  public String toString() {
    return "DirectoryUsers" + vendorIds();
  }
}
