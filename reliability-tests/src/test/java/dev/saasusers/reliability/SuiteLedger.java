package dev.saasusers.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.saasusers.common.http.ClientListener;
import dev.saasusers.testing.FakeVendor;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The suite's books: faults injected, retries, users checked, lost and duplicated users, and
 * secrets. Every secret a test hands out is registered here; every log line (logback writes all
 * SLF4J output at TRACE to one file), CLI stdout/stderr, {@code toString()} and exception
 * message is scanned for them after each test class, which fails on a leak. When the whole run
 * ends, the one-line summary is printed.
 */
final class SuiteLedger implements BeforeAllCallback, AfterAllCallback {
  private static final Path LOG = Path.of(System.getProperty("fault.suite.log",
      "target/fault-suite/trace.log"));
  private static final Path SUMMARY = Path.of("target/fault-suite/summary.txt");

  private static final AtomicInteger FAULTS = new AtomicInteger();
  private static final AtomicInteger RETRIES = new AtomicInteger();
  private static final AtomicLong USERS = new AtomicLong();
  private static final AtomicLong LOST = new AtomicLong();
  private static final AtomicLong DUPLICATED = new AtomicLong();
  private static final Set<String> SECRETS = ConcurrentHashMap.newKeySet();
  private static final List<String> LEAKS = new ArrayList<>();
  private static final List<String[]> PENDING_TEXTS = new ArrayList<>();
  private static long scannedLogBytes;
  private static long scannedTexts;

  /** Counts retries of every client it is added to. */
  static final ClientListener RETRY_COUNTER = new ClientListener() {
    @Override
    public void onRetryScheduled(RetryScheduled event) {
      RETRIES.incrementAndGet();
    }
  };

  @Override
  public void beforeAll(ExtensionContext context) {
    // One summary per run: the root store closes its resources when the whole run ends.
    context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
        .getOrComputeIfAbsent(SuiteLedger.class, k -> new Summary(), Summary.class);
  }

  @Override
  public void afterAll(ExtensionContext context) {
    List<String> found = scan();
    assertTrue(found.isEmpty(), () -> "secret leaks after " + context.getDisplayName() + ": " + found);
  }

  /**
   * Registers a secret, with the encodings it could travel in (form/URL encoding, Basic auth).
   *
   * @param secret a key, token, client secret or password
   */
  static void secret(String secret) {
    if (secret == null || secret.length() < 6) {
      return;
    }
    SECRETS.addAll(formsOf(null, secret));
  }

  /**
   * Registers an OAuth2 client id and secret, including their HTTP Basic form.
   *
   * @param clientId the client id (not a secret itself)
   * @param clientSecret the secret
   */
  static void basicSecret(String clientId, String clientSecret) {
    if (clientSecret != null && clientSecret.length() >= 6) {
      SECRETS.addAll(formsOf(clientId, clientSecret));
    }
  }

  /**
   * Keeps a text the suite produced (CLI output, a {@code toString()}, an exception message) for
   * the secret scan.
   *
   * @param where what the text is, named in a leak report
   * @param text the text; null is ignored
   */
  static void text(String where, String text) {
    if (text != null) {
      synchronized (PENDING_TEXTS) {
        PENDING_TEXTS.add(new String[] {where, text});
      }
    }
  }

  /**
   * Records an exception's messages, down its cause chain, for the secret scan.
   *
   * @param where what produced it
   * @param e the exception
   */
  static void exception(String where, Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      text(where + " (" + t.getClass().getSimpleName() + ")", t.getMessage());
      text(where + " (" + t.getClass().getSimpleName() + ".toString)", t.toString());
    }
  }

  /**
   * Adds a fake's injected faults to the books.
   *
   * @param fake the fake vendor
   */
  static void faultsOf(FakeVendor fake) {
    FAULTS.addAndGet(fake.faults().injectedCount());
  }

  /**
   * Compares delivered ids with what the fake served, adds them to the books and asserts 0 lost
   * and 0 duplicated.
   *
   * @param what the listing, for the assertion message
   * @param delivered ids in delivery order
   * @param expected every id the fake holds
   */
  static void checkUsers(String what, List<String> delivered, Collection<String> expected) {
    Set<String> distinct = new HashSet<>(delivered);
    long duplicated = delivered.size() - distinct.size();
    Set<String> missing = new HashSet<>(expected);
    missing.removeAll(distinct);
    Set<String> unexpected = new HashSet<>(distinct);
    unexpected.removeAll(new HashSet<>(expected));
    USERS.addAndGet(delivered.size());
    LOST.addAndGet(missing.size());
    DUPLICATED.addAndGet(duplicated);
    assertEquals(0, missing.size(), what + ": lost users, e.g. " + missing.stream().limit(3).toList());
    assertEquals(0, duplicated, what + ": duplicated users");
    assertEquals(Set.of(), unexpected, what + ": users the fake never served");
    assertEquals(expected.size(), delivered.size(), what + ": user count");
  }

  /** Scans log lines and texts that arrived since the last scan; returns the new leaks. */
  static synchronized List<String> scan() {
    List<String> found = new ArrayList<>();
    List<String[]> texts;
    synchronized (PENDING_TEXTS) {
      texts = new ArrayList<>(PENDING_TEXTS);
      PENDING_TEXTS.clear();
    }
    for (String[] text : texts) {
      scannedTexts++;
      leakIn(text[0], text[1], found);
    }
    if (Files.exists(LOG)) {
      try (RandomAccessFile file = new RandomAccessFile(LOG.toFile(), "r")) {
        file.seek(scannedLogBytes);
        byte[] rest = new byte[(int) (file.length() - scannedLogBytes)];
        file.readFully(rest);
        // Whole lines only: a line still being written is scanned next time.
        int end = rest.length;
        while (end > 0 && rest[end - 1] != '\n') {
          end--;
        }
        scannedLogBytes += end;
        leakIn("SLF4J log " + LOG, new String(rest, 0, end, StandardCharsets.UTF_8), found);
      } catch (IOException e) {
        found.add("cannot read " + LOG + ": " + e);
      }
    }
    synchronized (LEAKS) {
      LEAKS.addAll(found);
    }
    return found;
  }

  private static void leakIn(String where, String text, List<String> found) {
    found.addAll(leaksIn(where, text, SECRETS));
  }

  /** The leaks of {@code secrets} in {@code text}, each named by where and the secret's start. */
  static List<String> leaksIn(String where, String text, Collection<String> secrets) {
    List<String> found = new ArrayList<>();
    for (String secret : secrets) {
      if (text.contains(secret)) {
        // Never print the secret itself: its first characters are enough to find it.
        found.add(where + " contains a secret starting '" + secret.substring(0, 4) + "'");
      }
    }
    return found;
  }

  /** The forms a secret is watched in: itself, URL/form encoded, and (with a client id) Basic. */
  static Set<String> formsOf(String clientId, String secret) {
    Set<String> forms = new HashSet<>();
    forms.add(secret);
    forms.add(URLEncoder.encode(secret, StandardCharsets.UTF_8));
    if (clientId != null) {
      forms.add(Base64.getEncoder().encodeToString(
          (clientId + ":" + secret).getBytes(StandardCharsets.UTF_8)));
    }
    return forms;
  }

  /** The one-line summary, printed (and written to target/fault-suite) when the run ends. */
  static String summary() {
    return "fault-suite: faults injected " + FAULTS.get() + ", retries " + RETRIES.get()
        + ", users checked " + USERS.get() + ", lost " + LOST.get() + ", duplicated "
        + DUPLICATED.get() + ", secret leaks " + LEAKS.size();
  }

  /** Prints the summary once, after every test class has run. */
  private static final class Summary
      implements ExtensionContext.Store.CloseableResource, AutoCloseable {
    @Override
    public void close() throws IOException {
      scan();
      String line = summary();
      System.out.println(line + " (secrets watched " + SECRETS.size() + ", texts scanned "
          + scannedTexts + ", log bytes scanned " + scannedLogBytes + ")");
      Files.createDirectories(SUMMARY.getParent());
      Files.writeString(SUMMARY, line + System.lineSeparator());
    }
  }
}
