package org.ketaminecds.console;

import java.time.Instant;

/** Answer of {@code POST /preview/api/token}: a JWT for one call to the path asked for. */
record ConsoleToken(String token, Instant expiresAt) {}
