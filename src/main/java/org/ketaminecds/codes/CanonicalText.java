package org.ketaminecds.codes;

/**
 * Words as EHRs send them, spaced and punctuated as the rules read them: every run of white space (spaces, tabs, line
 * breaks, no-break spaces) one space, none at either end; typographic dashes and quotes as their keyboard characters
 * ("Schizo\u2013affective" as "Schizo-affective", "S\u2011ketamine" as "S-ketamine": before, such names gave no
 * psychosis warning, and S-ketamine nasal spray was read as a compounded racemic product). Fixed-width pharmacy names ("Sertraline  50  mg  tab "), text pasted
 * from a document (no-break spaces, line breaks in a problem name) and codes padded by legacy interfaces ("F33.1 ")
 * arrive so; the CQL reads names word by word ("hemorrhagic cva", "in full remission") and codes by equality, so
 * before this such an entry matched nothing: a hemorrhagic stroke named "Hemorrhagic  CVA" gave no contraindication, a
 * depression "in  full remission" counted as an active episode.
 *
 * <p>FHIR means the same by both: a {@code code} has "no leading or trailing whitespace" and "no whitespace other
 * than single spaces in the contents"; a string "that consists only of whitespace could be trimmed to nothing, which
 * would be treated as an invalid element value" (https://hl7.org/fhir/R4/datatypes.html#primitive); and in JSON
 * "string property values can never be empty. Either the property is absent, or it is present with at least one
 * character of content" (https://hl7.org/fhir/R4/json.html). So a value that is only white space is absent:
 * {@link #of} gives {@code null} and the caller drops the element (before, a blank CodeableConcept.text hid the
 * coding's display).
 */
public final class CanonicalText {

  private CanonicalText() {}

  /** The value with its white space collapsed, the same instance when there is none to collapse; null when blank. */
  public static String of(String value) {
    if (value == null || !needsCollapsing(value)) {
      return value;
    }
    var collapsed = new StringBuilder(value.length());
    boolean pendingSpace = false;
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (isSpace(c)) {
        pendingSpace = collapsed.length() > 0;
      } else {
        if (pendingSpace) {
          collapsed.append(' ');
          pendingSpace = false;
        }
        collapsed.append(plain(c));
      }
    }
    return collapsed.length() == 0 ? null : collapsed.toString();
  }

  /** Whether {@link #of} changes the value: white space at an end, other than a space, or two together. */
  static boolean needsCollapsing(String value) {
    int last = value.length() - 1;
    if (last < 0) {
      return true; // empty: blank
    }
    for (int i = 0; i <= last; i++) {
      char c = value.charAt(i);
      if (c > ' ' && c < '\u0085') {
        continue; // most characters: no white space (the test below is the rare path)
      }
      if (isSpace(c) && (c != ' ' || i == 0 || i == last || isSpace(value.charAt(i + 1))) || plain(c) != c) {
        return true;
      }
    }
    return false;
  }

  /**
   * A typographic dash or quote as its keyboard character: hyphen, non-breaking hyphen, figure, en and em dash, minus
   * sign, small and full-width hyphen-minus as '-'; single quotes and the prime as the apostrophe; double quotes as
   * '"'. Word processors put them into text typed or pasted there ("Schizo\u2013affective", "Alzheimer\u2019s").
   */
  private static char plain(char c) {
    if (c < '\u2010') {
      return c;
    }
    return switch (c) {
      case '\u2010', '\u2011', '\u2012', '\u2013', '\u2014', '\u2212', '\ufe63', '\uff0d' -> '-';
      case '\u2018', '\u2019', '\u201a', '\u201b', '\u2032' -> '\'';
      case '\u201c', '\u201d', '\u201e', '\u201f', '\u2033' -> '"';
      default -> c;
    };
  }

  private static boolean isSpace(char c) {
    return c <= ' ' ? c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\u000b'
        : c == '\u00a0' || c == '\u2007' || c == '\u202f' || (c >= '\u2000' && c <= '\u200a') || c == '\u3000'
            || c == '\u0085' || c == '\u2028' || c == '\u2029';
  }
}
