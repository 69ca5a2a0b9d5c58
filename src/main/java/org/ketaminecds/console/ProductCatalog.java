package org.ketaminecds.console;

import java.util.List;

/**
 * Answer of {@code GET /preview/api/products}: the products, and the hooks for which the page asks for one (their
 * context carries the draft order).
 */
record ProductCatalog(List<String> orderingHooks, List<ProductSummary> products) {

  ProductCatalog {
    orderingHooks = List.copyOf(orderingHooks);
    products = List.copyOf(products);
  }
}
