package dev.saasusers.benchmarks;

import java.util.Map;

/**
 * Child JVM: lists the users of a base URL with one candidate and prints {@code FIRST} as soon
 * as the first user is decoded, then {@code DONE n}. The parent times both lines.
 */
public final class ColdStartProbe {
  private ColdStartProbe() {
  }

  /**
   * Lists the first page once and prints when its first user arrived.
   *
   * @param args candidate name ({@code sdk:<transport>}, {@code raw-jdk}, {@code raw-okhttp},
   *     {@code raw-urlconnection}) and the base URL of a server with one page of users
   */
  public static void main(String[] args) {
    String name = args[0];
    Candidates.Lister lister;
    if (name.startsWith("sdk:")) {
      Map<String, java.util.function.Supplier<feign.Client>> transports = Candidates.transports();
      lister = Candidates.sdk(transports.get(name.substring(4)).get());
    } else if (name.equals("raw-jdk")) {
      lister = Candidates.rawJdk();
    } else if (name.equals("raw-okhttp")) {
      lister = Candidates.rawOkHttp();
    } else {
      lister = Candidates.rawUrlConnection();
    }
    long n = lister.listAll(args[1]);
    System.out.println("FIRST");
    System.out.println("DONE " + n);
    System.exit(0);
  }
}
