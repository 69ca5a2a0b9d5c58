package org.ketaminecds.prefetch;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The URLs of one {@code fhirServer}: same scheme, host and effective port, and a path that starts with the base's
 * path segments. A URL with user info, a fragment, a dot segment or an encoded slash or backslash in its path is
 * never inside (it could resolve elsewhere on the way). The EHR's bearer token is sent only to URLs inside
 * ({@link ScopedBearerToken}), so neither a redirect nor a {@code next} link can carry it to another server.
 */
final class FhirBaseScope {

  private final String scheme;
  private final String host;
  private final int port;
  private final List<String> segments;

  FhirBaseScope(URI base) {
    this.scheme = base.getScheme().toLowerCase(Locale.ROOT);
    this.host = base.getHost().toLowerCase(Locale.ROOT);
    this.port = effectivePort(base);
    this.segments = segments(base.getRawPath());
  }

  boolean contains(String url) {
    URI candidate;
    try {
      candidate = new URI(url);
    } catch (URISyntaxException | RuntimeException e) {
      return false;
    }
    return contains(candidate);
  }

  boolean contains(URI candidate) {
    if (!candidate.isAbsolute() || candidate.isOpaque() || candidate.getHost() == null
        || candidate.getRawUserInfo() != null || candidate.getRawFragment() != null) {
      return false;
    }
    String rawPath = candidate.getRawPath() == null ? "" : candidate.getRawPath().toLowerCase(Locale.ROOT);
    if (rawPath.contains("%2f") || rawPath.contains("%5c") || rawPath.contains("\\") || rawPath.contains("%2e")) {
      return false;
    }
    List<String> path = segments(candidate.getRawPath());
    return scheme.equalsIgnoreCase(candidate.getScheme())
        && host.equalsIgnoreCase(candidate.getHost())
        && port == effectivePort(candidate)
        && path.stream().noneMatch(s -> s.equals(".") || s.equals(".."))
        && path.size() >= segments.size()
        && path.subList(0, segments.size()).equals(segments);
  }

  private static List<String> segments(String rawPath) {
    String trimmed = rawPath == null ? "" : rawPath.replaceAll("^/+", "").replaceAll("/+$", "");
    return trimmed.isEmpty() ? List.of() : Arrays.asList(trimmed.split("/", -1));
  }

  private static int effectivePort(URI uri) {
    if (uri.getPort() != -1) {
      return uri.getPort();
    }
    return "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
  }
}
