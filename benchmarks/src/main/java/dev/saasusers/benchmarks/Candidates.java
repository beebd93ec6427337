package dev.saasusers.benchmarks;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.saasusers.common.client.ClientRuntime;
import dev.saasusers.common.http.VendorProfile;
import dev.saasusers.common.config.ClientOptions;
import dev.saasusers.common.auth.Credentials;
import dev.saasusers.datagrid.DatagridClient;
import dev.saasusers.datagrid.DatagridListUsersParams;
import dev.saasusers.datagrid.api.DatagridApi;
import dev.saasusers.datagrid.model.ListOrganizationUsers;
import dev.saasusers.datagrid.model.OrganizationUser;
import feign.Client;
import feign.Feign;
import feign.Retryer;
import feign.http2client.Http2Client;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;

/** The transports and clients under comparison, each listing every Datagrid user of a base URL. */
final class Candidates {
  static final String API_KEY = "dg_bench_key";
  static final int PAGE_SIZE = 100;

  private Candidates() {
  }

  /** Lists every user of a base URL; returns the number of users read. */
  interface Lister extends AutoCloseable {
    long listAll(String base);

    @Override
    default void close() {
    }
  }

  /**
   * {@return the SDK's Jackson settings without Blackbird, for the raw baselines: the SDK mapper's
   *     own configuration, so that only Blackbird differs}
   */
  static ObjectMapper plainJackson() {
    ObjectMapper mapper = new ObjectMapper();
    mapper.registerModule(new com.fasterxml.jackson.datatype.jsr310.JavaTimeModule());
    mapper.registerModule(new org.openapitools.jackson.nullable.JsonNullableModule());
    mapper.disable(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    mapper.enable(com.fasterxml.jackson.databind.DeserializationFeature.READ_UNKNOWN_ENUM_VALUES_USING_DEFAULT_VALUE);
    mapper.disable(com.fasterxml.jackson.databind.DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE);
    return mapper;
  }

  /** {@return the Feign transports by name, in table order} */
  static Map<String, Supplier<Client>> transports() {
    Map<String, Supplier<Client>> map = new LinkedHashMap<>();
    map.put("feign-java11 (JDK HttpClient)", () -> new Http2Client(HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1).followRedirects(HttpClient.Redirect.NEVER).build()));
    map.put("feign-okhttp (OkHttp 5)", () -> new feign.okhttp.OkHttpClient(
        new okhttp3.OkHttpClient.Builder().followRedirects(false).build()));
    map.put("feign-hc5 (Apache HttpClient 5)", () -> new feign.hc5.ApacheHttp5Client(
        HttpClients.custom().disableRedirectHandling().setConnectionManager(
            PoolingHttpClientConnectionManagerBuilder.create().setMaxConnPerRoute(64)
                .setMaxConnTotal(64).build()).build()));
    map.put("Feign default (HttpURLConnection)", () -> new Client.Default(null, null));
    return map;
  }

  /** {@return the SDK over the given transport, sequential iteration, no prefetch} */
  static Lister sdk(Client transport) {
    DatagridClient.Builder builder = DatagridClient.builder().apiKey(API_KEY);
    if (transport != null) {
      builder.transport(transport);
    }
    return new Lister() {
      DatagridClient client;

      @Override
      public long listAll(String base) {
        if (client == null) {
          client = builder.baseUrl(base).build();
        }
        long n = 0;
        for (OrganizationUser u : client.users().list(DatagridListUsersParams.defaults().withPageSize(PAGE_SIZE))
            .prefetch(0)) {
          n += u.getId().length() > 0 ? 1 : 0;
        }
        return n;
      }

      @Override
      public void close() {
        if (client != null) {
          client.close();
        }
      }
    };
  }

  /** One page call; returns the page. */
  interface PageCall {
    ListOrganizationUsers page(String base, String after);
  }

  static long walk(String base, PageCall call) {
    long n = 0;
    String after = null;
    while (true) {
      ListOrganizationUsers page = call.page(base, after);
      List<OrganizationUser> data = page.getData();
      n += data.size();
      if (!Boolean.TRUE.equals(page.getHasMore()) || data.isEmpty()) {
        return n;
      }
      after = data.get(data.size() - 1).getId();
    }
  }

  static String url(String base, String after) {
    return base + "/organization/users?limit=" + PAGE_SIZE + (after == null ? "" : "&after=" + after);
  }

  /** {@return raw JDK HttpClient + Jackson into the generated models} */
  static Lister rawJdk() {
    PageCall page = rawJdkPage();
    return base -> walk(base, page);
  }

  /** {@return one page through the raw JDK HttpClient + Jackson} */
  static PageCall rawJdkPage() {
    ObjectMapper mapper = plainJackson();
    HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    return (b, after) -> {
      try {
        HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(URI.create(url(b, after)))
            .header("Authorization", "Bearer " + API_KEY).header("Accept", "application/json").build(),
            HttpResponse.BodyHandlers.ofByteArray());
        return mapper.readValue(response.body(), ListOrganizationUsers.class);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    };
  }

  /** {@return raw OkHttp + Jackson} */
  static Lister rawOkHttp() {
    PageCall page = rawOkHttpPage();
    return base -> walk(base, page);
  }

  /** {@return one page through raw OkHttp + Jackson} */
  static PageCall rawOkHttpPage() {
    ObjectMapper mapper = plainJackson();
    okhttp3.OkHttpClient http = new okhttp3.OkHttpClient();
    return (b, after) -> {
      okhttp3.Request request = new okhttp3.Request.Builder().url(url(b, after))
          .header("Authorization", "Bearer " + API_KEY).header("Accept", "application/json").build();
      try (okhttp3.Response response = http.newCall(request).execute()) {
        return mapper.readValue(response.body().byteStream(), ListOrganizationUsers.class);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    };
  }

  /** {@return raw HttpURLConnection + Jackson} */
  static Lister rawUrlConnection() {
    PageCall page = rawUrlConnectionPage();
    return base -> walk(base, page);
  }

  /** {@return one page through raw HttpURLConnection + Jackson} */
  static PageCall rawUrlConnectionPage() {
    ObjectMapper mapper = plainJackson();
    return (b, after) -> {
      try {
        HttpURLConnection connection = (HttpURLConnection) new URL(url(b, after)).openConnection();
        connection.setRequestProperty("Authorization", "Bearer " + API_KEY);
        connection.setRequestProperty("Accept", "application/json");
        try (InputStream in = connection.getInputStream()) {
          return mapper.readValue(in, ListOrganizationUsers.class);
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    };
  }

  /** {@return HttpURLConnection, body read and dropped: the server-plus-socket floor} */
  static Lister serverOnly() {
    return base -> {
      // Ids are numbered, so the cursor is computable without decoding.
      long n = 0;
      String after = null;
      while (true) {
        try {
          HttpURLConnection connection = (HttpURLConnection) new URL(url(base, after)).openConnection();
          byte[] body;
          try (InputStream in = connection.getInputStream()) {
            body = in.readAllBytes();
          }
          n += PAGE_SIZE;
          if (body[body.length - 2] != 'e' || body[body.length - 3] != 'u') {
            return n; // has_more:false
          }
          after = String.format("usr_%010d", n - 1);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
    };
  }

  /**
   * {@return the SDK's Feign layers (auth, retry, error mapping, observer) without the paging
   *     layer}
   */
  static Lister sdkFeignLayers(Client transport) {
    return new Lister() {
      ClientRuntime runtime;
      DatagridApi api;

      @Override
      public long listAll(String base) {
        if (api == null) {
          runtime = ClientRuntime.create(VendorProfile.of("datagrid", "Datagrid"), ClientOptions.builder()
              .baseUrl(base).authenticator(Credentials.bearer(API_KEY, "apiKey")).transport(transport).build());
          api = runtime.api(DatagridApi.class);
        }
        return walk(base, (b, after) -> api.listUsers(new DatagridApi.ListUsersQueryParams().limit(PAGE_SIZE).after(after)));
      }

      @Override
      public void close() {
        if (runtime != null) {
          runtime.close();
        }
      }
    };
  }

  /**
   * {@return a plain Feign client over the same transport: Jackson decoder, no retry, no auth
   *     layer}
   */
  static Lister plainFeign(Client transport) {
    ObjectMapper mapper = dev.saasusers.common.http.JsonMapper.standard(); // as the SDK: only the layers differ
    return new Lister() {
      DatagridApi api;

      @Override
      public long listAll(String base) {
        if (api == null) {
          api = Feign.builder().client(transport).retryer(Retryer.NEVER_RETRY)
              .requestInterceptor(t -> t.header("Authorization", "Bearer " + API_KEY))
              .decoder((response, type) -> {
                try (InputStream in = response.body().asInputStream()) {
                  return mapper.readValue(in, mapper.constructType(type));
                }
              })
              .target(DatagridApi.class, base);
        }
        return walk(base, (b, after) -> api.listUsers(new DatagridApi.ListUsersQueryParams().limit(PAGE_SIZE).after(after)));
      }
    };
  }
}
