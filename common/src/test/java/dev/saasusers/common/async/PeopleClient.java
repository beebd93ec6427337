package dev.saasusers.common.async;

import dev.saasusers.common.client.VendorClient;
import dev.saasusers.common.config.ClientOptions;
import dev.saasusers.common.client.ClientRuntime;
import dev.saasusers.common.http.VendorProfile;
import dev.saasusers.common.paging.PageNumberPaging;
import dev.saasusers.common.paging.PagedIterable;
import dev.saasusers.common.paging.SinglePage;
import dev.saasusers.common.user.DirectoryUser;
import java.util.List;

/** A vendor client built like the four real facades, on {@link PeopleApi}. */
final class PeopleClient
    extends VendorClient<PeopleApi, PeopleClient, PeopleApi.Person, PeopleClient.NoParams> {
  static final VendorProfile VENDOR = VendorProfile.of("people", "People");
  static final int PAGE_SIZE = 2;

  /** The people API takes no listing parameters. */
  record NoParams() {
  }

  private PeopleClient(ClientRuntime runtime) {
    super(runtime, PeopleApi.class, PeopleClient::new, p -> new DirectoryUser(VENDOR.id(), p.id(),
        p.email(), null, null, List.of(), null), new NoParams());
  }

  static PeopleClient create(ClientOptions options) {
    return new PeopleClient(ClientRuntime.create(VENDOR, options));
  }

  PagedIterable<PeopleApi.Person> people() {
    return users().list();
  }

  /** Everyone in one response, built like the Polytomic and Podero facades' listings. */
  PagedIterable<PeopleApi.Person> everyone() {
    return paged("single", a -> SinglePage.of(a::listEveryoneWithHttpInfo,
        PeopleApi.PeoplePage::people));
  }

  @Override
  protected PagedIterable<PeopleApi.Person> listUsers(NoParams params) {
    return paged("page", a -> PageNumberPaging.of(page -> a.listPeopleWithHttpInfo(page, PAGE_SIZE),
        PAGE_SIZE, PeopleApi.PeoplePage::people, PeopleApi.PeoplePage::total));
  }
}
