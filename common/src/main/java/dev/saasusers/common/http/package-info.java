/**
 * The HTTP core that turns generated Feign interfaces into safe clients:
 * {@link dev.saasusers.common.http.ClientRuntime}, the exception hierarchy under
 * {@link dev.saasusers.common.http.SdkException}, raw responses, listeners, SLF4J logging and
 * secret {@link dev.saasusers.common.http.Redaction}.
 */
package dev.saasusers.common.http;
