package org.ketaminecds.prefetch;

import ca.uhn.fhir.parser.DataFormatException;
import ca.uhn.fhir.parser.IJsonLikeParser;
import ca.uhn.fhir.parser.IParser;
import ca.uhn.fhir.parser.json.jackson.JacksonStructure;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import org.hl7.fhir.instance.model.api.IBaseBundle;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.OperationOutcome.IssueSeverity;
import org.hl7.fhir.r4.model.Resource;
import org.ketaminecds.codes.MalformedValues;

/**
 * The data of one prefetch key, whether the client sent it or the FHIR server returned it: a
 * resource as-is, or a Bundle's entry resources (including {@code _include}d ones), and the page to
 * continue from when the Bundle has a {@code next} link.
 *
 * <p>OperationOutcome rules: an OperationOutcome in place of the data, or a Bundle entry that is an
 * OperationOutcome with an {@code error} or {@code fatal} issue (or one without severity), means the
 * key failed. OperationOutcome entries with only {@code warning}/{@code information} issues
 * (search.mode = outcome, e.g. Epic's "no results" warning) are dropped: they are neither patient
 * data nor a failure, so a Bundle of only such outcomes is an empty result.
 *
 * @param failure why the key failed, or {@code null}
 * @param truncated more pages existed than {@code cds.fhir.max-pages} allowed to read: the list is not whole
 */
record PrefetchValue(List<Resource> resources, Bundle pageWithNext, String failure, boolean truncated) {

  PrefetchValue {
    resources = List.copyOf(resources);
  }

  PrefetchValue(List<Resource> resources, Bundle pageWithNext, String failure) {
    this(resources, pageWithNext, failure, false);
  }

  static PrefetchValue noData() {
    return new PrefetchValue(List.of(), null, null);
  }

  static PrefetchValue failed(String reason) {
    return new PrefetchValue(List.of(), null, reason);
  }

  /**
   * The JSON a client sent for one key, read by HAPI from the tree the request body was parsed into (no second
   * parse of the text); {@code null} (or JSON null) means "no data exists".
   */
  static PrefetchValue parse(IParser parser, JsonNode json) {
    if (json == null || json.isNull() || json.isMissingNode()) {
      return noData();
    }
    if (!(json instanceof ObjectNode object)) {
      return failed("prefetch value is not a FHIR R4 resource");
    }
    try {
      var structure = new JacksonStructure();
      structure.setNativeObject(object);
      return of(MalformedValues.readWithout(() -> ((IJsonLikeParser) parser).parseResource(structure)));
    } catch (DataFormatException | ClassCastException | NullPointerException | IllegalArgumentException e) {
      // HAPI reports some malformed input (a Bundle entry whose resource is null or a scalar) with a
      // NullPointerException rather than a DataFormatException
      return failed("prefetch value is not a FHIR R4 resource");
    }
  }

  static PrefetchValue of(IBaseResource resource) {
    if (resource == null) {
      return noData();
    }
    if (resource instanceof OperationOutcome) {
      return failed("OperationOutcome instead of data");
    }
    if (!(resource instanceof Bundle bundle)) {
      return new PrefetchValue(List.of((Resource) resource), null, null);
    }
    List<Resource> resources = new ArrayList<>();
    for (Bundle.BundleEntryComponent entry : bundle.getEntry()) {
      Resource r = entry.getResource();
      if (r instanceof OperationOutcome outcome) {
        if (hasError(outcome)) {
          return failed("OperationOutcome with errors in the Bundle");
        }
      } else if (r != null) {
        resources.add(r);
      }
    }
    Bundle.BundleLinkComponent next = bundle.getLink(IBaseBundle.LINK_NEXT);
    boolean paged = next != null && next.hasUrl();
    return new PrefetchValue(resources, paged ? bundle : null, null);
  }

  boolean failed() {
    return failure != null;
  }

  boolean hasNextPage() {
    return pageWithNext != null;
  }

  /** This page's resources followed by those of later pages (truncated when those stopped at max-pages). */
  PrefetchValue plus(FhirGateway.LaterPages more) {
    List<Resource> all = new ArrayList<>(resources);
    all.addAll(more.resources());
    return new PrefetchValue(all, null, failure, more.truncated());
  }

  private static boolean hasError(OperationOutcome outcome) {
    return outcome.getIssue().stream()
        .anyMatch(i -> i.getSeverity() == null
                || i.getSeverity() == IssueSeverity.NULL
                || i.getSeverity() == IssueSeverity.ERROR
                || i.getSeverity() == IssueSeverity.FATAL);
  }
}
