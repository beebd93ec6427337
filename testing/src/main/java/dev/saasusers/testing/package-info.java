/**
 * Fake vendors for tests: WireMock servers on loopback that speak the four vendors' user APIs, with generated
 * users, real paging, exact auth checks and injectable faults.
 *
 * <pre>{@code
 * try (FakeDatagrid fake = FakeDatagrid.builder().users(500).seed(7).start()) {
 *     fake.faults().next(FakeFault.RATE_LIMITED, FakeFault.CONNECTION_RESET);
 *     // point a client at fake.baseUrl() with fake.apiKey(), list users,
 *     // then compare with fake.userIds() and inspect fake.requests() / fake.faults().injected()
 * }
 * }</pre>
 *
 * <p>Put this artifact in test scope; it depends only on WireMock (standalone) and Jackson.
 */
package dev.saasusers.testing;
