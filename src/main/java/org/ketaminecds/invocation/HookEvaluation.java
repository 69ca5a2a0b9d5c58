package org.ketaminecds.invocation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.ketaminecds.cards.Card;
import org.ketaminecds.cards.CardRenderer;
import org.ketaminecds.cards.IncompleteHistory;
import org.ketaminecds.cards.CardRule;
import org.ketaminecds.cards.CdsResponse;
import org.ketaminecds.cards.DegradedRule;
import org.ketaminecds.cards.RenderedCards;
import org.ketaminecds.config.HookJson;
import org.ketaminecds.cql.EvaluationRequest;
import org.ketaminecds.cql.EvaluationResult;
import org.ketaminecds.definition.ServiceDefinition;
import org.ketaminecds.prefetch.PatientData;
import org.ketaminecds.reload.ContentSet;
import org.ketaminecds.reload.LiveContent;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * The evaluation steps of one hook call, shared by the endpoint ({@link HookInvoker}) and in-process tools (the
 * content test command, the explain view): request checked against its service, prefetch resolved, the rules'
 * defines evaluated, cards rendered. {@link #evaluate} is the in-process entry: no client identity, no
 * fhirServer policy, no audit row, no evaluation slot, and its {@link Result} says which rule produced each card
 * and which rules degraded; none of that goes to an EHR (the wire response is {@link Result#response()}).
 */
@Component
public class HookEvaluation {

  private final LiveContent content;
  private final HookRequestReader reader;
  private final HookRequestValidator validator;
  private final PrefetchStep prefetchStep;
  private final CardRenderer cardRenderer;
  private final ObjectMapper mapper;
  private final Clock clock;

  HookEvaluation(LiveContent content, HookRequestReader reader, HookRequestValidator validator,
      PrefetchStep prefetchStep, CardRenderer cardRenderer,
      @HookJson ObjectMapper mapper, ObjectProvider<Clock> clock) {
    this.content = content;
    this.reader = reader;
    this.validator = validator;
    this.prefetchStep = prefetchStep;
    this.cardRenderer = cardRenderer;
    this.mapper = mapper;
    this.clock = clock.getIfUnique(Clock::systemDefaultZone);
  }

  /**
   * One in-process hook call.
   *
   * @param serviceId the service, as in {@code POST /cds-services/{id}}
   * @param request the hook request body, as an EHR would send it
   * @param extraDefines further defines of the service's library to evaluate for the caller (e.g. to check their
   *     values); evaluated apart from the rules' defines, so they never change which cards fire
   * @throws RuntimeException the same exceptions (and so problem types) the endpoint answers with: unknown
   *     service, invalid request, prefetch unavailable, evaluation failed
   */
  public Result evaluate(String serviceId, ObjectNode request, Set<String> extraDefines) {
    return evaluate(serviceId, request, extraDefines, Map.of());
  }

  /**
   * The same with CQL parameters set for this call only (an example case's {@code parameters}): they replace the
   * site's values of the same name ({@code cds.cql.parameters}) on the engine's one parameter path, for the rules'
   * defines and the extra defines alike.
   *
   * @param parameters parameter name to a value of its declared CQL type ({@link
   *     org.ketaminecds.cql.ParameterValues}); names no library declares are the caller's to reject
   */
  public Result evaluate(String serviceId, ObjectNode request, Set<String> extraDefines,
      Map<String, Object> caseParameters) {
    var receivedAt = clock.instant();
    var hookRequest = reader.read(json(request));
    var version = content.current(); // one content version for the whole call
    var service = version.services().require(serviceId);
    var valid = validator.validate(hookRequest, service);
    var parameters = CallParameters.of(version, valid.context(), caseParameters);
    var data = prefetchStep.gated(version, service, valid, now(receivedAt), parameters);
    var result = evaluate(version, service, valid, data, receivedAt, parameters);
    var rendered = render(service, result, data);
    if (ServiceGate.closed(service.appliesWhen(), result)) {
      data = prefetch(version, service, valid, parameters.keySet()); // the whole chart: the check, the extra defines
      var withoutGate = version.evaluator().evaluate(rulesRequest(service, valid, data, receivedAt, parameters));
      ServiceGate.check(service, renderRules(service, withoutGate, data));
    }
    var extra = new LinkedHashSet<>(extraDefines);
    extra.removeAll(result.values().keySet());
    extra.removeAll(result.failures().keySet());
    var defines = result;
    if (!extra.isEmpty()) {
      var more = version.evaluator().evaluate(new EvaluationRequest(service.library().id(), valid.context().patientId(),
          data.resources(), extra, parameters, now(receivedAt)));
      defines = result.plus(more);
    }
    return new Result(serviceId, service.library().id(), rendered, defines);
  }

  /**
   * The ids of a service's card rules, in order.
   *
   * @throws org.ketaminecds.definition.UnknownServiceException when there is no such service
   */
  public List<String> ruleIds(String serviceId) {
    return content.current().services().require(serviceId).rules().stream().map(CardRule::id).toList();
  }

  /** The CQL parameters the current content declares, name to declared types. */
  public Map<String, Set<String>> parameterTypes() {
    return content.current().cql().parameterTypes();
  }

  /** What one in-process call produced. */
  public record Result(String serviceId, String library, RenderedCards rendered, EvaluationResult defines) {

    /** The cards, each with the id of the rule that produced it ({@link Card#ruleId()}). */
    public List<Card> cards() {
      return rendered.cards();
    }

    /** The rules that could not be evaluated or rendered, with the reason. */
    public List<DegradedRule> degraded() {
      return rendered.degraded();
    }

    /** The response as the endpoint sends it. */
    public CdsResponse response() {
      return rendered.toResponse();
    }
  }

  /**
   * The service's prefetch, resolved; resources no rule of this content version can read are left out
   * ({@code parameters}: the CQL parameters the call sets itself).
   */
  PatientData prefetch(ContentSet version, ServiceDefinition service, ValidatedRequest valid,
      Set<String> parameters) {
    return prefetchStep.full(version, service, valid, parameters);
  }

  /** The endpoint's prefetch: for a gated service, first only what its gate reads ({@link PrefetchStep#gated}). */
  PatientData gatedPrefetch(ContentSet version, ServiceDefinition service, ValidatedRequest valid, Instant receivedAt) {
    return prefetchStep.gated(version, service, valid, now(receivedAt), CallParameters.of(version, valid.context(),
        Map.of()));
  }

  /** The defines the service's rules need, staged as the endpoint evaluates them. */
  EvaluationResult evaluate(ContentSet version, ServiceDefinition service, ValidatedRequest valid, PatientData data,
      Instant receivedAt) {
    return evaluate(version, service, valid, data, receivedAt, CallParameters.of(version, valid.context(), Map.of()));
  }

  private EvaluationResult evaluate(ContentSet version, ServiceDefinition service, ValidatedRequest valid,
      PatientData data, Instant receivedAt, Map<String, Object> parameters) {
    return ServiceGate.evaluate(version.evaluator(), service.appliesWhen(),
        rulesRequest(service, valid, data, receivedAt, parameters));
  }

  private EvaluationRequest rulesRequest(ServiceDefinition service, ValidatedRequest valid, PatientData data,
      Instant receivedAt, Map<String, Object> parameters) {
    return new EvaluationRequest(service.library().id(), valid.context().patientId(), data.resources(),
        service.firstExpressions(), parameters, now(receivedAt), service.expressionsWhenMet());
  }

  /** The cards of the rules; none, and no incomplete-history notice, when the service's gate is closed. */
  RenderedCards render(ServiceDefinition service, EvaluationResult result, PatientData data) {
    if (ServiceGate.closed(service.appliesWhen(), result)) {
      return new RenderedCards(List.of(), List.of());
    }
    return renderRules(service, result, data);
  }

  /** The cards of the rules, whatever the gate (the gate's define may be a rule's condition too). */
  private RenderedCards renderRules(ServiceDefinition service, EvaluationResult result, PatientData data) {
    var incomplete = new IncompleteHistory(data.truncatedKeys(), service.prefetch().keySet());
    return cardRenderer.render(service.rules(), result, incomplete);
  }

  private ZonedDateTime now(Instant receivedAt) {
    return ZonedDateTime.ofInstant(receivedAt, clock.getZone());
  }

  private byte[] json(ObjectNode request) {
    try {
      return mapper.writeValueAsBytes(request);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("the request cannot be written as JSON", e);
    }
  }

}
