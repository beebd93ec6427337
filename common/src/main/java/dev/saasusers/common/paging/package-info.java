/**
 * Paging written once for every vendor: a lazy {@link dev.saasusers.common.paging.PagedIterable}
 * over a small {@link dev.saasusers.common.paging.PageFetcher}, with prefetch, parallel pages,
 * {@code maxItems} and resumable checkpoints.
 *
 * <p>Three strategies cover the vendors: {@link dev.saasusers.common.paging.CursorPaging},
 * {@link dev.saasusers.common.paging.PageNumberPaging} and
 * {@link dev.saasusers.common.paging.SinglePage}.
 *
 * <pre>{@code
 * PagedIterable<User> users = PagedIterable.of("datagrid", "cursor",
 *     CursorPaging.of(after -> api.listUsersWithHttpInfo(q, 100, after, null),
 *         ListOrganizationUsers::getData, ListOrganizationUsers::getHasMore, User::getId));
 * }</pre>
 */
package dev.saasusers.common.paging;
