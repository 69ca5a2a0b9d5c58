package org.ketaminecds.definition;

import java.util.ArrayList;
import java.util.List;

/** Problems found in one definition file, each as {@code <file>: <field path>: <message>}. */
final class ValidationErrors {

  private final String file;
  private final List<String> messages = new ArrayList<>();

  ValidationErrors(String file) {
    this.file = file;
  }

  void add(String path, String message) {
    messages.add(path.isEmpty() ? file + ": " + message : file + ": " + path + ": " + message);
  }

  void requireText(String path, String value) {
    if (value == null || value.isBlank()) {
      add(path, "is required");
    }
  }

  /** A field that is served as written: a {@code ${...}} there would be sent literally. */
  void requireStatic(String path, String value) {
    if (value != null && value.contains("${")) {
      add(path, "is not a template; ${...} is only interpolated in summary, detail, links, suggestions and actions");
    }
  }

  List<String> messages() {
    return List.copyOf(messages);
  }
}
