package dev.saasusers.cli;

import java.io.Console;
import java.lang.reflect.Method;

/** Whether the process talks to a person, which decides if progress is shown by default. */
final class Terminal {
  private Terminal() {
  }

  /**
   * Java 17 cannot ask about stderr alone: {@link System#console()} is non-null only when stdin
   * and stdout are terminals. From Java 22 it is non-null even when redirected, so its
   * {@code isTerminal()} is asked when present.
   */
  static boolean interactive() {
    Console console = System.console();
    if (console == null) {
      return false;
    }
    try {
      Method isTerminal = Console.class.getMethod("isTerminal");
      return (Boolean) isTerminal.invoke(console);
    } catch (NoSuchMethodException e) {
      return true;
    } catch (ReflectiveOperationException | RuntimeException e) {
      return false;
    }
  }
}
