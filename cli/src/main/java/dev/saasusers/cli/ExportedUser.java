package dev.saasusers.cli;

import java.util.Arrays;
import java.util.List;

/**
 * What an access review compares of one user, as canonical text: the vendor's id, the email, the
 * roles joined with ';' (as csv writes them) and the license; an absent value is "".
 */
record ExportedUser(String id, String email, String roles, String license) {
  ExportedUser {
    email = email == null ? "" : email;
    roles = roles == null ? "" : roles;
    license = license == null ? "" : license;
  }

  /** The roles as a list; empty when there are none. */
  List<String> roleList() {
    return roles.isEmpty() ? List.of() : Arrays.asList(roles.split(";", -1));
  }
}
