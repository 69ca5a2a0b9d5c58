package org.ketaminecds.reload;

import ca.uhn.fhir.context.FhirContext;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.ketaminecds.config.HookJson;
import org.ketaminecds.config.HooksContentProperties;
import org.ketaminecds.cql.CqlContent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.support.ResourcePatternResolver;

/** Reload on change ({@link ContentWatcher}, {@code file:} locations only) and on demand ({@link ReloadController}). */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ReloadProperties.class)
class ReloadConfig {

  private static final Logger log = LoggerFactory.getLogger(ReloadConfig.class);
  private static final String FILE = "file:";

  @Bean
  ContentReloader contentReloader(LiveContent live, CqlContent.Loader cqlLoader, HooksContentProperties hooks,
      ResourcePatternResolver resources, FhirContext fhirContext, @HookJson ObjectMapper mapper,
      ObjectProvider<Clock> clock) {
    return new ContentReloader(live, cqlLoader, hooks.hooksLocation(), resources, fhirContext, mapper,
        clock.getIfUnique(Clock::systemUTC));
  }

  @Bean
  ContentWatcher contentWatcher(ContentReloader reloader, CqlContent.Loader cqlLoader, HooksContentProperties hooks,
      ReloadProperties properties) {
    var folders = new ArrayList<Path>();
    for (String location : List.of(cqlLoader.location(), hooks.hooksLocation())) {
      if (location.startsWith(FILE)) {
        folders.add(Path.of(location.substring(FILE.length())).toAbsolutePath().normalize());
      }
    }
    boolean watch = properties.watch() == null ? folders.size() == 2 : properties.watch();
    if (watch && folders.isEmpty()) {
      log.warn("cds.content.watch=true, but no content location is a file: folder: nothing to watch");
    }
    return new ContentWatcher(watch ? folders : List.of(), properties.watchDebounce(),
        () -> reloader.reload(ReloadTriggers.FILE_CHANGE));
  }

  @Bean
  ContentHealthIndicator contentHealthIndicator(LiveContent live, ContentReloader reloader, ContentWatcher watcher) {
    return new ContentHealthIndicator(live, reloader, watcher);
  }
}
