package dev.saasusers.common.user;

import dev.saasusers.common.paging.PagedIterable;

/**
 * A vendor client seen as a plain directory of users. Every vendor client implements it, so a
 * tool can treat the four vendors the same way.
 */
public interface UserDirectory {

  /** {@return the vendor id, for example {@code datagrid}} */
  String vendorId();

  /**
   * Lists every user with the client's default parameters, mapped to {@link DirectoryUser}.
   * Lazy, like every listing: no request until iteration starts.
   *
   * @return every user, once each
   */
  PagedIterable<DirectoryUser> directoryUsers();
}
