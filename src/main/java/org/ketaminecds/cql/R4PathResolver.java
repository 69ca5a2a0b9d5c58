package org.ketaminecds.cql;

import ca.uhn.fhir.context.FhirContext;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.opencds.cqf.cql.engine.fhir.model.R4FhirModelResolver;

/**
 * The engine's R4 model resolver with a cheaper {@link #resolvePath}: the engine calls it for every property a
 * CQL expression reads (several per record per query clause), and the inherited version compiles a regular
 * expression to split the path on each call. Here each distinct path (there are only as many as the ELM names) is
 * split once and its segments are kept, so their hash codes are computed once too; each segment is then resolved
 * exactly as before. Paths with {@code [n]} keep the inherited handling. Thread-safe.
 */
final class R4PathResolver extends R4FhirModelResolver {

  private static final int MAX_CACHED_PATHS = 10_000;

  private final Map<String, String[]> segments = new ConcurrentHashMap<>();

  R4PathResolver(FhirContext fhirContext) {
    super(fhirContext);
  }

  @Override
  public Object resolvePath(Object target, String path) {
    String[] parts = segments.get(path);
    if (parts == null) {
      if (path.indexOf('[') >= 0) {
        return super.resolvePath(target, path);
      }
      parts = split(path);
      if (segments.size() < MAX_CACHED_PATHS) {
        segments.put(path, parts);
      }
    }
    Object value = target;
    for (String part : parts) {
      value = resolveProperty(value, part);
    }
    return value;
  }

  /** Splits on '.', dropping trailing empty segments as the inherited version does. */
  static String[] split(String path) {
    int end = path.length();
    while (end > 0 && path.charAt(end - 1) == '.') {
      end--;
    }
    return end == 0 ? new String[0] : path.substring(0, end).split("\\.", -1);
  }
}
