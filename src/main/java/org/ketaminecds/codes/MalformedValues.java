package org.ketaminecds.codes;

import java.util.function.Supplier;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.PrimitiveType;
import org.ketaminecds.config.FhirParserIssues;

/**
 * A value the FHIR parser could not read (a date "2024-13-45", a status "Active", a dose "ten") is left out, and the
 * record with everything else it says is kept ({@link FhirParserIssues}): before, one such value failed the whole list
 * it came in, and with it every card of the call. HAPI keeps the text of such a value beside an empty value, on which
 * the CQL engine fails (NullPointerException), so the text is cleared too. Resources are walked only when their parse
 * reported an invalid value: clean data costs one comparison.
 */
public final class MalformedValues {

  private MalformedValues() {}

  /** The resource {@code parse} returns, with the values its parse could not read cleared. */
  public static <T extends IBaseResource> T readWithout(Supplier<T> parse) {
    int before = FhirParserIssues.invalidValuesOnThisThread();
    T resource = parse.get();
    if (FhirParserIssues.invalidValuesOnThisThread() != before) {
      clear(resource);
    }
    return resource;
  }

  /** Clears, in place, every primitive that holds text but no value; for a Bundle, in each entry's resource. */
  public static <T extends IBaseResource> T clear(T resource) {
    ResourceElements.visit(resource, element -> {
      if (element instanceof PrimitiveType<?> primitive && primitive.getValue() == null
          && primitive.getValueAsString() != null) {
        primitive.setValueAsString(null);
      }
      return true;
    });
    return resource;
  }
}
