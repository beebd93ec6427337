package dev.saasusers.cli;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * Compares two exports of one vendor by user id in one pass over each, in little heap: the old
 * export goes into a {@link UserIndex} (id, record offset, fingerprint); the new one streams by,
 * and each user is added (not in the index), changed (fingerprint differs; the old record is
 * read again at its offset to show what it was) or unchanged. Old users never met are removed,
 * read again in their file order. A change could hide only behind a 128-bit SHA-256 collision.
 */
final class UserDiff {
  /** The fields an access review compares, as far as both exports have them. */
  enum Field { EMAIL, ROLES, LICENSE }

  /** Receives the differences as they are found. */
  interface Report {
    void added(ExportedUser user);

    void removed(ExportedUser user);

    void changed(ExportedUser before, ExportedUser after, List<Field> fields);
  }

  /** How many of each were found. */
  record Summary(long before, long after, long added, long removed, long changed) {
    boolean anyChange() {
      return added + removed + changed > 0;
    }

    @Override
    public String toString() {
      return String.format("%,d added, %,d removed, %,d changed (%,d users before, %,d after)",
          added, removed, changed, before, after);
    }
  }

  private final List<Field> compared;
  private final MessageDigest sha256;

  UserDiff(List<Field> compared) {
    this.compared = List.copyOf(compared);
    try {
      this.sha256 = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }

  /** The fields both exports have. */
  static List<Field> comparable(ExportFile before, boolean afterHasEmail, boolean afterHasRoles,
      boolean afterHasLicense) {
    List<Field> fields = new ArrayList<>();
    if (before.hasEmail() && afterHasEmail) {
      fields.add(Field.EMAIL);
    }
    if (before.hasRoles() && afterHasRoles) {
      fields.add(Field.ROLES);
    }
    if (before.hasLicense() && afterHasLicense) {
      fields.add(Field.LICENSE);
    }
    return fields;
  }

  List<Field> compared() {
    return compared;
  }

  /**
   * {@return the counts}
   *
   * @param before the old export, at its first user
   * @param after the new users, in order
   * @param newLabel how to name the new side in messages
   * @param report receives each difference
   * @throws DiffException when an export holds a user twice
   */
  Summary run(ExportFile before, Iterator<ExportedUser> after, String newLabel, Report report) {
    UserIndex index = new UserIndex();
    long[] fingerprint = new long[2];
    for (ExportedUser user = before.next(); user != null; user = before.next()) {
      if (index.find(user.id()) >= 0) {
        throw new DiffException(before.label + " " + before.path + " holds user "
            + TerminalText.visible(user.id()) + " twice (record " + before.records()
            + "); an export has every user once");
      }
      fingerprint(user, fingerprint);
      index.add(user.id(), before.offset(), fingerprint[0], fingerprint[1], UserIndex.UNSEEN);
    }
    int oldUsers = index.size();
    long newUsers = 0;
    long added = 0;
    long changed = 0;
    while (after.hasNext()) {
      ExportedUser user = after.next();
      newUsers++;
      int entry = index.find(user.id());
      if (entry < 0) {
        index.add(user.id(), -1, 0, 0, UserIndex.ADDED);
        added++;
        report.added(user);
        continue;
      }
      if (index.state(entry) != UserIndex.UNSEEN) {
        throw new DiffException(newLabel + " holds user " + TerminalText.visible(user.id())
            + " twice (user " + newUsers + "); an export has every user once");
      }
      index.setState(entry, UserIndex.SEEN);
      fingerprint(user, fingerprint);
      if (!index.sameFingerprint(entry, fingerprint[0], fingerprint[1])) {
        ExportedUser old = before.readAt(index.offset(entry));
        List<Field> fields = differences(old, user);
        if (!fields.isEmpty()) {
          changed++;
          report.changed(old, user, fields);
        }
      }
    }
    long removed = 0;
    for (int entry = 0; entry < oldUsers; entry++) {
      if (index.state(entry) == UserIndex.UNSEEN) {
        removed++;
        report.removed(before.readAt(index.offset(entry)));
      }
    }
    return new Summary(oldUsers, newUsers, added, removed, changed);
  }

  private List<Field> differences(ExportedUser old, ExportedUser now) {
    List<Field> fields = new ArrayList<>();
    for (Field f : compared) {
      if (!value(old, f).equals(value(now, f))) {
        fields.add(f);
      }
    }
    return fields;
  }

  static String value(ExportedUser user, Field field) {
    return switch (field) {
      case EMAIL -> user.email();
      case ROLES -> user.roles();
      case LICENSE -> user.license();
    };
  }

  /** SHA-256 of the compared fields, each length-prefixed, cut to 128 bits. */
  private void fingerprint(ExportedUser user, long[] out) {
    sha256.reset();
    for (Field f : compared) {
      byte[] bytes = value(user, f).getBytes(StandardCharsets.UTF_8);
      sha256.update(ByteBuffer.allocate(4).putInt(bytes.length).array());
      sha256.update(bytes);
    }
    ByteBuffer digest = ByteBuffer.wrap(sha256.digest());
    out[0] = digest.getLong();
    out[1] = digest.getLong();
  }
}
