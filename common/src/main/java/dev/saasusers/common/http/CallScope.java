package dev.saasusers.common.http;

/**
 * The API call running on this thread: Feign runs a synchronous call, its retries and its
 * decoding on the caller's thread, so the transport, retryer and decoder find it here.
 */
final class CallScope {
  private static final ThreadLocal<CallScope> CURRENT = new ThreadLocal<>();

  final String operation;
  final SteppedCall stepped;
  int attempt;

  private CallScope(String operation, SteppedCall stepped) {
    this.operation = operation;
    this.stepped = stepped;
    // A stepped call's attempts are numbered on from its earlier ones.
    this.attempt = stepped == null ? 0 : stepped.attempts;
  }

  static CallScope current() {
    return CURRENT.get();
  }

  /** Starts a call; returns the scope it replaced, for {@link #exit}. */
  static CallScope enter(String operation) {
    CallScope previous = CURRENT.get();
    CURRENT.set(new CallScope(operation, SteppedCall.current()));
    return previous;
  }

  static void exit(CallScope previous) {
    CallScope ending = CURRENT.get();
    if (ending != null && ending.stepped != null) {
      ending.stepped.attempts = ending.attempt;
    }
    if (previous == null) {
      CURRENT.remove();
    } else {
      CURRENT.set(previous);
    }
  }

  static String operation(String configKeyFallback) {
    CallScope scope = CURRENT.get();
    return scope != null ? scope.operation : operationFromConfigKey(configKeyFallback);
  }

  /** {@code DatagridApi#listUsersWithHttpInfo(String,Integer)} becomes {@code listUsers}. */
  static String operationFromConfigKey(String configKey) {
    if (configKey == null || configKey.isEmpty()) {
      return "request";
    }
    String name = configKey;
    int hash = name.indexOf('#');
    if (hash >= 0) {
      name = name.substring(hash + 1);
    }
    int paren = name.indexOf('(');
    if (paren >= 0) {
      name = name.substring(0, paren);
    }
    return operationFromMethodName(name);
  }

  static String operationFromMethodName(String name) {
    String suffix = "WithHttpInfo";
    return name.endsWith(suffix) && name.length() > suffix.length()
        ? name.substring(0, name.length() - suffix.length()) : name;
  }
}
