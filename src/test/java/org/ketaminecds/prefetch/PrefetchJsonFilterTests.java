package org.ketaminecds.prefetch;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.ketaminecds.relevance.CodeSet;
import org.ketaminecds.relevance.DataNeeds;
import org.ketaminecds.relevance.Need;

/** Prefetched Bundle entries no rule can read are left out before HAPI parses them; the client's tree stays. */
class PrefetchJsonFilterTests {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final DataNeeds BP_ONLY = DataNeeds.of(List.of(
      new Need("Observation", "code", new CodeSet().add("http://loinc.org", "8480-6"), null, false, null)));

  @Test
  void leavesOutEntriesNoRuleCanReadInACopyOfTheBundle() throws Exception {
    var bundle = JSON.readTree("""
        {"resourceType":"Bundle","type":"searchset","link":[{"relation":"self","url":"x"}],"entry":[
          {"resource":{"resourceType":"Observation","id":"sbp","code":{"coding":[{"system":"http://loinc.org","code":"8480-6"}]}}},
          {"resource":{"resourceType":"Observation","id":"hr","code":{"coding":[{"system":"http://loinc.org","code":"8867-4"}]}}},
          {"resource":{"resourceType":"Medication","id":"m1"},"search":{"mode":"include"}},
          {"resource":{"resourceType":"OperationOutcome","issue":[{"severity":"error","code":"processing"}]}},
          {"resource":{"resourceType":"Encounter","id":"e1"}}
        ]}""");
    var filtered = new PrefetchJsonFilter(BP_ONLY, "p", Set.of()).apply(bundle);
    assertThat(ids(filtered)).containsExactly("sbp", "m1", null);
    assertThat(filtered.get("link")).isEqualTo(bundle.get("link"));
    assertThat(bundle.get("entry")).hasSize(5);
  }

  @Test
  void returnsTheSameTreeWhenNothingIsLeftOutOrTheFilterIsOff() throws Exception {
    var bundle = JSON.readTree("""
        {"resourceType":"Bundle","entry":[{"resource":{"resourceType":"Observation","id":"hr",
          "code":{"coding":[{"system":"http://loinc.org","code":"8867-4"}]}}}]}""");
    assertThat(new PrefetchJsonFilter(DataNeeds.everything(), "p", Set.of()).apply(bundle)).isSameAs(bundle);
    var single = JSON.readTree("{\"resourceType\":\"Encounter\",\"id\":\"e\"}");
    assertThat(new PrefetchJsonFilter(BP_ONLY, "p", Set.of()).apply(single)).isSameAs(single);
  }

  private static List<String> ids(JsonNode bundle) {
    List<String> ids = new ArrayList<>();
    bundle.get("entry").forEach(e -> ids.add(e.path("resource").path("id").textValue()));
    return ids;
  }
}
