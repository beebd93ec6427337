package dev.saasusers.cli;

/** The vendors that {@code list} knows, by the name a user types. */
enum Vendor {
  POLYTOMIC, DATAGRID, PANDADOC, PODERO;

  String id() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
