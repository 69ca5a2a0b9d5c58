package org.ketaminecds.discovery;

import java.util.List;

/** {@code {"services": [...]}}; the list is always present, possibly empty. */
record DiscoveryResponse(List<ServiceDescriptor> services) {

  DiscoveryResponse {
    services = List.copyOf(services);
  }
}
