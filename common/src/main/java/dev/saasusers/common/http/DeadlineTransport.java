package dev.saasusers.common.http;

import feign.Client;
import feign.Request;
import feign.Response;
import java.io.Closeable;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.net.HttpURLConnection;
import java.net.URL;
import java.nio.charset.Charset;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Bounds each attempt, connect to last byte, by its {@link Attempt#deadline()}. Read timeouts
 * alone do not: a server that drips one byte a second resets them forever. A watchdog fires at
 * the deadline and cuts the exchange off (it disconnects the SDK's default
 * {@code HttpURLConnection}, and closes the response body of any transport); the blocked read
 * then fails with {@link DeadlineExceededException}, which the retry loop treats like a read
 * timeout.
 *
 * <p>The watchdog is one shared daemon thread that only flips flags and closes sockets.
 */
final class DeadlineTransport implements Client {
  private static final DeadlineWatchdog WATCHDOG = new DeadlineWatchdog("saasusers-deadline");

  private final Client delegate;
  private final boolean ownDefaultClient;
  /** HttpURLConnection cannot send PATCH at all; the SDK's default sends it with the JDK client. */
  private volatile Client patchClient;

  private DeadlineTransport(Client delegate, boolean ownDefaultClient) {
    this.delegate = delegate;
    this.ownDefaultClient = ownDefaultClient;
  }

  /** {@return the SDK's default transport, Feign's HttpURLConnection client, under a deadline} */
  static DeadlineTransport overHttpUrlConnection() {
    return new DeadlineTransport(null, true);
  }

  /** {@return {@code transport} under a deadline (the body is cut off at the deadline)} */
  static DeadlineTransport over(Client transport) {
    return new DeadlineTransport(transport, false);
  }

  /** {@return the transport that sends the bytes; for tests} */
  Client delegate() {
    return ownDefaultClient ? new Client.Default(null, null, false) : delegate;
  }

  @Override
  public Response execute(Request request, Request.Options options) throws IOException {
    Duration deadline = options instanceof Attempt attempt ? attempt.deadline() : null;
    if (deadline == null) {
      return delegate().execute(request, options);
    }
    Watch watch = new Watch(deadline);
    Response response;
    try {
      response = clientFor(request, watch).execute(request, options);
    } catch (IOException e) {
      watch.finish();
      throw watch.passed() ? watch.exceeded(e) : e;
    }
    if (response.body() == null) {
      watch.finish();
      return response;
    }
    Response.Body body = response.body();
    watch.onExpiry(body);
    return response.toBuilder().body(new WatchedBody(body, watch)).build();
  }

  private Client clientFor(Request request, Watch watch) {
    if (!ownDefaultClient) {
      return delegate;
    }
    if (request.httpMethod() == Request.HttpMethod.PATCH) {
      return patchClient();
    }
    // Request buffering on: HttpURLConnection in streaming mode drops the body of a 401 to a
    // POST, and the token endpoint's {"error": "invalid_client"} is what the user needs to see.
    return new Client.Default(null, null, false) {
      private HttpURLConnection opened;

      @Override
      public HttpURLConnection getConnection(URL url) throws IOException {
        HttpURLConnection connection = super.getConnection(url);
        opened = connection;
        watch.onExpiry(connection::disconnect);
        return connection;
      }

      @Override
      public Response execute(Request request, Request.Options options) throws IOException {
        Response response = super.execute(request, options);
        try {
          requireWholeHeaders(opened.getHeaderFields());
        } catch (IOException e) {
          response.close();
          throw e;
        }
        return response;
      }
    };
  }

  /**
   * HttpURLConnection takes a connection closed in the middle of the status line or headers for
   * a complete response (status 200, no body). What gives the cut away: a header line without a
   * name (filed under the null key beside the status line), or no header at all after the
   * status line, which no real server sends. The JDK client fails such responses by itself.
   *
   * @param fields the connection's header fields, the status line under the null key
   * @throws IOException when the headers were cut off
   */
  static void requireWholeHeaders(java.util.Map<String, List<String>> fields) throws IOException {
    List<String> nameless = fields.get(null);
    if (nameless != null && nameless.size() > 1) {
      throw new IOException("response headers cut off or malformed: a header line has no name");
    }
    if (fields.size() - (fields.containsKey(null) ? 1 : 0) == 0) {
      throw new IOException("response headers cut off: nothing after the status line");
    }
  }

  private Client patchClient() {
    Client client = patchClient;
    if (client == null) {
      synchronized (this) {
        if (patchClient == null) {
          // HTTP/1.1 and no redirects, as the default: credentials never travel to another host.
          patchClient = new feign.http2client.Http2Client(java.net.http.HttpClient.newBuilder()
              .version(java.net.http.HttpClient.Version.HTTP_1_1)
              .followRedirects(java.net.http.HttpClient.Redirect.NEVER).build());
        }
        client = patchClient;
      }
    }
    return client;
  }

  @Override
  public String toString() {
    return "DeadlineTransport{" + (ownDefaultClient ? "HttpURLConnection" : delegate) + "}";
  }

  /** The attempt deadline passed; a read timeout in effect, named for what it is. */
  static final class DeadlineExceededException extends InterruptedIOException {
    private static final long serialVersionUID = 1L;

    DeadlineExceededException(Duration deadline, IOException cause) {
      super("the attempt took longer than its timeout of " + describe(deadline)
          + " (connect to last byte)");
      if (cause != null) {
        initCause(cause);
      }
    }

    static String describe(Duration d) {
      return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
    }
  }

  /** One attempt's deadline: a watchdog task and what it cuts off. */
  private static final class Watch {
    private final Duration deadline;
    private final List<Closeable> onExpiry = new ArrayList<>(2);
    private final DeadlineWatchdog.Entry task;
    private final long startNanos = System.nanoTime();
    private boolean expired;
    private boolean finished;

    Watch(Duration deadline) {
      this.deadline = deadline;
      this.task = WATCHDOG.add(TimeSource.saturatedNanos(deadline), this::expire);
    }

    void onExpiry(Closeable cut) {
      boolean cutNow;
      synchronized (this) {
        cutNow = expired && !finished;
        if (!cutNow) {
          onExpiry.add(cut);
        }
      }
      if (cutNow) {
        closeQuietly(cut);
      }
    }

    private void expire() {
      List<Closeable> cuts;
      synchronized (this) {
        if (finished) {
          return;
        }
        expired = true;
        cuts = new ArrayList<>(onExpiry);
      }
      cuts.forEach(Watch::closeQuietly);
    }

    synchronized boolean expired() {
      return expired;
    }

    /**
     * {@return true once the deadline has passed, even if the read timeout (capped at the deadline)
     *     fired a moment before the watchdog did}
     */
    boolean passed() {
      return expired() || System.nanoTime() - startNanos >= TimeSource.saturatedNanos(deadline);
    }

    void finish() {
      synchronized (this) {
        finished = true;
        onExpiry.clear();
      }
      WATCHDOG.remove(task);
    }

    DeadlineExceededException exceeded(IOException cause) {
      return new DeadlineExceededException(deadline, cause);
    }

    private static void closeQuietly(Closeable c) {
      try {
        c.close();
      } catch (IOException | RuntimeException e) {
        // cutting off is best effort; the read fails either way
      }
    }
  }

  /** The response body, failing with the deadline once it has passed. */
  private static final class WatchedBody implements Response.Body {
    private final Response.Body body;
    private final Watch watch;

    WatchedBody(Response.Body body, Watch watch) {
      this.body = body;
      this.watch = watch;
    }

    @Override
    public Integer length() {
      return body.length();
    }

    @Override
    public boolean isRepeatable() {
      return body.isRepeatable();
    }

    @Override
    public InputStream asInputStream() throws IOException {
      return new WatchedStream(body.asInputStream(), watch);
    }

    @Override
    public Reader asReader(Charset charset) throws IOException {
      return new InputStreamReader(asInputStream(), charset);
    }

    @Override
    public void close() throws IOException {
      watch.finish();
      body.close();
    }
  }

  private static final class WatchedStream extends FilterInputStream {
    private final Watch watch;

    WatchedStream(InputStream in, Watch watch) {
      super(in);
      this.watch = watch;
    }

    @Override
    public int read() throws IOException {
      try {
        int b = super.read();
        check(b);
        return b < 0 ? finishAt(b) : b;
      } catch (IOException e) {
        throw failed(e);
      }
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      try {
        int n = super.read(b, off, len);
        check(n);
        return n < 0 ? finishAt(n) : n;
      } catch (IOException e) {
        throw failed(e);
      }
    }

    private int check(int n) throws IOException {
      if (watch.expired()) {
        throw watch.exceeded(null);
      }
      return n;
    }

    private int finishAt(int n) {
      watch.finish();
      return n;
    }

    private IOException failed(IOException e) {
      if (e instanceof DeadlineExceededException) {
        return e;
      }
      return watch.passed() ? watch.exceeded(e) : e;
    }

    @Override
    public void close() throws IOException {
      watch.finish();
      super.close();
    }
  }
}
