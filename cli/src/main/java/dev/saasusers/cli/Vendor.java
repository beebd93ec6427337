package dev.saasusers.cli;

import dev.saasusers.common.user.DirectoryUser;
import dev.saasusers.datagrid.DatagridClient;
import dev.saasusers.datagrid.model.OrganizationUser;
import dev.saasusers.pandadoc.PandaDocClient;
import dev.saasusers.pandadoc.model.PandaDocUser;
import dev.saasusers.podero.PoderoClient;
import dev.saasusers.podero.model.UserOutput;
import dev.saasusers.polytomic.PolytomicClient;
import dev.saasusers.polytomic.model.User;
import java.util.function.Function;

/** The vendors that {@code list} knows, by the name a user types, with their user model. */
enum Vendor {
  POLYTOMIC(User.class, u -> PolytomicClient.toDirectoryUser((User) u)),
  DATAGRID(OrganizationUser.class, u -> DatagridClient.toDirectoryUser((OrganizationUser) u)),
  PANDADOC(PandaDocUser.class, u -> PandaDocClient.toDirectoryUser((PandaDocUser) u)),
  PODERO(UserOutput.class, u -> PoderoClient.toDirectoryUser((UserOutput) u));

  private final Class<?> modelClass;
  private final Function<Object, DirectoryUser> toDirectoryUser;

  Vendor(Class<?> modelClass, Function<Object, DirectoryUser> toDirectoryUser) {
    this.modelClass = modelClass;
    this.toDirectoryUser = toDirectoryUser;
  }

  String id() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }

  /** The generated class of one user in the vendor's API, as jsonl writes it. */
  Class<?> modelClass() {
    return modelClass;
  }

  /** The cross-vendor view of one {@link #modelClass()} instance. */
  DirectoryUser toDirectoryUser(Object model) {
    return toDirectoryUser.apply(model);
  }

  /** The user's license, which only PandaDoc has; null for the others. */
  String license(Object model) {
    return model instanceof PandaDocUser pandaDoc ? pandaDoc.getLicense() : null;
  }

  /** The vendor's JSON field that holds the user's id. */
  String idField() {
    return this == PANDADOC ? "user_id" : "id";
  }

  static Vendor byId(String id) {
    for (Vendor v : values()) {
      if (v.id().equals(id)) {
        return v;
      }
    }
    return null;
  }
}
