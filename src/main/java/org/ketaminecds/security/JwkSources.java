package org.ketaminecds.security;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.DefaultResourceRetriever;
import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URI;
import java.net.URL;
import java.nio.file.Path;
import java.text.ParseException;
import java.time.Duration;

/**
 * Builds the JWK sources of trusted clients: cached, refreshed when a JWT names an unknown {@code kid} (key
 * rotation), at most two fetches per {@code jwks-refresh-min-interval}, stale keys kept through a short outage of the
 * key endpoint. {@code file:} locations are read the same way (edit the file to rotate).
 */
final class JwkSources {

  private static final int SIZE_LIMIT_BYTES = 256 * 1024;

  private final Duration cacheTtl;
  private final Duration refreshMinInterval;
  private final Duration timeout;

  /** @param timeout connect and read timeout of one fetch; other threads wait at most twice that for it */
  JwkSources(Duration cacheTtl, Duration refreshMinInterval, Duration timeout) {
    this.cacheTtl = cacheTtl;
    this.refreshMinInterval = refreshMinInterval;
    this.timeout = timeout;
  }

  /** A key source over an https, loopback http or {@code file:} location; file locations must be readable now. */
  JWKSource<SecurityContext> remote(URI location, String configKey) {
    URL url = toUrl(location, configKey);
    if ("file".equalsIgnoreCase(url.getProtocol())) {
      requireReadableKeySet(url, configKey);
    }
    return JWKSourceBuilder.<SecurityContext>create(url,
            new DefaultResourceRetriever((int) timeout.toMillis(), (int) timeout.toMillis(), SIZE_LIMIT_BYTES))
        .cache(cacheTtl.toMillis(), timeout.multipliedBy(2).toMillis())
        .rateLimited(refreshMinInterval.toMillis())
        .outageTolerant(cacheTtl.multipliedBy(2).toMillis())
        .build();
  }

  private static URL toUrl(URI location, String configKey) {
    try {
      if ("file".equalsIgnoreCase(location.getScheme())) {
        String path = location.isOpaque() ? location.getSchemeSpecificPart() : Path.of(location).toString();
        return Path.of(path).toAbsolutePath().normalize().toUri().toURL();
      }
      return location.toURL();
    } catch (MalformedURLException | IllegalArgumentException e) {
      throw new IllegalArgumentException(configKey + ": not a usable URL: " + location, e);
    }
  }

  private static void requireReadableKeySet(URL url, String configKey) {
    try {
      JWKSet keys = JWKSet.load(Path.of(url.toURI()).toFile());
      if (keys.toPublicJWKSet().isEmpty()) {
        throw new IllegalArgumentException(configKey + ": " + url + " holds no public key");
      }
    } catch (IOException | ParseException | java.net.URISyntaxException e) {
      throw new IllegalArgumentException(configKey + ": cannot read a JWKS from " + url + ": " + e.getMessage(), e);
    }
  }
}
