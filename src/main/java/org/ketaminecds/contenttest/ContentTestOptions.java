package org.ketaminecds.contenttest;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The arguments of {@code java -jar ketamine-cds.jar test [DIR] [--case GLOB]... [--junit FILE]}.
 *
 * @param contentRoot the folder holding {@code cql/} and {@code cds-hooks/}; null: the content inside the jar
 * @param cases globs selecting cases ({@link ExampleFiles#matching}); empty: every case
 * @param junit where to write JUnit XML; null: nowhere
 */
record ContentTestOptions(Path contentRoot, List<String> cases, Path junit, boolean help) {

  static final String USAGE = """
      usage: java -jar ketamine-cds.jar test [DIR] [--case GLOB]... [--junit FILE]
        DIR           content root holding cql/ and cds-hooks/ (default: the content inside the jar)
        --case GLOB   run only matching cases: a case name, <service>/<case>, or a glob such as '*aneurysm*'
                      (repeatable)
        --junit FILE  also write the results as JUnit XML to FILE
      exit status: 0 all cases passed, 1 a case failed, 2 the content is invalid, 3 bad arguments or no case to run""";

  /** @throws IllegalArgumentException for an unknown option or a missing value */
  static ContentTestOptions parse(List<String> args) {
    Path root = null;
    Path junit = null;
    var cases = new ArrayList<String>();
    var help = false;
    for (int i = 0; i < args.size(); i++) {
      var arg = args.get(i);
      switch (arg) {
        case "--case" -> cases.add(value(args, ++i, arg));
        case "--junit" -> junit = Path.of(value(args, ++i, arg));
        case "-h", "--help" -> help = true;
        default -> {
          if (arg.startsWith("--case=")) {
            cases.add(arg.substring("--case=".length()));
          } else if (arg.startsWith("--junit=")) {
            junit = Path.of(arg.substring("--junit=".length()));
          } else if (arg.startsWith("-")) {
            throw new IllegalArgumentException("unknown option " + arg);
          } else if (root != null) {
            throw new IllegalArgumentException("one content folder only (got " + root + " and " + arg
                + "); select cases with --case");
          } else {
            root = Path.of(arg);
          }
        }
      }
    }
    return new ContentTestOptions(root, cases, junit, help);
  }

  private static String value(List<String> args, int i, String option) {
    if (i >= args.size() || args.get(i).startsWith("--")) {
      throw new IllegalArgumentException(option + " needs a value");
    }
    return args.get(i);
  }
}
