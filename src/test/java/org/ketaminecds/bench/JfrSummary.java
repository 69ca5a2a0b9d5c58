package org.ketaminecds.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;

/**
 * A text summary of the {@code jdk.ExecutionSample} events of a JFR recording: where CPU samples land by layer
 * (top frame), the hottest methods by self samples, and the project and engine methods by inclusive samples.
 * The same view as {@code jfr print --events jdk.ExecutionSample}, counted.
 */
final class JfrSummary {

  private static final Map<String, String> LAYERS = new LinkedHashMap<>();

  static {
    LAYERS.put("org.ketaminecds.", "ketamine-cds");
    LAYERS.put("org.opencds.cqf.cql.engine.", "CQL engine");
    LAYERS.put("org.cqframework.", "CQL translator/ELM");
    LAYERS.put("org.hl7.elm.", "CQL translator/ELM");
    LAYERS.put("ca.uhn.fhir.parser.", "HAPI JSON parser");
    LAYERS.put("ca.uhn.fhir.", "HAPI other");
    LAYERS.put("org.hl7.fhir.", "HAPI model");
    LAYERS.put("com.fasterxml.jackson.", "Jackson");
    LAYERS.put("com.google.gson.", "Gson (HAPI parser)");
    LAYERS.put("com.nimbusds.", "JWT (nimbus)");
    LAYERS.put("sun.security.", "crypto");
    LAYERS.put("java.math.", "crypto/BigInteger");
    LAYERS.put("org.apache.tomcat.", "Tomcat");
    LAYERS.put("org.apache.catalina.", "Tomcat");
    LAYERS.put("org.apache.coyote.", "Tomcat");
    LAYERS.put("org.springframework.", "Spring");
    LAYERS.put("org.apache.http.", "HTTP client");
    LAYERS.put("kotlin.", "Kotlin stdlib");
    LAYERS.put("java.util.regex.", "regex");
    LAYERS.put("java.", "JDK");
    LAYERS.put("jdk.", "JDK");
    LAYERS.put("sun.", "JDK");
  }

  private JfrSummary() {}

  static String summarize(Path recording, int top) throws IOException {
    var self = new HashMap<String, Integer>();
    var inclusive = new HashMap<String, Integer>();
    var layers = new HashMap<String, Integer>();
    int samples = 0;
    for (RecordedEvent event : RecordingFile.readAllEvents(recording)) {
      if (!event.getEventType().getName().equals("jdk.ExecutionSample") || event.getStackTrace() == null) {
        continue;
      }
      List<RecordedFrame> frames = event.getStackTrace().getFrames();
      if (frames.isEmpty()) {
        continue;
      }
      samples++;
      var topName = name(frames.get(0));
      self.merge(topName, 1, Integer::sum);
      layers.merge(layer(topName), 1, Integer::sum);
      var seen = new HashSet<String>();
      for (RecordedFrame frame : frames) {
        var name = name(frame);
        if ((name.startsWith("org.ketaminecds.") || name.startsWith("org.opencds.") || name.startsWith("ca.uhn."))
            && seen.add(name)) {
          inclusive.merge(name, 1, Integer::sum);
        }
      }
    }
    int total = Math.max(1, samples);
    var text = new StringBuilder("CPU samples: " + samples + "\n\nBy layer (top frame):\n");
    text.append(lines(layers, total, top));
    text.append("\nHottest methods (self):\n").append(lines(self, total, top));
    text.append("\nProject, engine and HAPI methods (inclusive):\n").append(lines(inclusive, total, top));
    return text.toString();
  }

  private static String lines(Map<String, Integer> counts, int total, int top) {
    return counts.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(top)
        .map(e -> String.format("  %5.1f%%  %6d  %s", 100.0 * e.getValue() / total, e.getValue(), e.getKey()))
        .collect(Collectors.joining("\n", "", "\n"));
  }

  private static String name(RecordedFrame frame) {
    var method = frame.getMethod();
    return method.getType().getName() + "." + method.getName();
  }

  private static String layer(String method) {
    return LAYERS.entrySet().stream().filter(e -> method.startsWith(e.getKey())).map(Map.Entry::getValue)
        .findFirst().orElse("other");
  }
}
