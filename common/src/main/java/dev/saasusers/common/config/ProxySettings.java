package dev.saasusers.common.config;

import java.util.Objects;
import java.util.Optional;

/**
 * An HTTP proxy, optionally with credentials (sent with Basic proxy authentication).
 *
 * <pre>{@code
 * ProxySettings proxy = ProxySettings.of("proxy.internal", 3128).withCredentials("svc", secret);
 * }</pre>
 *
 * <p>{@link #toString()} never shows the password.
 */
public final class ProxySettings {
  private final String host;
  private final int port;
  private final String username;
  private final String password;

  private ProxySettings(String host, int port, String username, String password) {
    this.host = host;
    this.port = port;
    this.username = username;
    this.password = password;
  }

  /**
   * {@return proxy settings without credentials}
   *
   * @param host the proxy's host name or IP address
   * @param port the proxy's port, 1 to 65535
   * @throws IllegalArgumentException when the host is blank or the port out of range
   */
  public static ProxySettings of(String host, int port) {
    if (host == null || host.isBlank()) {
      throw new IllegalArgumentException("proxy host is blank");
    }
    if (port < 1 || port > 65535) {
      throw new IllegalArgumentException("proxy port is out of range: " + port);
    }
    return new ProxySettings(host.trim(), port, null, null);
  }

  /**
   * {@return a copy that authenticates to the proxy}
   *
   * @param username the proxy user
   * @param password the proxy password
   * @throws IllegalArgumentException when the username or password is blank
   */
  public ProxySettings withCredentials(String username, String password) {
    if (username == null || username.isBlank()) {
      throw new IllegalArgumentException("proxy username is blank");
    }
    if (password == null || password.isEmpty()) {
      throw new IllegalArgumentException("proxy password is empty");
    }
    return new ProxySettings(host, port, username, password);
  }

  /** {@return the proxy's host} */
  public String host() {
    return host;
  }

  /** {@return the proxy's port} */
  public int port() {
    return port;
  }

  /** {@return the proxy user, if the proxy needs authentication} */
  public Optional<String> username() {
    return Optional.ofNullable(username);
  }

  /** {@return the proxy password, if the proxy needs authentication; never logged} */
  public Optional<String> password() {
    return Optional.ofNullable(password);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof ProxySettings p && port == p.port && host.equals(p.host)
        && Objects.equals(username, p.username) && Objects.equals(password, p.password);
  }

  @Override
  public int hashCode() {
    return Objects.hash(host, port, username);
  }

  @Override
  public String toString() {
    return "ProxySettings{" + host + ":" + port
        + (username == null ? "" : ", username=" + username + ", password=***") + "}";
  }
}
