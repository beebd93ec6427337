package dev.saasusers.benchmarks;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A loopback server for Datagrid and PandaDoc user pages that does almost no work per request:
 * each page size has one pre-serialized body, and only the 10-digit user numbers in the ids are
 * patched per request. The path prefix chooses the scenario: {@code /{delayMillis}/{totalUsers}/...}.
 */
final class LoopbackServer implements AutoCloseable {
  private static final int ID_DIGITS = 10;
  private static final String[] FIRST = {"Zoë", "José", "Łukasz", "Åsa", "Ann", "Björn", "Chloé", "Dmitri", "Fatima", "Søren"};
  private static final String[] LAST = {"Müller", "García", "O'Connor", "Kowalski", "Nowak", "Dubois", "Smith", "Okafor"};
  private static final String[] ROLES = {"admin", "member", "member", "member", "contributor"};

  private final HttpServer server;
  private final ExecutorService executor;
  private final Map<Integer, PageTemplate> datagridTemplates = new ConcurrentHashMap<>();
  private final Map<Integer, PageTemplate> pandadocTemplates = new ConcurrentHashMap<>();
  private final AtomicLong requests = new AtomicLong();

  static {
    // Without TCP_NODELAY the JDK server's separate header and body writes meet the client's
    // delayed ACK: about 40 ms a response, which would make the server the bottleneck.
    System.setProperty("sun.net.httpserver.nodelay", "true");
  }

  LoopbackServer() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 256);
    // Enough threads for 8 sleeping requests in flight plus the sequential clients.
    executor = Executors.newFixedThreadPool(24, r -> {
      Thread t = new Thread(r, "loopback-server");
      t.setDaemon(true);
      return t;
    });
    server.setExecutor(executor);
    server.createContext("/", this::handle);
    server.start();
  }

  /**
   * {@return base URL of a Datagrid-like API with {@code totalUsers} users and a delay per page}
   */
  String datagridBase(int delayMillis, long totalUsers) {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/" + delayMillis + "/" + totalUsers;
  }

  /**
   * {@return base URL of a PandaDoc-like API with {@code totalUsers} users and a delay per page}
   */
  String pandadocBase(int delayMillis, long totalUsers) {
    return datagridBase(delayMillis, totalUsers);
  }

  /** {@return requests answered so far, of any scenario} */
  long requests() {
    return requests.get();
  }

  private void handle(HttpExchange exchange) throws IOException {
    requests.incrementAndGet();
    try (exchange) {
      exchange.getRequestBody().readAllBytes();
      String[] parts = exchange.getRequestURI().getRawPath().split("/", 4);
      int delay = Integer.parseInt(parts[1]);
      long total = Long.parseLong(parts[2]);
      String rest = "/" + parts[3];
      Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
      byte[] body;
      if (rest.equals("/organization/users")) {
        int limit = Integer.parseInt(query.getOrDefault("limit", "50"));
        String after = query.get("after");
        long from = after == null ? 0 : Long.parseLong(after.substring(4)) + 1;
        long to = Math.min(total, from + limit);
        PageTemplate template = datagridTemplates.computeIfAbsent((int) (to - from),
            n -> PageTemplate.datagrid(n));
        body = template.render(from, "{\"object\":\"list\",\"data\":",
            ",\"has_more\":" + (to < total) + "}");
      } else if (rest.equals("/public/v1/users")) {
        int count = Integer.parseInt(query.getOrDefault("count", "50"));
        int page = Integer.parseInt(query.getOrDefault("page", "1"));
        long from = Math.min(total, (long) (page - 1) * count);
        long to = Math.min(total, from + count);
        PageTemplate template = pandadocTemplates.computeIfAbsent((int) (to - from),
            n -> PageTemplate.pandadoc(n));
        body = template.render(from, "{\"total\":" + total + ",\"results\":", "}");
      } else {
        exchange.sendResponseHeaders(404, -1);
        return;
      }
      if (delay > 0) {
        Thread.sleep(delay);
      }
      exchange.getResponseHeaders().set("Content-Type", "application/json");
      exchange.sendResponseHeaders(200, body.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (RuntimeException e) {
      exchange.sendResponseHeaders(500, -1);
    }
  }

  private static Map<String, String> query(String raw) {
    Map<String, String> map = new java.util.HashMap<>();
    if (raw != null) {
      for (String pair : raw.split("&")) {
        int eq = pair.indexOf('=');
        if (eq > 0) {
          map.put(pair.substring(0, eq), pair.substring(eq + 1));
        }
      }
    }
    return map;
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }

  /** A JSON array of {@code n} users with the offsets of each id's digits. */
  private static final class PageTemplate {
    private final byte[] array;
    private final int[] digitOffsets;

    private PageTemplate(byte[] array, int[] digitOffsets) {
      this.array = array;
      this.digitOffsets = digitOffsets;
    }

    static PageTemplate datagrid(int n) {
      return build(n, "usr_", (i, id) -> "{\"id\":\"" + id + "\",\"email\":\"" + email(i)
          + "\",\"first_name\":\"" + FIRST[i % FIRST.length] + "\",\"last_name\":\""
          + LAST[i % LAST.length].replace("'", "\\u0027") + "\",\"permissions\":{\"role\":\""
          + ROLES[i % ROLES.length] + "\"}"
          + (i % 5 == 0 ? ",\"avatar_url\":\"https://avatars.example.com/" + id + ".png\"" : "") + "}");
    }

    /** Ids of 22 characters, as PandaDoc's {@code user_id}, since the listing keeps them all. */
    static PageTemplate pandadoc(int n) {
      return build(n, "pdUser_Xq7K", (i, id) -> "{\"user_id\":\"" + id + "\",\"email\":\"" + email(i)
          + "\",\"first_name\":\"" + FIRST[i % FIRST.length] + "\",\"last_name\":\""
          + LAST[i % LAST.length] + "\",\"phone_number\":\"+14842634627\",\"license\":\"Full\","
          + "\"is_organization_owner\":false,\"workspaces\":[{\"role\":\"Member\","
          + "\"workspace_id\":\"fERpqZdFaF9dHVAeVxPFaV\",\"membership_id\":\"nPh2PDhFdDqAES9k64h9qX\"}]}");
    }

    private static String email(int i) {
      return "user.number" + i + "@example.com";
    }

    private static PageTemplate build(int n, String idPrefix,
        java.util.function.BiFunction<Integer, String, String> user) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      int[] offsets = new int[n];
      out.write('[');
      String placeholder = idPrefix + "0".repeat(ID_DIGITS);
      for (int i = 0; i < n; i++) {
        if (i > 0) {
          out.write(',');
        }
        byte[] json = user.apply(i, placeholder).getBytes(StandardCharsets.UTF_8);
        String text = new String(json, StandardCharsets.ISO_8859_1);
        offsets[i] = out.size() + text.indexOf(placeholder) + idPrefix.length();
        out.write(json, 0, json.length);
      }
      out.write(']');
      return new PageTemplate(out.toByteArray(), offsets);
    }

    /** {@return prefix + this array with ids numbered from {@code first} + suffix} */
    byte[] render(long first, String prefix, String suffix) {
      byte[] head = prefix.getBytes(StandardCharsets.US_ASCII);
      byte[] tail = suffix.getBytes(StandardCharsets.US_ASCII);
      byte[] body = new byte[head.length + array.length + tail.length];
      System.arraycopy(head, 0, body, 0, head.length);
      System.arraycopy(array, 0, body, head.length, array.length);
      System.arraycopy(tail, 0, body, head.length + array.length, tail.length);
      for (int i = 0; i < digitOffsets.length; i++) {
        long number = first + i;
        int end = head.length + digitOffsets[i] + ID_DIGITS;
        for (int d = 1; d <= ID_DIGITS; d++) {
          body[end - d] = (byte) ('0' + number % 10);
          number /= 10;
        }
      }
      return body;
    }
  }
}
