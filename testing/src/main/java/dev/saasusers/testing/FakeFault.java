package dev.saasusers.testing;

import com.github.tomakehurst.wiremock.http.Fault;

/**
 * A fault a fake vendor can inject into a users-endpoint request, as a real network or vendor would.
 *
 * <p>Faults that replace the response ({@link #replacesResponse()}) are served instead of the page;
 * {@link #TRUNCATED_JSON} and {@link #SLOW_RESPONSE} alter the page the vendor would have served.
 */
public enum FakeFault {
    /** 429 in the vendor's error shape, with {@code Retry-After} in whole seconds ({@link FaultPlan#retryAfter()}). */
    RATE_LIMITED(429, null),
    /** 429 in the vendor's error shape, with {@code Retry-After} as an HTTP-date (RFC 9110 IMF-fixdate). */
    RATE_LIMITED_HTTP_DATE(429, null),
    /** 500 Internal Server Error in the vendor's error shape. */
    INTERNAL_ERROR(500, null),
    /** 502 Bad Gateway in the vendor's error shape. */
    BAD_GATEWAY(502, null),
    /** 503 Service Unavailable in the vendor's error shape. */
    SERVICE_UNAVAILABLE(503, null),
    /** 504 Gateway Timeout in the vendor's error shape. */
    GATEWAY_TIMEOUT(504, null),
    /** The connection is reset (TCP RST) before any response byte. */
    CONNECTION_RESET(0, Fault.CONNECTION_RESET_BY_PEER),
    /** A 200 status line and headers, then a malformed chunk and a closed connection: the body never completes. */
    RESET_MID_BODY(0, Fault.MALFORMED_RESPONSE_CHUNK),
    /** The connection is closed without any response. */
    EMPTY_REPLY(0, Fault.EMPTY_RESPONSE),
    /** A complete 200 response whose JSON body is cut in half (Content-Length matches the cut body). */
    TRUNCATED_JSON(0, null),
    /** The normal response, delayed by {@link FaultPlan#slowResponseDelay()}: provokes client read timeouts. */
    SLOW_RESPONSE(0, null);

    private final int status;
    private final Fault networkFault;

    FakeFault(int status, Fault networkFault) {
        this.status = status;
        this.networkFault = networkFault;
    }

    /**
     * The HTTP status this fault answers with.
     *
     * @return 429 or a 5xx status, or 0 when the fault is not an error status
     */
    public int status() {
        return status;
    }

    /**
     * Whether the client sees this fault as a 429.
     *
     * @return true for {@link #RATE_LIMITED} and {@link #RATE_LIMITED_HTTP_DATE}
     */
    public boolean isRateLimit() {
        return status == 429;
    }

    /**
     * Whether this fault is served instead of the page (rather than altering the page).
     *
     * @return false only for {@link #TRUNCATED_JSON} and {@link #SLOW_RESPONSE}
     */
    public boolean replacesResponse() {
        return this != TRUNCATED_JSON && this != SLOW_RESPONSE;
    }

    /** The WireMock socket-level fault behind this one, or null when it is not a socket fault. */
    Fault networkFault() {
        return networkFault;
    }
}
