package org.ketaminecds.security;

import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * One allowed FHIR server base URL. A request's {@code fhirServer} matches when scheme, host and effective port are
 * equal (scheme and host case-insensitively) and the allowed path, split into segments with trailing slashes
 * ignored, is a prefix of its path. {@code https://ehr.example.org/fhir/R4} thus allows {@code .../fhir/R4},
 * {@code .../fhir/R4/} and {@code .../fhir/R4/tenant-a}, but not {@code .../fhir/R4-test}, {@code http://...}, another
 * port or host. Candidates with user info, query, fragment, dot segments or encoded slashes never match.
 */
record FhirServerPrefix(String scheme, String host, int port, List<String> segments) {

  static FhirServerPrefix of(URI base) {
    if (!isValidBase(base)) {
      throw new IllegalArgumentException("not an allowed FHIR server base URL: " + base);
    }
    return new FhirServerPrefix(base.getScheme().toLowerCase(Locale.ROOT), base.getHost().toLowerCase(Locale.ROOT),
        effectivePort(base), segments(base));
  }

  /** Absolute http(s) URL with a host and no user info, query, fragment, dot segment or encoded slash. */
  static boolean isValidBase(URI uri) {
    if (uri == null || !uri.isAbsolute() || uri.isOpaque() || uri.getHost() == null) {
      return false;
    }
    String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
    String rawPath = uri.getRawPath() == null ? "" : uri.getRawPath().toLowerCase(Locale.ROOT);
    return (scheme.equals("https") || scheme.equals("http"))
        && uri.getRawUserInfo() == null && uri.getRawQuery() == null && uri.getRawFragment() == null
        && !rawPath.contains("%2f") && !rawPath.contains("%5c") && !rawPath.contains("\\")
        && segments(uri).stream().noneMatch(s -> s.equals(".") || s.equals("..") || s.contains("\\"));
  }

  boolean matches(URI candidate) {
    if (!isValidBase(candidate)) {
      return false;
    }
    List<String> candidateSegments = segments(candidate);
    return scheme.equalsIgnoreCase(candidate.getScheme())
        && host.equalsIgnoreCase(candidate.getHost())
        && port == effectivePort(candidate)
        && candidateSegments.size() >= segments.size()
        && candidateSegments.subList(0, segments.size()).equals(segments);
  }

  private static List<String> segments(URI uri) {
    String path = uri.getPath() == null ? "" : uri.getPath();
    String trimmed = path.replaceAll("^/+", "").replaceAll("/+$", "");
    return trimmed.isEmpty() ? List.of() : Arrays.asList(trimmed.split("/", -1));
  }

  private static int effectivePort(URI uri) {
    if (uri.getPort() != -1) {
      return uri.getPort();
    }
    return "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
  }
}
