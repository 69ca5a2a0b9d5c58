package org.ketaminecds.cql;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hl7.elm.r1.Library;
import org.hl7.elm.r1.ValueSetDef;

/**
 * The checks a library's ELM must pass besides translating: it is named like its file, and every value set it
 * declares is shipped with codes. They read only the ELM and its locators, so they apply to translated and to
 * precompiled ELM alike and locate each problem as {@code file:line:column}.
 */
final class LibraryDeclarations {

  private static final Pattern LIBRARY_HEADER = Pattern.compile("(?m)^\\s*library\\s");
  private static final Pattern LOCATOR_START = Pattern.compile("^(\\d+):(\\d+)");

  private LibraryDeclarations() {}

  /**
   * @param elm the library's ELM, null when it did not translate
   * @param translated whether it translated without errors (only then is a missing declaration a problem)
   */
  static List<CqlContentProblem> check(
      String name, String text, Library elm, boolean translated, Vocabulary vocabulary) {
    String file = name + ".cql";
    List<CqlContentProblem> problems = new ArrayList<>();
    String declared = elm == null || elm.getIdentifier() == null ? null : elm.getIdentifier().getId();
    if (declared == null && translated) {
      problems.add(new CqlContentProblem(
          file, 1, 1, "no library declaration (write: library " + name + " version '1.0.0')"));
    } else if (declared != null && !name.equals(declared)) {
      problems.add(headerProblem(file, text, "library name " + declared + " does not match the file name " + file));
    }
    if (elm != null) {
      problems.addAll(checkValueSets(elm, file, vocabulary));
    }
    return problems;
  }

  private static CqlContentProblem headerProblem(String file, String text, String message) {
    Matcher header = LIBRARY_HEADER.matcher(text);
    if (!header.find()) {
      return new CqlContentProblem(file, 1, 1, message);
    }
    int line = (int) text.substring(0, header.start()).chars().filter(c -> c == '\n').count() + 1;
    int lineStart = text.lastIndexOf('\n', header.start()) + 1;
    int column = text.indexOf("library", header.start()) - lineStart + 1;
    return new CqlContentProblem(file, line, column, message);
  }

  private static List<CqlContentProblem> checkValueSets(Library elm, String file, Vocabulary vocabulary) {
    List<CqlContentProblem> problems = new ArrayList<>();
    if (elm.getValueSets() == null) {
      return problems;
    }
    for (ValueSetDef valueSet : elm.getValueSets().getDef()) {
      String url = InMemoryTerminologyProvider.stripVersion(valueSet.getId());
      String what = "valueset \"" + valueSet.getName() + "\" ('" + url + "') ";
      if (!vocabulary.codes().containsKey(url)) {
        problems.add(at(
            file, valueSet.getLocator(), what + "is not in vocabulary/ (value sets are matched by their url)"));
      } else if (vocabulary.codes().get(url).isEmpty()) {
        problems.add(at(file, valueSet.getLocator(), what + "has no codes in " + vocabulary.files().get(url)));
      }
    }
    return problems;
  }

  /** @param locator an ELM locator such as {@code 6:1-6:50} */
  private static CqlContentProblem at(String file, String locator, String message) {
    Matcher start = LOCATOR_START.matcher(locator == null ? "" : locator);
    return start.find()
        ? new CqlContentProblem(file, Integer.parseInt(start.group(1)), Integer.parseInt(start.group(2)), message)
        : CqlContentProblem.of(file, message);
  }
}
