/**
 * The bottom layer, depending on nothing else of the SDK: the call pipeline that turns
 * generated Feign interfaces into safe clients ({@link dev.saasusers.common.http.HttpPipeline},
 * the one {@link dev.saasusers.common.http.RetryLoop}, attempt deadlines, decoders), the
 * exception hierarchy under {@link dev.saasusers.common.http.SdkException}, raw responses,
 * listeners, SLF4J logging, secret {@link dev.saasusers.common.http.Redaction} and the injected
 * {@link dev.saasusers.common.http.TimeSource}.
 */
package dev.saasusers.common.http;
