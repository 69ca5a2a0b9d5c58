package org.ketaminecds.contenttest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.IdType;
import org.junit.jupiter.api.Test;
import org.ketaminecds.cql.EvaluationResult;
import org.opencds.cqf.cql.engine.runtime.Date;
import org.opencds.cqf.cql.engine.runtime.Quantity;

class DefineExpectationsTests {

  final ObjectMapper mapper = new ObjectMapper();

  final EvaluationResult result = result();

  @Test
  void passesWhenEveryNamedDefineHasItsExpectedValue() throws Exception {
    assertThat(DefineExpectations.failures(expect("""
        {"TRD Status": "MET", "Adequate Trial Count": 2, "Has MDD": true, "Nothing": null,
         "Daily Dose": 50.0, "Onset": "2026-01-31", "Dose": "60 mg", "Aneurysms": ["Condition/c1"]}"""), result))
        .isEmpty();
  }

  @Test
  void showsExpectedAndActualValues() throws Exception {
    assertThat(DefineExpectations.failures(expect("""
        {"TRD Status": "NOT_MET", "Adequate Trial Count": 1, "Has MDD": "true", "Aneurysms": []}"""), result))
        .containsExactly(
            "define 'TRD Status': expected \"NOT_MET\", actual \"MET\"",
            "define 'Adequate Trial Count': expected 1, actual 2",
            "define 'Has MDD': expected \"true\", actual true",
            "define 'Aneurysms': expected [], actual [\"Condition/c1\"]");
  }

  @Test
  void aFailedDefineOrAnUnknownOneFails() throws Exception {
    assertThat(DefineExpectations.failures(expect("""
        {"Broken": true, "No Such Define": 1}"""), result))
        .containsExactly("define 'Broken': expected true, but it failed: InvalidInterval",
            "define 'No Such Define': expected 1, but the library has no such define");
  }

  @Test
  void aTupleIsAnObjectWithTheSameKeys() throws Exception {
    var tuple = new org.opencds.cqf.cql.engine.runtime.Tuple();
    var elements = new LinkedHashMap<String, Object>();
    elements.put("status", "MET");
    elements.put("count", 2);
    tuple.setElements(elements);
    var withTuple = new EvaluationResult(Map.of("Summary", tuple), Map.of());

    assertThat(DefineExpectations.failures(expect("{\"Summary\": {\"count\": 2, \"status\": \"MET\"}}"), withTuple))
        .isEmpty();
    assertThat(DefineExpectations.failures(expect("{\"Summary\": {\"status\": \"MET\"}}"), withTuple))
        .singleElement().asString().contains("actual {\"status\":\"MET\",\"count\":2}");
  }

  private Map<String, JsonNode> expect(String json) throws Exception {
    var map = new LinkedHashMap<String, JsonNode>();
    mapper.readTree(json).fields().forEachRemaining(e -> map.put(e.getKey(), e.getValue()));
    return map;
  }

  private static EvaluationResult result() {
    var values = new HashMap<String, Object>();
    values.put("TRD Status", "MET");
    values.put("Adequate Trial Count", 2);
    values.put("Has MDD", true);
    values.put("Nothing", null);
    values.put("Daily Dose", new BigDecimal("50"));
    values.put("Onset", new Date(2026, 1, 31));
    values.put("Dose", new Quantity().withValue(new BigDecimal("60")).withUnit("mg"));
    values.put("Aneurysms", List.of(new Condition().setIdElement(new IdType("Condition", "c1"))));
    return new EvaluationResult(values, Map.of("Broken", "InvalidInterval"));
  }
}
