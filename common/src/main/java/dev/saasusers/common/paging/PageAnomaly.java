package dev.saasusers.common.paging;

import dev.saasusers.common.http.ClientListener.PagingAnomaly.Kind;
import dev.saasusers.common.http.ClientListener.PagingAnomaly.Outcome;

/**
 * Paging signals of one fetched page that contradict each other, as the strategy found them and
 * resolved them; the run reports it when it takes the page (and fails when the outcome says so).
 */
record PageAnomaly(Kind kind, String detail, Outcome outcome) {
}
