package org.ketaminecds.cards;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Objects;
import java.util.stream.Collectors;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.instance.model.api.IPrimitiveType;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Reference;
import org.opencds.cqf.cql.engine.runtime.BaseTemporal;
import org.opencds.cqf.cql.engine.runtime.Code;
import org.opencds.cqf.cql.engine.runtime.Concept;
import org.opencds.cqf.cql.engine.runtime.Interval;
import org.opencds.cqf.cql.engine.runtime.Quantity;
import org.opencds.cqf.cql.engine.runtime.Ratio;
import org.opencds.cqf.cql.engine.runtime.Tuple;

/**
 * Renders CQL engine values as card text (README, "Templates"): String as is; Integer and Decimal plain;
 * Date, DateTime and Time in ISO form at their precision; Quantity "value unit"; Code and Concept their
 * display, else the code; Interval "low – high"; Tuple "k: v, ..."; List one element per line; FHIR
 * primitives their value, FHIR resources "Type/id"; null "".
 */
public final class CqlValues {

  static final String RANGE = " – ";

  private CqlValues() {}

  /** The text a card template shows for a CQL value. */
  public static String text(Object value) {
    if (value == null) {
      return "";
    } else if (value instanceof String string) {
      return string;
    } else if (value instanceof BigDecimal decimal) {
      return decimal.signum() == 0 ? "0" : decimal.stripTrailingZeros().toPlainString();
    } else if (value instanceof Number || value instanceof Boolean) {
      return value.toString();
    } else if (value instanceof BaseTemporal) {
      return value.toString();
    } else if (value instanceof Quantity quantity) {
      return quantity(quantity);
    } else if (value instanceof Ratio ratio) {
      return quantity(ratio.getNumerator()) + ":" + quantity(ratio.getDenominator());
    } else if (value instanceof Code code) {
      return firstNonBlank(code.getDisplay(), code.getCode());
    } else if (value instanceof Concept concept) {
      return concept(concept);
    } else if (value instanceof Interval interval) {
      return range(text(interval.getLow()), text(interval.getHigh()));
    } else if (value instanceof Tuple tuple) {
      return tuple.getElements().entrySet().stream()
          .filter(e -> !text(e.getValue()).isEmpty())
          .map(e -> e.getKey() + ": " + text(e.getValue()))
          .collect(Collectors.joining(", "));
    } else if (value instanceof Iterable<?> list) {
      var lines = new ArrayList<String>();
      list.forEach(element -> lines.add(text(element)));
      return lines.stream().filter(line -> !line.isEmpty()).collect(Collectors.joining("\n"));
    }
    return fhir(value);
  }

  private static String fhir(Object value) {
    if (value instanceof IPrimitiveType<?> primitive) {
      return Objects.toString(primitive.getValueAsString(), "");
    } else if (value instanceof org.hl7.fhir.r4.model.Coding coding) {
      return firstNonBlank(coding.getDisplay(), coding.getCode());
    } else if (value instanceof CodeableConcept concept) {
      return concept.hasText() || concept.getCoding().isEmpty()
          ? Objects.toString(concept.getText(), "")
          : fhir(concept.getCodingFirstRep());
    } else if (value instanceof org.hl7.fhir.r4.model.Quantity quantity) {
      var number = quantity.hasValue() ? text(quantity.getValue()) : "";
      var unit = firstNonBlank(quantity.getUnit(), quantity.getCode());
      return unit.isEmpty() ? number : number + " " + unit;
    } else if (value instanceof Period period) {
      return range(text(period.getStartElement()), text(period.getEndElement()));
    } else if (value instanceof Reference reference) {
      return firstNonBlank(reference.getDisplay(), reference.getReference());
    } else if (value instanceof IBaseResource resource) {
      var id = resource.getIdElement();
      return id.hasIdPart() ? id.toUnqualifiedVersionless().getValue() : resource.fhirType();
    }
    return value.toString();
  }

  private static String quantity(Quantity quantity) {
    var number = text(quantity.getValue());
    var unit = quantity.getUnit();
    return unit == null || unit.isBlank() || Quantity.isDefaultUnit(unit) ? number : number + " " + unit;
  }

  private static String concept(Concept concept) {
    if (concept.getDisplay() != null && !concept.getDisplay().isBlank()) {
      return concept.getDisplay();
    }
    var codes = concept.getCodes();
    return codes == null || codes.isEmpty() ? "" : text(codes.get(0));
  }

  private static String range(String low, String high) {
    if (low.isEmpty() && high.isEmpty()) {
      return "";
    }
    return (low.isEmpty() ? "…" : low) + RANGE + (high.isEmpty() ? "…" : high);
  }

  private static String firstNonBlank(String first, String second) {
    if (first != null && !first.isBlank()) {
      return first;
    }
    return second == null ? "" : second;
  }
}
