package dev.saasusers.common.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import feign.Request;
import feign.RequestTemplate;
import feign.Target;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The request a {@link BaseUrlTarget} makes is the one Feign's hard-coded target makes. */
class BaseUrlTargetTest {
  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "http://127.0.0.1:8080 | /organization/users | limit=100&after=usr_9",
      "https://api.example.com/public/v1/ | /users | count=50&page=2",
      "https://api.example.com/v1 | /orgs/{org}/users | ",
      "https://api.example.com | /users | q=a%20b&q=c"})
  void buildsTheSameRequestAsTheHardCodedTarget(String base, String path, String query) {
    Request ours = new BaseUrlTarget<>(Object.class, base).apply(template(path, query));
    Request feigns = new Target.HardCodedTarget<>(Object.class, base).apply(template(path, query));
    assertEquals(feigns.url(), ours.url());
    assertEquals(feigns.httpMethod(), ours.httpMethod());
    assertEquals(feigns.headers(), ours.headers());
  }

  private static RequestTemplate template(String path, String query) {
    RequestTemplate template = new RequestTemplate().method(Request.HttpMethod.GET).uri(path);
    if (query != null) {
      for (String pair : query.split("&")) {
        String[] nameValue = pair.split("=", 2);
        template.query(nameValue[0], nameValue[1]);
      }
    }
    template.header("Authorization", "Bearer t").header("Accept", "application/json");
    return template.resolve(Map.of("org", "o-1"));
  }

}
