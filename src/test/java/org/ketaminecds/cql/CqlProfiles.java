package org.ketaminecds.cql;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.hl7.elm.r1.Element;
import org.hl7.elm.r1.ExpressionDef;
import org.hl7.elm.r1.FunctionDef;
import org.hl7.elm.r1.Retrieve;
import org.opencds.cqf.cql.engine.execution.Profile;

/**
 * Where an evaluation spends its time, by define, function and retrieve, from the engine's own profile
 * ({@code CqlEngine.Options.EnableProfiling}): self time (the element's time less that of the defines, functions
 * and retrieves it called), total time, and how often it ran. For content authors looking for the costly CQL
 * ({@code bench/run profile-cql}); a development tool, never on in the service.
 */
public final class CqlProfiles {

  /** One line of the report. */
  public record Cost(String element, double selfMs, double totalMs, long calls) {}

  private CqlProfiles() {}

  /** How many of the request's resources reach the engine (the resource filter's effect; all when it is off). */
  public static int reachingEngine(CqlEvaluator evaluator, EvaluationRequest request) {
    return evaluator instanceof EngineCqlEvaluator engine ? engine.relevant(request).size() : request.resources().size();
  }

  /** Per resource type: how many of the request's resources reach the engine, of how many. */
  public static Map<String, String> reachingEngineByType(CqlEvaluator evaluator, EvaluationRequest request) {
    Map<String, int[]> counts = new java.util.TreeMap<>();
    request.resources().forEach(r -> counts.computeIfAbsent(r.fhirType(), t -> new int[2])[1]++);
    if (evaluator instanceof EngineCqlEvaluator engine) {
      engine.relevant(request).forEach(r -> counts.computeIfAbsent(r.fhirType(), t -> new int[2])[0]++);
    }
    Map<String, String> text = new java.util.TreeMap<>();
    counts.forEach((type, c) -> text.put(type, c[0] + "/" + c[1]));
    return text;
  }

  /** Evaluates the request {@code times} times with profiling on and returns the costs, highest self time first. */
  public static List<Cost> profile(CqlEvaluator evaluator, EvaluationRequest request, int times) {
    List<Profile> profiles = new ArrayList<>();
    var profiling = ((EngineCqlEvaluator) evaluator).profiling(profiles::add);
    for (int i = 0; i < times; i++) {
      profiling.evaluate(request);
    }
    Map<String, long[]> byElement = new HashMap<>();
    for (Profile profile : profiles) {
      collect(profile.getTree(), byElement);
    }
    return byElement.entrySet().stream()
        .map(e -> new Cost(e.getKey(), e.getValue()[0] / 1e6 / times, e.getValue()[1] / 1e6 / times,
            e.getValue()[2] / times))
        .sorted((a, b) -> Double.compare(b.selfMs(), a.selfMs()))
        .toList();
  }

  private static void collect(Profile.Node node, Map<String, long[]> byElement) {
    long children = 0;
    for (var byContext : node.getChildren().values()) {
      for (Profile.Node child : byContext.values()) {
        children += child.getTime();
        collect(child, byElement);
      }
    }
    if (node.getExpression() != null) {
      long[] cost = byElement.computeIfAbsent(label(node.getExpression()), k -> new long[3]);
      cost[0] += node.getTime() - children;
      cost[1] += node.getTime();
      cost[2] += node.getCount();
    }
  }

  private static String label(Element element) {
    if (element instanceof FunctionDef function) {
      return "function \"" + function.getName() + "\"";
    }
    if (element instanceof ExpressionDef define) {
      return "\"" + define.getName() + "\"";
    }
    if (element instanceof Retrieve retrieve) {
      return "[" + retrieve.getDataType().getLocalPart() + (retrieve.getCodes() != null ? ": codes" : "") + "]";
    }
    return element.getClass().getSimpleName();
  }
}
