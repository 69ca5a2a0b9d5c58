package org.ketaminecds.console;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.Locale;
import java.util.Set;

/**
 * Who may ask the console for a trusted token: requests whose {@code Host} and, when a browser sends one,
 * {@code Origin} name the host of {@code cds.security.public-base-url} (any of localhost, 127.0.0.1 and [::1] when
 * that host is a loopback name). A page on another site (its Origin) or a DNS-rebinding name pointed at this
 * machine (its Host) gets 403 (issue 13, item 9). Ports are not compared: the host is what an attacker cannot
 * choose.
 */
final class ConsoleOrigins {

  private static final Set<String> LOOPBACK = Set.of("localhost", "127.0.0.1", "[::1]", "::1");

  private final Set<String> hosts;

  ConsoleOrigins(URI publicBaseUrl) {
    String host = publicBaseUrl.getHost().toLowerCase(Locale.ROOT);
    this.hosts = LOOPBACK.contains(host) ? LOOPBACK : Set.of(host);
  }

  boolean allows(HttpServletRequest request) {
    String host = request.getHeader("Host");
    if (host == null || !hosts.contains(hostName(host))) {
      return false;
    }
    String origin = request.getHeader("Origin");
    if (origin == null) {
      return true;
    }
    try {
      URI uri = URI.create(origin.strip());
      return uri.getHost() != null && hosts.contains(uri.getHost().toLowerCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  /** The host of a Host header value, without port, lower case. */
  private static String hostName(String header) {
    String value = header.strip().toLowerCase(Locale.ROOT);
    if (value.startsWith("[")) {
      int end = value.indexOf(']');
      return end < 0 ? value : value.substring(0, end + 1);
    }
    int colon = value.indexOf(':');
    return colon < 0 ? value : value.substring(0, colon);
  }
}
