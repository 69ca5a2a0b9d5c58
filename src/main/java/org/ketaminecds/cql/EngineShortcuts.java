package org.ketaminecds.cql;

import java.lang.reflect.Field;
import java.util.AbstractSet;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import org.opencds.cqf.cql.engine.execution.Cache;
import org.opencds.cqf.cql.engine.execution.CqlEngine;
import org.opencds.cqf.cql.engine.execution.State;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Two changes to the state of a new engine (4.4) where its defaults cost time the service gets nothing for; each
 * reaches a private field by reflection and does nothing when a later engine changes it ({@code EngineShortcutsTests}
 * then fails so the upgrade notices). Explain ({@link EngineCqlTracer}) keeps an unchanged engine.
 *
 * <p>{@link #untrackedResources}: switches off the engine's "evaluated resources" bookkeeping, which the service never
 * reads. The engine (4.4) keeps,
 * for every define, the set of resources its retrieves touched and copies that whole set into the caller's each time
 * the define is referenced, also from inside a query over every record: a reference to a patient-data define in a
 * per-record clause then costs time proportional to the chart, per record (quadratic on long histories). There is no
 * engine option for it, so the engine's stack of such sets is replaced by one whose sets ignore additions. Should a
 * later engine change that field, nothing is replaced and evaluation stays correct, only slower
 * ({@code EngineShortcutsTests} then fails so the upgrade notices).
 */
final class EngineShortcuts {

  private static final Logger log = LoggerFactory.getLogger(EngineShortcuts.class);
  private static final Field STACK = field(State.class, "evaluatedResourceStack", ArrayDeque.class);
  private static final Field FUNCTIONS = field(Cache.class, "functionCache", Map.class);

  private EngineShortcuts() {}

  /** Replaces the engine's bookkeeping; false when this engine version does not allow it. */
  static boolean untrackedResources(CqlEngine engine) {
    return set(STACK, engine.getState(), new IgnoringStack());
  }

  /**
   * Makes the engine's cache of resolved function calls look calls up by identity: the engine keys it by the
   * call's ELM node, whose hashCode is structural (every argument expression and signature type, recursively) and was
   * computed twice per function call (5% of the server's CPU samples on the typical bench patient). The same node
   * resolves to the same definition, so identity loses nothing. False when this engine version does not allow it.
   */
  static boolean identityFunctionCache(CqlEngine engine) {
    return set(FUNCTIONS, engine.getState().getCache(), new IdentityHashMap<>());
  }

  private static boolean set(Field field, Object target, Object value) {
    if (field == null) {
      return false;
    }
    try {
      field.set(target, value);
      return true;
    } catch (IllegalAccessException | RuntimeException e) {
      return false;
    }
  }

  /** The engine's private field of that name and type, accessible; null (and a log line) when it has none. */
  private static Field field(Class<?> owner, String name, Class<?> type) {
    try {
      Field field = owner.getDeclaredField(name);
      if (field.getType() != type) {
        throw new NoSuchFieldException(name + " is a " + field.getType().getSimpleName());
      }
      field.setAccessible(true);
      return field;
    } catch (NoSuchFieldException | RuntimeException e) {
      log.info("CQL engine without the expected {}.{}: left as it is ({})", owner.getSimpleName(), name,
          e.getClass().getSimpleName());
      return null;
    }
  }

  /** A stack whose every level is the same set that ignores additions. */
  private static final class IgnoringStack extends ArrayDeque<Set<Object>> {

    IgnoringStack() {
      super.push(Ignoring.SET);
    }

    @Override
    public void push(Set<Object> ignored) {
      super.push(Ignoring.SET);
    }
  }

  private static final class Ignoring extends AbstractSet<Object> {

    static final Ignoring SET = new Ignoring();

    @Override
    public boolean add(Object resource) {
      return false;
    }

    @Override
    public boolean addAll(Collection<?> resources) {
      return false;
    }

    @Override
    public Iterator<Object> iterator() {
      return Collections.emptyIterator();
    }

    @Override
    public int size() {
      return 0;
    }
  }
}
