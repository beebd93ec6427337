package dev.saasusers.common.http;

/**
 * A generated Feign interface bound to a client's pipeline, in its two forms: {@link #calls()},
 * whose every call runs the client's retry loop, and {@link #forAttempt}, a view whose calls are
 * exactly one attempt, for code that runs the {@link RetryLoop} itself (an asynchronous listing
 * scheduling its waits). Both share one Feign target, made once.
 *
 * @param <A> the interface
 */
public final class BoundApi<A> {
  private final Class<A> type;
  private final A calls;
  private final CallHandler handler;

  BoundApi(Class<A> type, A calls, CallHandler handler) {
    this.type = type;
    this.calls = calls;
    this.handler = handler;
  }

  /** {@return the interface; each call retries by the client's rules} */
  public A calls() {
    return calls;
  }

  /**
   * {@return a view whose calls are that one attempt and fail with the typed exception}
   *
   * @param attempt an attempt of {@link RetryLoop#run} or {@link RetryLoop#runAsync}
   */
  public A forAttempt(Attempt attempt) {
    return handler.view(type, attempt);
  }

  @Override
  public String toString() {
    return "BoundApi{" + type.getSimpleName() + "}";
  }
}
