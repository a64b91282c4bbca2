package zoneassess.jobs.testing;

import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import zoneassess.jobs.cli.Main;

/**
 * Several {@code zoneassess} commands one after another in one new JVM, for tests whose promise is
 * about a process other than the test's own: the JVM and Spark session start once for all of them.
 *
 * <p>Usage: {@code CommandSequence DIR NAME COMMAND ARGS… [--then NAME COMMAND ARGS…]…}. Each
 * command's standard output, standard error and exit code go to {@code DIR/NAME.out}, {@code .err}
 * and {@code .code}.
 */
public final class CommandSequence {
  /** Separates the commands on the command line. */
  public static final String THEN = "--then";

  private CommandSequence() {}

  public static void main(String[] args) throws Exception {
    Path dir = Path.of(args[0]);
    List<String> rest = Arrays.asList(args).subList(1, args.length);
    PrintStream out = System.out;
    PrintStream err = System.err;
    while (!rest.isEmpty()) {
      int next = rest.indexOf(THEN);
      List<String> one = next < 0 ? rest : rest.subList(0, next);
      rest = next < 0 ? List.of() : rest.subList(next + 1, rest.size());
      String name = one.get(0);
      String[] command = new ArrayList<>(one.subList(1, one.size())).toArray(String[]::new);
      int code;
      try (PrintStream o =
              new PrintStream(
                  new FileOutputStream(dir.resolve(name + ".out").toFile()),
                  true,
                  StandardCharsets.UTF_8);
          PrintStream e =
              new PrintStream(
                  new FileOutputStream(dir.resolve(name + ".err").toFile()),
                  true,
                  StandardCharsets.UTF_8)) {
        System.setOut(o);
        System.setErr(e);
        code = Main.commandLine().execute(command);
      } finally {
        System.setOut(out);
        System.setErr(err);
      }
      Files.writeString(dir.resolve(name + ".code"), String.valueOf(code));
    }
    System.exit(0);
  }
}
