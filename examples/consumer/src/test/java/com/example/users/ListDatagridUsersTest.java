package com.example.users;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.saasusers.datagrid.DatagridClient;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Lists users against a loopback server serving two pages of Datagrid's JSON. */
class ListDatagridUsersTest {
  private static final String FIRST_PAGE = """
      {"object": "list", "has_more": true, "data": [
        {"id": "usr_1", "email": "ann@example.com", "first_name": "Ann", "last_name": "Lee",
         "permissions": {"role": "owner"}},
        {"id": "usr_2", "email": "bo@example.com", "first_name": "Bo", "last_name": "Ek",
         "permissions": {"role": "member"}}]}""";
  private static final String SECOND_PAGE = """
      {"object": "list", "has_more": false, "data": [
        {"id": "usr_3", "email": "cy@example.com", "first_name": "Cy", "last_name": "Ng",
         "permissions": {"role": "admin"}}]}""";

  private final List<String> requests = new CopyOnWriteArrayList<>();
  private HttpServer server;

  @BeforeEach
  void startServer() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/organization/users", this::servePage);
    server.start();
  }

  @AfterEach
  void stopServer() {
    server.stop(0);
  }

  private void servePage(HttpExchange exchange) throws IOException {
    String query = exchange.getRequestURI().getQuery();
    requests.add(exchange.getRequestHeaders().getFirst("Authorization") + " " + query);
    byte[] body = (query != null && query.contains("after=usr_2") ? SECOND_PAGE : FIRST_PAGE)
        .getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(200, body.length);
    exchange.getResponseBody().write(body);
    exchange.close();
  }

  @Test
  void listsEveryUserAcrossBothPages() {
    String baseUrl = "http://127.0.0.1:" + server.getAddress().getPort();

    List<String> emails;
    try (DatagridClient client = DatagridClient.builder().apiKey("demo-key").baseUrl(baseUrl).build()) {
      emails = ListDatagridUsers.emails(client);
    }

    assertEquals(List.of("ann@example.com", "bo@example.com", "cy@example.com"), emails);
    assertEquals(2, requests.size());
    assertEquals("Bearer demo-key null", requests.get(0));
    assertEquals("Bearer demo-key after=usr_2", requests.get(1));
  }
}
