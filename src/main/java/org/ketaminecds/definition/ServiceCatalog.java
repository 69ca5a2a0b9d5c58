package org.ketaminecds.definition;

import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/** The loaded, validated services, by id; immutable for the life of the process. */
public record ServiceCatalog(SortedMap<String, ServiceDefinition> byId) {

  public ServiceCatalog {
    byId = Collections.unmodifiableSortedMap(new TreeMap<>(byId));
  }

  public static ServiceCatalog of(Collection<ServiceDefinition> definitions) {
    var byId = new TreeMap<String, ServiceDefinition>();
    definitions.forEach(d -> byId.put(d.id(), d));
    return new ServiceCatalog(byId);
  }

  /** All services, ordered by id. */
  public List<ServiceDefinition> all() {
    return List.copyOf(byId.values());
  }

  public Optional<ServiceDefinition> find(String id) {
    return Optional.ofNullable(byId.get(id));
  }

  /** @throws UnknownServiceException when there is no service with this id (HTTP 404) */
  public ServiceDefinition require(String id) {
    return find(id).orElseThrow(() -> new UnknownServiceException(id));
  }
}
