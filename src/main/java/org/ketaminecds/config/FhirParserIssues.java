package org.ketaminecds.config;

import ca.uhn.fhir.parser.LenientErrorHandler;
import ca.uhn.fhir.parser.json.BaseJsonLikeValue.ScalarType;
import ca.uhn.fhir.parser.json.BaseJsonLikeValue.ValueType;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The FHIR parser's error handler for the whole process: HAPI's lenient handling, and an invalid primitive value (a
 * date "2024-13-45", a status "Active", a dose "ten") leaves out that value only, not the record or the list it came
 * in: one such value once failed a whole prefetch key, so without fhirServer the call was a 412 and every card was
 * lost (a contraindication with them). Nothing is logged per element. HAPI's own handler logs one WARN line
 * per problem and quotes the element name from the request, so CR/LF or terminal escapes in a member name forge log
 * lines and 20,000 unknown members make 20,000 lines (issue 13, item 6). Here problems are only counted, by kind:
 * per thread, so that the request thread's count is summarised in one line at the end of the request
 * ({@link FhirParserIssuesFilter}), and in total for the parsing done by the fetch workers (EHR responses).
 */
public final class FhirParserIssues extends LenientErrorHandler {

  /** Kinds of parser problems; the summary names these, never an element name or a value. */
  public enum Kind {
    UNKNOWN_ELEMENT, UNKNOWN_ATTRIBUTE, INCORRECT_JSON_TYPE, INVALID_VALUE, MISSING_REQUIRED_ELEMENT,
    UNEXPECTED_REPEATING_ELEMENT, UNKNOWN_REFERENCE, INVALID_INTERNAL_REFERENCE, CONTAINED_WITHOUT_ID,
    EXTENSION_WITH_VALUE_AND_EXTENSIONS
  }

  // static: the FhirContext is HAPI's process-wide cached one, so the handler it holds may be another application
  // context's instance (tests start several); every instance must see the same per-thread counts
  private static final ThreadLocal<EnumMap<Kind, Integer>> perThread =
      ThreadLocal.withInitial(() -> new EnumMap<>(Kind.class));
  private static final AtomicLong total = new AtomicLong();

  public FhirParserIssues() {
    super(false);
    setErrorOnInvalidValue(false);
  }

  /** The counts of this thread since the last call, which clears them. */
  public Map<Kind, Integer> drainThisThread() {
    EnumMap<Kind, Integer> counts = perThread.get();
    if (counts.isEmpty()) {
      return Map.of();
    }
    Map<Kind, Integer> copy = Map.copyOf(counts);
    counts.clear();
    return copy;
  }

  /** How many invalid values this thread has counted (since its counts were last drained). */
  public static int invalidValuesOnThisThread() {
    return perThread.get().getOrDefault(Kind.INVALID_VALUE, 0);
  }

  /** Where this thread's counts stand now, to roll back to with {@link #rollBackThisThread}. */
  public static Map<Kind, Integer> markThisThread() {
    return Map.copyOf(perThread.get());
  }

  /**
   * Forgets what this thread counted since {@code mark}: FHIR content that is parsed again (a service gate's first
   * step, then the whole prefetch) is counted once.
   */
  public static void rollBackThisThread(Map<Kind, Integer> mark) {
    EnumMap<Kind, Integer> counts = perThread.get();
    long since = counts.values().stream().mapToLong(Integer::longValue).sum()
        - mark.values().stream().mapToLong(Integer::longValue).sum();
    counts.clear();
    counts.putAll(mark);
    total.addAndGet(-since);
  }

  /** Problems counted since start, on every thread. */
  public long total() {
    return total.get();
  }

  private void count(Kind kind) {
    perThread.get().merge(kind, 1, Integer::sum);
    total.incrementAndGet();
  }

  @Override
  public void unknownElement(IParseLocation location, String name) {
    count(Kind.UNKNOWN_ELEMENT);
  }

  @Override
  public void unknownAttribute(IParseLocation location, String name) {
    count(Kind.UNKNOWN_ATTRIBUTE);
  }

  @Override
  public void incorrectJsonType(IParseLocation location, String name, ValueType expected, ScalarType expectedScalar,
      ValueType found, ScalarType foundScalar) {
    count(Kind.INCORRECT_JSON_TYPE);
  }

  @Override
  public void invalidValue(IParseLocation location, String value, String error) {
    count(Kind.INVALID_VALUE);
    super.invalidValue(location, value, error);
  }

  @Override
  public void missingRequiredElement(IParseLocation location, String name) {
    count(Kind.MISSING_REQUIRED_ELEMENT);
  }

  @Override
  public void unexpectedRepeatingElement(IParseLocation location, String name) {
    count(Kind.UNEXPECTED_REPEATING_ELEMENT);
  }

  @Override
  public void unknownReference(IParseLocation location, String reference) {
    count(Kind.UNKNOWN_REFERENCE);
  }

  @Override
  public void invalidInternalReference(IParseLocation location, String reference) {
    count(Kind.INVALID_INTERNAL_REFERENCE);
  }

  @Override
  public void containedResourceWithNoId(IParseLocation location) {
    count(Kind.CONTAINED_WITHOUT_ID);
  }

  @Override
  public void extensionContainsValueAndNestedExtensions(IParseLocation location) {
    count(Kind.EXTENSION_WITH_VALUE_AND_EXTENSIONS);
  }
}
