package dev.saasusers.common.http;

import feign.Param;
import feign.RequestLine;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/** A tiny Feign interface shaped like the generated ones, so these tests need no vendor code. */
public interface TestApi {

  @RequestLine("GET /items")
  Item listItems();

  @RequestLine("GET /items")
  TestResponse<Item> listItemsWithHttpInfo();

  @RequestLine("GET /items?token={token}")
  Item listItemsWithToken(@Param("token") String token);

  @RequestLine("GET /list")
  List<Item> listAll();

  @RequestLine("POST /items")
  @feign.Headers("Content-Type: application/json")
  Item createItem(Item item);

  @RequestLine("PATCH /items/1")
  @feign.Headers("Content-Type: application/json")
  Item updateItem(Item item);

  @RequestLine("PUT /items/1")
  @feign.Headers("Content-Type: application/json")
  Item replaceItem(Item item);

  @RequestLine("GET /envelope")
  TestResponse<Envelope> listEnvelope();

  /** A list envelope shaped like a generated model whose spec requires both fields. */
  class Envelope {
    @com.fasterxml.jackson.annotation.JsonProperty(value = "data", required = true)
    private List<Item> data = new java.util.ArrayList<>();
    @com.fasterxml.jackson.annotation.JsonProperty(value = "has_more", required = true)
    private Boolean hasMore;

    public List<Item> getData() {
      return data;
    }

    public Boolean getHasMore() {
      return hasMore;
    }
  }

  /** A small model. */
  record Item(int id, String name) {
  }

  /** Stands in for a generated {@code ApiResponse<T>}. */
  class TestResponse<T> extends RawResponse<T> {
    public TestResponse(int statusCode, Map<String, Collection<String>> headers, T data) {
      super(statusCode, headers, data);
    }
  }
}
