package org.ketaminecds.reload;

/** What started a reload, as {@link ReloadAttempt#trigger()} names it. */
final class ReloadTriggers {

  static final String FILE_CHANGE = "file change";
  static final String ADMIN = "admin";

  private ReloadTriggers() {}
}
