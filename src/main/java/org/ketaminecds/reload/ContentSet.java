package org.ketaminecds.reload;

import java.time.Instant;
import org.ketaminecds.cql.CqlEvaluator;
import org.ketaminecds.cql.CqlLibraryCatalog;
import org.ketaminecds.definition.ServiceCatalog;

/**
 * One complete, validated version of the content: the services and the CQL they read, loaded together and never
 * changed. A call reads the current set once ({@link LiveContent#current()}) and uses only it, so a reload cannot
 * give it the service definitions of one version and the CQL of another.
 *
 * @param version 1 for the content loaded at start-up, then one more for each reload that was swapped in
 * @param loadedAt when this version was loaded
 * @param services the service definitions (discovery, invocation, feedback)
 * @param cql what the CQL libraries offer (names, defines, versions)
 * @param evaluator the evaluator over exactly these libraries, value sets and site parameters
 */
public record ContentSet(
    long version, Instant loadedAt, ServiceCatalog services, CqlLibraryCatalog cql, CqlEvaluator evaluator) {}
