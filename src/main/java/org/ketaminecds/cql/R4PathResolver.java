package org.ketaminecds.cql;

import ca.uhn.fhir.context.BaseRuntimeChildDefinition;
import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.RuntimeChildChoiceDefinition;
import ca.uhn.fhir.context.RuntimeChildPrimitiveDatatypeDefinition;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.hl7.fhir.instance.model.api.IBase;
import org.hl7.fhir.instance.model.api.IPrimitiveType;
import org.hl7.fhir.r4.model.Base;
import org.hl7.fhir.r4.model.BaseDateTimeType;
import org.hl7.fhir.r4.model.PrimitiveType;
import org.hl7.fhir.r4.model.Resource;
import org.opencds.cqf.cql.engine.fhir.model.R4FhirModelResolver;

/**
 * The engine's R4 model resolver with a cheaper {@link #resolvePath}: the engine calls it for every property a
 * CQL expression reads (several per record per query clause), and the inherited version compiles a regular
 * expression to split the path on each call. Here each distinct path (there are only as many as the ELM names) is
 * split once and its segments are kept, so their hash codes are computed once too; each segment is then resolved
 * exactly as before. Paths with {@code [n]} keep the inherited handling.
 *
 * <p>It keeps, per element class and property name, the HAPI child definition the inherited
 * version looks up on every call (by name, and for choice types such as {@code effective[x]} by scanning every child
 * of the type), then reads the values exactly as the inherited version does. The value of a date, dateTime or
 * instant is converted by {@link FhirTemporals} (the same result without the inherited calendar-and-string detour);
 * other primitives keep the inherited handling. Each segment of a cached path also remembers the child it resolved
 * for the last element class it met, so the usual read (one class per segment) skips the lookups altogether; element
 * kinds are told apart by class tests ({@code Base}, {@code PrimitiveType}), not interface scans. Thread-safe.
 */
final class R4PathResolver extends R4FhirModelResolver {

  private static final int MAX_CACHED_PATHS = 10_000;

  private final Map<String, Segment[]> segments = new ConcurrentHashMap<>();
  // per element class, per property name: a lookup allocates nothing (no key object, no capturing lambda)
  private final ClassValue<Map<String, Child>> children = new ClassValue<>() {
    @Override
    protected Map<String, Child> computeValue(Class<?> type) {
      return new ConcurrentHashMap<>();
    }
  };

  /** The child definition (null: no such property) and, for a typed choice name, the class its value must have. */
  private record Child(BaseRuntimeChildDefinition definition, String choiceClassName) {}

  R4PathResolver(FhirContext fhirContext) {
    super(fhirContext);
  }

  @Override
  public Object resolvePath(Object target, String path) {
    Segment[] parts = segments.get(path);
    if (parts == null) {
      if (path.indexOf('[') >= 0) {
        return super.resolvePath(target, path);
      }
      parts = Arrays.stream(split(path)).map(Segment::new).toArray(Segment[]::new);
      if (segments.size() < MAX_CACHED_PATHS) {
        segments.put(path, parts);
      }
    }
    Object value = target;
    for (Segment part : parts) {
      value = isComposite(value) ? read((Base) value, part.name, part.child((Base) value))
          : resolveProperty(value, part.name);
    }
    return value;
  }

  @Override
  protected Object resolveProperty(Object target, String path) {
    if (!isComposite(target)) {
      if (target instanceof BaseDateTimeType temporal && "value".equals(path)) {
        Object converted = FhirTemporals.toCql(temporal);
        if (converted != null) {
          return converted;
        }
      }
      return super.resolveProperty(target, path);
    }
    return read((Base) target, path, child((Base) target, path));
  }

  /** An R4 element with children (resource, datatype, backbone element); class tests only, no interface scans. */
  private static boolean isComposite(Object target) {
    return target instanceof Base && !(target instanceof PrimitiveType<?>);
  }

  private static Object read(Base base, String path, Child child) {
    if (base instanceof Resource resource && resource.fhirType().equals(path)) {
      return base;
    }
    if (child.definition() == null) {
      return null;
    }
    List<IBase> values = child.definition().getAccessor().getValues(base);
    if (values == null || values.isEmpty()) {
      return null;
    }
    if (child.definition() instanceof RuntimeChildPrimitiveDatatypeDefinition
        && values.get(0) instanceof IPrimitiveType<?> primitive && !primitive.hasValue()) {
      return null;
    }
    if (child.choiceClassName() != null
        && !values.get(0).getClass().getSimpleName().equalsIgnoreCase(child.choiceClassName())) {
      return null;
    }
    return child.definition().getMax() < 1 ? values : values.get(0);
  }

  private Child child(Base base, String path) {
    Map<String, Child> byName = children.get(base.getClass());
    Child child = byName.get(path);
    if (child == null) {
      child = lookUp(base, path);
      byName.put(path, child);
    }
    return child;
  }

  /**
   * One segment of a cached path, with the child it resolved to for the last element class it met: most path
   * segments of the ELM always meet the same class, so the by-class, by-name lookup is skipped. A racy but safe
   * cache: the pair is immutable and a stale or lost write only means one more lookup.
   */
  private final class Segment {
    private final String name;
    private ResolvedChild last;

    Segment(String name) {
      this.name = name;
    }

    Child child(Base base) {
      ResolvedChild cached = last;
      if (cached != null && cached.type() == base.getClass()) {
        return cached.child();
      }
      Child child = R4PathResolver.this.child(base, name);
      last = new ResolvedChild(base.getClass(), child);
      return child;
    }
  }

  private record ResolvedChild(Class<?> type, Child child) {}

  private Child lookUp(Base base, String path) {
    var definition = resolveRuntimeDefinition(base);
    BaseRuntimeChildDefinition child = definition.getChildByName(path);
    if (child == null) {
      child = resolveChoiceProperty(definition, path);
    }
    if (child == null) {
      return new Child(null, null);
    }
    String choiceClassName = child instanceof RuntimeChildChoiceDefinition && !child.getElementName().equalsIgnoreCase(path)
        ? child.getChildByName(path).getImplementingClass().getSimpleName()
        : null;
    return new Child(child, choiceClassName);
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
