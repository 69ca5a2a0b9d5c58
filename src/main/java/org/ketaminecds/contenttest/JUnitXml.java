package org.ketaminecds.contenttest;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.ketaminecds.contenttest.ExampleRunner.CaseResult;

/**
 * Writes case results as JUnit XML (the Ant/Surefire {@code testsuite} schema every CI reads): one
 * {@code testcase} per case, classname its service, name its case; a failing case carries its report.
 */
final class JUnitXml {

  private JUnitXml() {}

  static void write(Path file, List<CaseResult> results) throws IOException {
    var parent = file.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    try (OutputStream out = Files.newOutputStream(file)) {
      XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out, "UTF-8");
      xml.writeStartDocument("UTF-8", "1.0");
      xml.writeCharacters("\n");
      xml.writeStartElement("testsuite");
      xml.writeAttribute("name", "ketamine-cds content examples");
      xml.writeAttribute("tests", String.valueOf(results.size()));
      xml.writeAttribute("failures", String.valueOf(results.stream().filter(r -> !r.passed()).count()));
      xml.writeAttribute("errors", "0");
      xml.writeAttribute("skipped", "0");
      xml.writeAttribute("time", seconds(results.stream().mapToLong(r -> r.elapsed().toNanos()).sum()));
      for (var result : results) {
        xml.writeCharacters("\n  ");
        xml.writeStartElement("testcase");
        xml.writeAttribute("classname", result.service());
        xml.writeAttribute("name", result.name());
        xml.writeAttribute("time", seconds(result.elapsed().toNanos()));
        if (!result.passed()) {
          xml.writeStartElement("failure");
          xml.writeAttribute("message", result.failures().get(0));
          xml.writeAttribute("type", "ExampleCaseFailed");
          xml.writeCharacters(result.report());
          xml.writeEndElement();
        }
        xml.writeEndElement();
      }
      xml.writeCharacters("\n");
      xml.writeEndElement();
      xml.writeEndDocument();
      xml.writeCharacters("\n");
      xml.close();
    } catch (XMLStreamException e) {
      throw new IOException("cannot write " + file + ": " + e.getMessage(), e);
    }
  }

  private static String seconds(long nanos) {
    return String.format(Locale.ROOT, "%.3f", nanos / 1e9);
  }
}
