package org.ketaminecds.bench;

import java.util.concurrent.TimeUnit;
import org.ketaminecds.cards.RenderedCards;
import org.ketaminecds.cql.EvaluationRequest;
import org.ketaminecds.cql.EvaluationResult;
import org.ketaminecds.definition.ServiceDefinition;
import org.ketaminecds.prefetch.PatientData;
import org.ketaminecds.prefetch.PrefetchRequest;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The pipeline steps without HTTP, JSON envelope or security, on the application's own beans and the real
 * content ({@code bench/run jmh}): prefetch JSON to resources (HAPI parse, de-duplication, medicationReference
 * resolution), CQL evaluation of the ketamine-order-check defines, and card rendering, for a small, a typical
 * and a heavy generated patient. Average time per operation.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xmx1g"})
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
public class EvaluationBenchmarks {

  @Param({"small", "typical", "heavy"})
  public String patient;

  private BenchContext bench;
  private ServiceDefinition service;
  private PrefetchRequest prefetch;
  private EvaluationRequest evaluation;
  private EvaluationResult result;

  @Setup(Level.Trial)
  public void start() {
    bench = new BenchContext();
    service = bench.catalog.require(BenchRequests.ORDER_SERVICE);
    var generated = bench.generator.generate(PatientProfile.valueOf(patient.toUpperCase()), 1);
    prefetch = bench.prefetchRequest(BenchRequests.ORDER_SERVICE, generated);
    evaluation = bench.evaluationRequest(BenchRequests.ORDER_SERVICE, generated);
    result = bench.evaluator.evaluate(evaluation);
  }

  @TearDown(Level.Trial)
  public void stop() {
    bench.close();
  }

  @Benchmark
  public PatientData resolvePrefetch() {
    return bench.resolver.resolve(prefetch);
  }

  @Benchmark
  public EvaluationResult evaluate() {
    return bench.evaluator.evaluate(evaluation);
  }

  @Benchmark
  public RenderedCards render() {
    return bench.renderer.render(service.rules(), result);
  }
}
