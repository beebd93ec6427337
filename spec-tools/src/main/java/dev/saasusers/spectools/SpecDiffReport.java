package dev.saasusers.spectools;

import java.util.List;
import java.util.stream.Collectors;

/**
 * What changed between two specs, and which changes break this SDK.
 *
 * @param oldLabel the committed spec: file, title, version
 * @param newLabel the candidate spec: file, title, version
 * @param changes every change found, operations first
 */
public record SpecDiffReport(String oldLabel, String newLabel, List<SpecChange> changes) {

  /** Copies the list. */
  public SpecDiffReport {
    changes = List.copyOf(changes);
  }

  /**
   * The breaking changes.
   *
   * @return those changes marked breaking
   */
  public List<SpecChange> breakingChanges() {
    return changes.stream().filter(SpecChange::breaking).toList();
  }

  /**
   * Whether any change breaks the SDK.
   *
   * @return true when at least one change is breaking
   */
  public boolean hasBreakingChanges() {
    return changes.stream().anyMatch(SpecChange::breaking);
  }

  /**
   * The changes of one area and kind.
   *
   * @param area the area
   * @param kind the kind
   * @return matching changes
   */
  public List<SpecChange> changes(SpecChange.Area area, SpecChange.Kind kind) {
    return changes.stream().filter(c -> c.area() == area && c.kind() == kind).toList();
  }

  /**
   * One line of counts, e.g. {@code Summary: operations +1 -0 ~0, ... ; 0 breaking changes}.
   *
   * @return the summary line
   */
  public String summary() {
    String counts =
        List.of(SpecChange.Area.values()).stream()
            .map(
                area ->
                    heading(area).toLowerCase(java.util.Locale.ROOT)
                        + " +"
                        + changes(area, SpecChange.Kind.ADDED).size()
                        + " -"
                        + changes(area, SpecChange.Kind.REMOVED).size()
                        + " ~"
                        + changes(area, SpecChange.Kind.CHANGED).size())
            .collect(Collectors.joining(", "));
    int breaking = breakingChanges().size();
    return "Summary: "
        + counts
        + "; "
        + (breaking == 0 ? "no breaking changes" : breaking + " BREAKING change(s)");
  }

  /**
   * The readable report: header, breaking changes, then every change by area, then the summary.
   *
   * @return the report text, lines separated by {@code \n}
   */
  public String render() {
    StringBuilder out = new StringBuilder();
    out.append("Spec diff\n  old: ").append(oldLabel).append("\n  new: ").append(newLabel).append('\n');
    if (changes.isEmpty()) {
      out.append("\nNo changes.\n");
    }
    List<SpecChange> breaking = breakingChanges();
    if (!breaking.isEmpty()) {
      out.append("\nBreaking changes (").append(breaking.size()).append(")\n");
      breaking.forEach(c -> out.append("  ").append(c.line()).append('\n'));
    }
    for (SpecChange.Area area : SpecChange.Area.values()) {
      List<SpecChange> inArea = changes.stream().filter(c -> c.area() == area).toList();
      if (inArea.isEmpty()) {
        continue;
      }
      out.append('\n')
          .append(heading(area))
          .append(" (")
          .append(changes(area, SpecChange.Kind.ADDED).size())
          .append(" added, ")
          .append(changes(area, SpecChange.Kind.REMOVED).size())
          .append(" removed, ")
          .append(changes(area, SpecChange.Kind.CHANGED).size())
          .append(" changed)\n");
      inArea.forEach(c -> out.append("  ").append(c.line()).append('\n'));
    }
    out.append('\n').append(summary()).append('\n');
    return out.toString();
  }

  private static String heading(SpecChange.Area area) {
    return switch (area) {
      case OPERATION -> "Operations";
      case PARAMETER -> "Parameters";
      case SCHEMA -> "Schemas";
      case FIELD -> "Schema fields";
    };
  }
}
