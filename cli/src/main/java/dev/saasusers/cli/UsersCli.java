package dev.saasusers.cli;

import dev.saasusers.common.config.Environment;
import java.io.PrintStream;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code users-cli}: lists every user of Polytomic, Datagrid, PandaDoc or Podero, and demos the
 * SDK against fake vendors. Errors are one line (exit 1; 2 for usage errors) unless
 * {@code --debug} asks for the stack trace. Exit codes: 0 success (for {@code list}: the listing
 * is known complete), 1 failure (also a missing credential variable), 2 usage error,
 * {@value #EXIT_UNPROVEN} the listing finished but the server's paging signals contradicted
 * each other, so it cannot prove every user was listed; {@code spec-diff} exits 1 on breaking
 * changes, and {@code diff} (and {@code list --since-snapshot}) 1 when users changed, 2 when it
 * cannot compare.
 */
@Command(name = "users-cli", mixinStandardHelpOptions = true,
    versionProvider = UsersCli.Version.class,
    description = "Lists and compares the users of Polytomic, Datagrid, PandaDoc and Podero.",
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
        "0:success; for list, every user was listed (the listing is known complete)",
        "1:failure (the listing did not finish; its error names a --resume checkpoint when it has one)",
        "2:usage error",
        "3:list finished, but the server's paging signals contradicted each other, so it"
            + " cannot prove every user was listed (a warning on stderr says which)"})
// No subcommands = {...} here: commandLine() adds them, only the one needed when it can.
public final class UsersCli {
  /** The exit code of a listing that finished without proof that it is complete. */
  static final int EXIT_UNPROVEN = 3;

  final Environment environment;
  final PrintStream out;
  final PrintStream err;
  /** Whether {@code err} reaches a person; then {@code list} shows progress unasked. */
  final boolean errIsTerminal;

  @Option(names = "--debug", scope = CommandLine.ScopeType.INHERIT,
      description = "Print stack traces and log each HTTP attempt (secrets stay redacted).")
  boolean debug;

  UsersCli(Environment environment, PrintStream out, PrintStream err, boolean errIsTerminal) {
    this.environment = environment;
    this.out = out;
    this.err = err;
    this.errIsTerminal = errIsTerminal;
  }

  /**
   * Runs the CLI and exits with its status.
   *
   * @param args command-line arguments
   */
  public static void main(String[] args) {
    System.exit(run(Environment.system(), System.out, System.err, Terminal.interactive(), args));
  }

  /**
   * Runs the CLI in-process, for tests and embedding.
   *
   * @param environment where credentials are read
   * @param out where data goes
   * @param err where errors and progress go
   * @param args command-line arguments
   * @return the exit code: 0 success, 1 failure, 2 usage error, 3 listing finished but not
   *     proven complete
   */
  public static int run(Environment environment, PrintStream out, PrintStream err, String... args) {
    // Streams handed in are not a terminal: progress only with --progress.
    return run(environment, out, err, false, args);
  }

  static int run(Environment environment, PrintStream out, PrintStream err, boolean errIsTerminal,
      String... args) {
    if (java.util.Arrays.asList(args).contains("--debug")) {
      // Must be set before the first logger exists; slf4j-simple writes to stderr.
      System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "debug");
    }
    UsersCli cli = new UsersCli(environment, out, err, errIsTerminal);
    CommandLine commandLine = commandLine(cli, args);
    commandLine.setOut(new PrintWriter(out, true));
    commandLine.setErr(new PrintWriter(err, true));
    commandLine.setCaseInsensitiveEnumValuesAllowed(true);
    commandLine.setParameterExceptionHandler((e, unusedArgs) -> {
      err.println("error: " + oneLine(e) + " (see '" + e.getCommandLine().getCommandSpec().qualifiedName()
          + " --help')");
      return 2;
    });
    commandLine.setExecutionExceptionHandler((e, cmd, parsed) -> {
      if (cli.debug) {
        // Vendor text in messages is untrusted: escapes made visible; the trace's own line
        // breaks and frame indents kept.
        java.io.StringWriter trace = new java.io.StringWriter();
        e.printStackTrace(new PrintWriter(trace));
        for (String line : trace.toString().split("\\R")) {
          String indent = line.startsWith("\t") ? "\t" : "";
          err.println(indent + TerminalText.visible(line.substring(indent.length())));
        }
      } else {
        err.println("error: " + oneLine(e));
      }
      return e instanceof UsageException || e instanceof IllegalArgumentException
          || e instanceof DiffException ? 2 : 1;
    });
    return commandLine.execute(args);
  }

  /**
   * The command line with its subcommands, in the order help lists them. Picocli builds the
   * model of every subcommand it is given (reading each option's annotations), a large part of
   * its start-up time: when the first argument names a subcommand other than {@code help}, only
   * that one is added, as the others cannot be reached from there. {@code help}, options first
   * or no subcommand get them all, as the top-level usage lists them.
   */
  static CommandLine commandLine(UsersCli cli, String[] args) {
    CommandLine commandLine = new CommandLine(cli);
    Object only = switch (args.length > 0 ? args[0] : "") {
      case "list" -> new ListCommand();
      case "diff" -> new DiffCommand();
      case "demo" -> new DemoCommand();
      case "spec-diff" -> new SpecDiffCommand();
      default -> null;
    };
    if (only != null) {
      commandLine.addSubcommand(only);
    } else {
      commandLine.addSubcommand(new ListCommand());
      commandLine.addSubcommand(new DiffCommand());
      commandLine.addSubcommand(new DemoCommand());
      commandLine.addSubcommand(new SpecDiffCommand());
      commandLine.addSubcommand(new CommandLine.HelpCommand());
    }
    return commandLine;
  }

  private static String oneLine(Throwable e) {
    String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    // The message may quote a vendor: no control or bidi-control character reaches the terminal.
    return TerminalText.visible(message.replaceAll("\\s*[\\r\\n]+\\s*", " "));
  }

  /** Reads the version from the jar's manifest. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String version = UsersCli.class.getPackage().getImplementationVersion();
      return new String[] {"users-cli " + (version == null ? "dev" : version)};
    }
  }
}
