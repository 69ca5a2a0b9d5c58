package org.ketaminecds.cql;

import java.util.Set;

/**
 * CQL parameters whose value comes from the hook call itself, never from the site ({@code cds.cql.parameters}
 * refuses them): the runtime binds them for each call when a library declares them.
 */
public final class HookParameters {

  /**
   * {@code List<System.String>}: on order-select, the draft orders {@code context.selections} designates, as
   * {@code Type/id}; unset (null) on other hooks, where every draft order is being signed.
   */
  public static final String SELECTIONS = "Selections";

  static final Set<String> ALL = Set.of(SELECTIONS);

  private HookParameters() {}

  /** Whether the runtime sets this parameter for each call. */
  public static boolean isHookParameter(String name) {
    return ALL.contains(name);
  }
}
