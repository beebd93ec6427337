package dev.saasusers.common.http;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The SDK's version, from the build-filtered {@code dev/saasusers/common/sdk.properties}. */
public final class SdkVersion {
  static final String NAME = "saas-users-java";
  static final String VERSION = read();

  private SdkVersion() {
  }

  private static String read() {
    try (InputStream in = SdkVersion.class.getResourceAsStream("/dev/saasusers/common/sdk.properties")) {
      if (in != null) {
        Properties p = new Properties();
        p.load(in);
        String v = p.getProperty("version", "").trim();
        if (!v.isEmpty() && !v.startsWith("${")) {
          return v;
        }
      }
    } catch (IOException e) {
      // fall through: the User-Agent still names the SDK
    }
    return "unknown";
  }

  /**
   * {@return {@code saas-users-java/<version> <vendor> Java/<java.version>[ suffix]}}
   *
   * @param vendor the vendor
   * @param suffix caller's suffix, or null
   */
  public static String userAgent(VendorProfile vendor, String suffix) {
    String ua = NAME + "/" + VERSION + " " + vendor.id() + " Java/" + System.getProperty("java.version");
    return suffix == null || suffix.isBlank() ? ua : ua + " " + suffix.trim();
  }
}
