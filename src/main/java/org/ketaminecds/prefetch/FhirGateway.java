package org.ketaminecds.prefetch;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.DataFormatException;
import ca.uhn.fhir.rest.client.api.IGenericClient;
import ca.uhn.fhir.rest.client.api.IRestfulClientFactory;
import ca.uhn.fhir.rest.client.api.ServerValidationModeEnum;
import ca.uhn.fhir.rest.client.exceptions.FhirClientConnectionException;
import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import ca.uhn.fhir.rest.server.exceptions.ResourceGoneException;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import java.io.InterruptedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.hl7.fhir.instance.model.api.IBaseBundle;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Medication;
import org.hl7.fhir.r4.model.Resource;
import org.ketaminecds.codes.CanonicalCodes;
import org.ketaminecds.codes.MalformedValues;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The HAPI generic client, wrapped: timeouts, {@code ServerValidationMode.NEVER} (no {@code
 * /metadata} call, docs/develop/stack-pitfalls.md P10) and no redirect following ({@link NoRedirectClientFactory}) are set once on the
 * injected context's client factory; one client per hook request carries the bearer token, to URLs inside its
 * {@code fhirServer} only ({@link ScopedBearerToken}). Failures become {@link FetchFailure}s with short reasons.
 */
@Component
class FhirGateway {

  private static final Logger log = LoggerFactory.getLogger(FhirGateway.class);
  private static final Pattern SEARCH = Pattern.compile("[A-Za-z]+(\\?.*)?");
  private static final Pattern COUNT = Pattern.compile("[?&]_count=");
  private static final Pattern READ = Pattern.compile("[A-Za-z]+/[A-Za-z0-9\\-.%]+(/_history/[^/?]+)?");

  private static final List<String> WARM_UP_TYPES = List.of("Bundle", "OperationOutcome", "Patient", "Condition",
      "Observation", "MedicationRequest", "MedicationStatement", "Medication", "AllergyIntolerance", "Encounter");

  private final FhirContext fhirContext;
  private final int maxPages;
  private final int pageSize;

  FhirGateway(FhirContext fhirContext, FhirClientProperties properties) {
    this.fhirContext = fhirContext;
    this.maxPages = properties.maxPages();
    NoRedirectClientFactory.installOn(fhirContext);
    this.pageSize = properties.pageSize();
    IRestfulClientFactory factory = fhirContext.getRestfulClientFactory();
    factory.setServerValidationMode(ServerValidationModeEnum.NEVER);
    factory.setConnectTimeout((int) properties.connectTimeout().toMillis());
    factory.setConnectionRequestTimeout((int) properties.connectTimeout().toMillis());
    factory.setSocketTimeout((int) properties.readTimeout().toMillis());
    factory.setPoolMaxPerRoute(Math.max(factory.getPoolMaxPerRoute(), properties.maxParallelFetches()));
    factory.setPoolMaxTotal(Math.max(factory.getPoolMaxTotal(), properties.maxParallelFetches()));
    // HAPI scans a resource type's model on first use (seconds on a busy host): do it now, not inside
    // the first request's deadline
    WARM_UP_TYPES.forEach(fhirContext::getResourceDefinition);
  }

  /** What the pages after the first held, and whether a {@code next} link was left unread at max-pages. */
  record LaterPages(List<Resource> resources, boolean truncated) {
  }

  /** The base URL of the access's FHIR server as sessions use it (no trailing slash); {@code fhirServer()} must be set. */
  static String base(FhirAccess access) {
    return access.fhirServer().toString().replaceAll("/+$", "");
  }

  /** A client for one hook request; {@code access.fhirServer()} must be set. */
  Session open(FhirAccess access) {
    String base = base(access);
    IGenericClient client = fhirContext.newRestfulGenericClient(base);
    // the token goes to URLs inside fhirServer only; a call elsewhere is refused before it is sent
    client.registerInterceptor(new ScopedBearerToken(new FhirBaseScope(access.fhirServer()), access.bearerToken()));
    AbortableCalls inFlight = new AbortableCalls();
    client.registerInterceptor(inFlight);
    return new Session(client, base, inFlight);
  }

  /**
   * Calls for one hook request; safe to use from the fetch threads (the client is only read). Close it when the
   * request is done fetching: calls still running are aborted, which frees their fetch workers.
   */
  final class Session implements AutoCloseable {

    private final IGenericClient client;
    private final String base;
    private final AbortableCalls inFlight;
    private final AtomicInteger calls = new AtomicInteger();

    private Session(IGenericClient client, String base, AbortableCalls inFlight) {
      this.client = client;
      this.base = base;
      this.inFlight = inFlight;
    }

    @Override
    public void close() {
      inFlight.abortAll();
    }

    String base() {
      return base;
    }

    int calls() {
      return calls.get();
    }

    /**
     * All pages of one relative read or search (up to max-pages). A read ({@code Type/id}) that
     * answers 404 or 410 is "no data"; a search that answers 404 is a failure.
     */
    PrefetchValue fetch(String relativeUrl, Deadline deadline, String key) {
      String url = withPageSize(relativeUrl.startsWith("/") ? relativeUrl.substring(1) : relativeUrl);
      String path = url.split("\\?", 2)[0];
      if (path.contains(":") || path.startsWith("/")) {
        throw new FetchFailure("template is not a relative FHIR URL");
      }
      IBaseResource first;
      if (SEARCH.matcher(url).matches()) {
        first = call(() -> client.search().byUrl(url).returnBundle(Bundle.class).execute(), false, deadline);
      } else {
        boolean read = READ.matcher(url).matches();
        Class<? extends IBaseResource> type = read ? resourceClass(url.substring(0, url.indexOf('/'))) : Bundle.class;
        first = call(() -> client.fetchResourceFromUrl(type, url), read, deadline);
      }
      PrefetchValue value = PrefetchValue.of(canonical(first));
      if (value.failed()) {
        throw new FetchFailure("FHIR server answered with an " + value.failure());
      }
      return value.hasNextPage() ? value.plus(laterPages(value.pageWithNext(), 1, deadline, key)) : value;
    }

    /**
     * The resources of the pages after {@code page}, following {@code next} links; truncated when a {@code next}
     * link was left unread at max-pages (the rules that read the key are then marked degraded).
     */
    LaterPages laterPages(Bundle page, int pagesRead, Deadline deadline, String key) {
      List<Resource> resources = new ArrayList<>();
      Bundle current = page;
      int pages = pagesRead;
      while (current != null) {
        if (pages >= maxPages) {
          log.warn("Prefetch key '{}': stopped after {} pages (cds.fhir.max-pages), more exist; the rules reading "
              + "it are reported degraded and the response says the history is incomplete", key, pages);
          return new LaterPages(resources, true);
        }
        Bundle withNext = checkNextLink(current);
        PrefetchValue next = PrefetchValue.of(canonical(call(() -> client.loadPage().next(withNext).execute(), false,
            deadline)));
        if (next.failed()) {
          throw new FetchFailure("FHIR server answered with an " + next.failure());
        }
        pages++;
        resources.addAll(next.resources());
        current = next.pageWithNext();
      }
      return new LaterPages(resources, false);
    }

    /** A search without {@code _count} asks for {@code cds.fhir.page-size} per page (a hint servers may lower; 0: none). */
    private String withPageSize(String url) {
      if (pageSize == 0 || !SEARCH.matcher(url).matches() || COUNT.matcher(url).find()) {
        return url;
      }
      return url + (url.contains("?") ? "&" : "?") + "_count=" + pageSize;
    }

    private Class<? extends IBaseResource> resourceClass(String type) {
      try {
        return fhirContext.getResourceDefinition(type).getImplementingClass();
      } catch (DataFormatException e) {
        throw new FetchFailure("template reads an unknown resource type");
      }
    }

    /** {@code Medication/{id}}, or empty when it does not exist. */
    Optional<Medication> medication(String id, Deadline deadline) {
      IBaseResource found =
          call(() -> client.read().resource(Medication.class).withId(id).execute(), true, deadline);
      return found instanceof Medication medication ? Optional.of(canonical(medication)) : Optional.empty();
    }

    /** Relative next links are resolved against fhirServer; links to another server are refused. */
    private Bundle checkNextLink(Bundle page) {
      Bundle.BundleLinkComponent link = page.getLink(IBaseBundle.LINK_NEXT);
      String url = link.getUrl();
      if (!url.contains("://")) {
        link.setUrl(base + "/" + (url.startsWith("/") ? url.substring(1) : url));
      } else if (!(url.equals(base) || url.startsWith(base + "/") || url.startsWith(base + "?"))) {
        throw new FetchFailure("next link points outside fhirServer");
      }
      return page;
    }

    private IBaseResource call(Supplier<? extends IBaseResource> request, boolean notFoundIsNoData, Deadline deadline) {
      if (deadline.passed()) {
        throw new FetchFailure("deadline exceeded");
      }
      calls.incrementAndGet();
      try {
        return MalformedValues.<IBaseResource>readWithout(request::get);
      } catch (ResourceNotFoundException | ResourceGoneException e) {
        if (notFoundIsNoData) {
          return null;
        }
        throw new FetchFailure("FHIR server answered " + e.getStatusCode());
      } catch (FhirClientConnectionException e) {
        throw new FetchFailure(timedOut(e) ? "FHIR server timed out" : "FHIR server unreachable");
      } catch (BaseServerResponseException e) {
        throw new FetchFailure("FHIR server answered " + e.getStatusCode());
      } catch (DataFormatException e) {
        throw new FetchFailure("FHIR server sent an unreadable response");
      }
    }
  }

  private static boolean timedOut(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof InterruptedIOException) {
        return true;
      }
    }
    return false;
  }

  /** Codes as the value sets write them ({@link CanonicalCodes}), as for a prefetch the client sent. */
  private <T extends IBaseResource> T canonical(T resource) {
    return CanonicalCodes.normalize(resource);
  }
}
