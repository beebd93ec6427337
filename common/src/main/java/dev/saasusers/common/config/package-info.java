/**
 * Client configuration shared by every vendor: {@link dev.saasusers.common.config.ClientOptions}
 * and {@link dev.saasusers.common.config.ProxySettings}. Everything is checked at build time,
 * before any request.
 */
package dev.saasusers.common.config;
