package dev.saasusers.common.async;

import dev.saasusers.common.http.RawResponse;
import feign.Param;
import feign.RequestLine;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * A Feign interface shaped like the generated ones: one page-numbered listing, and one that
 * answers with everyone at once (as Polytomic and Podero do).
 */
public interface PeopleApi {

  @RequestLine("GET /people?page={page}&per_page={perPage}")
  PeopleResponse<PeoplePage> listPeopleWithHttpInfo(
      @Param("page") int page, @Param("perPage") int perPage);

  @RequestLine("GET /everyone")
  PeopleResponse<PeoplePage> listEveryoneWithHttpInfo();

  /** One person. */
  record Person(String id, String email) {
  }

  /** A page of people with the total count. */
  record PeoplePage(List<Person> people, int total) {
  }

  /** Stands in for a generated {@code ApiResponse<T>}. */
  class PeopleResponse<T> extends RawResponse<T> {
    public PeopleResponse(int statusCode, Map<String, Collection<String>> headers, T data) {
      super(statusCode, headers, data);
    }
  }
}
