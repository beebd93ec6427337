package dev.saasusers.common.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A loopback server below HTTP: it reads each request's head, writes {@code answer} byte for
 * byte (for example a status line cut off in the headers) and closes the connection. WireMock
 * cannot send a response that breaks off inside its headers.
 */
public final class CutOffServer implements AutoCloseable {
  private final ServerSocket socket;
  private final byte[] answer;
  private final AtomicInteger connections = new AtomicInteger();

  private CutOffServer(String answer) throws IOException {
    this.socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    this.answer = answer.getBytes(StandardCharsets.ISO_8859_1);
    Thread acceptor = new Thread(this::serve, "cut-off-server");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  /**
   * @param answer what every connection gets before it is closed
   * @return the running server
   * @throws IOException when no port can be bound
   */
  public static CutOffServer answering(String answer) throws IOException {
    return new CutOffServer(answer);
  }

  /** @return the server's base URL */
  public String baseUrl() {
    return "http://127.0.0.1:" + socket.getLocalPort();
  }

  /** @return how many connections were answered */
  public int connections() {
    return connections.get();
  }

  private void serve() {
    while (!socket.isClosed()) {
      try (Socket client = socket.accept()) {
        readHead(client.getInputStream());
        connections.incrementAndGet();
        OutputStream out = client.getOutputStream();
        out.write(answer);
        out.flush();
      } catch (IOException e) {
        // closed, or the client gave up: serve the next one
      }
    }
  }

  private static void readHead(InputStream in) throws IOException {
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    int b;
    while ((b = in.read()) >= 0) {
      head.write(b);
      byte[] bytes = head.toByteArray();
      int n = bytes.length;
      if (n >= 4 && bytes[n - 4] == '\r' && bytes[n - 3] == '\n' && bytes[n - 2] == '\r'
          && bytes[n - 1] == '\n') {
        return;
      }
    }
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }
}
