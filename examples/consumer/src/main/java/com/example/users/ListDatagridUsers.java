package com.example.users;

import dev.saasusers.datagrid.DatagridClient;
import dev.saasusers.datagrid.model.OrganizationUser;
import java.util.List;

/** Lists every Datagrid user: what an application writes with the SDK's one dependency. */
public final class ListDatagridUsers {
  private ListDatagridUsers() {
  }

  /**
   * Prints every user of the organization that {@code DATAGRID_API_KEY} belongs to.
   *
   * @param args unused
   */
  public static void main(String[] args) {
    try (DatagridClient client = DatagridClient.fromEnv()) {
      for (OrganizationUser user : client.users().list()) {
        System.out.println(user.getEmail());
      }
    }
  }

  /**
   * @param client a configured client
   * @return the email of every user, across all pages
   */
  public static List<String> emails(DatagridClient client) {
    return client.users().list().stream().map(OrganizationUser::getEmail).toList();
  }
}
