package dev.saasusers.common.config;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Reads configuration from environment variables, for {@code fromEnv()} and the CLI. A missing or
 * blank required variable is an error that names it; values never appear in messages.
 *
 * <pre>{@code
 * Environment env = Environment.of(Map.of("DATAGRID_API_KEY", "dg_test"));
 * DatagridClient client = DatagridClient.builder().fromEnv(env).build();
 * }</pre>
 */
public final class Environment {
  private final UnaryOperator<String> lookup;

  private Environment(UnaryOperator<String> lookup) {
    this.lookup = lookup;
  }

  /** {@return the process environment} */
  public static Environment system() {
    return new Environment(System::getenv);
  }

  /**
   * {@return an environment holding exactly these variables}
   *
   * @param variables the variables to serve, for tests and embedding
   */
  public static Environment of(Map<String, String> variables) {
    Map<String, String> copy = Map.copyOf(variables);
    return new Environment(copy::get);
  }

  /**
   * {@return its value; empty when it is unset or blank}
   *
   * @param name a variable name
   */
  public Optional<String> optional(String name) {
    String value = lookup.apply(Objects.requireNonNull(name, "name"));
    return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.strip());
  }

  /**
   * {@return its value}
   *
   * @param name a variable name
   * @throws IllegalArgumentException naming the variable when it is unset or blank
   */
  public String require(String name) {
    String value = lookup.apply(Objects.requireNonNull(name, "name"));
    if (value == null) {
      throw new IllegalArgumentException("environment variable " + name + " is not set");
    }
    if (value.isBlank()) {
      throw new IllegalArgumentException("environment variable " + name + " is blank");
    }
    return value.strip();
  }

  /**
   * {@return whether it is set to a non-blank value}
   *
   * @param name a variable name
   */
  public boolean has(String name) {
    return optional(name).isPresent();
  }

  @Override
  public String toString() {
    return "Environment{values hidden}";
  }
}
