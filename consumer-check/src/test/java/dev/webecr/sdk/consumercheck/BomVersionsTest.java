package dev.webecr.sdk.consumercheck;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The BOM has no parent (a consumer importing it must get nothing but our versions), so it repeats
 * what the parent pins: this keeps the two in step and the BOM complete.
 */
class BomVersionsTest {
  private final Path root = RepositoryRoot.get();

  @Test
  void theBomPinsTheLibrariesAtTheVersionsTheBuildTestsWith() throws Exception {
    Document parent = parse(root.resolve("pom.xml"));
    Document bom = parse(root.resolve("webecr-sdk-bom/pom.xml"));
    for (String property : List.of("okhttp.version", "okio.version", "kotlin.version")) {
      assertThat(text(bom, property)).as(property).isEqualTo(text(parent, property));
    }
    assertThat(text(bom, "version")).isEqualTo(text(parent, "version"));
  }

  @Test
  void theBomListsEveryPublishedModule() throws Exception {
    Set<String> published = new TreeSet<>();
    for (String module : texts(parse(root.resolve("pom.xml")), "module")) {
      if (module.startsWith("webecr-sdk-") && !module.equals("webecr-sdk-bom")) {
        published.add(module);
      }
    }
    Set<String> managed = new TreeSet<>();
    for (String artifact : texts(parse(root.resolve("webecr-sdk-bom/pom.xml")), "artifactId")) {
      if (artifact.startsWith("webecr-sdk-") && !artifact.equals("webecr-sdk-bom")) {
        managed.add(artifact);
      }
    }
    assertThat(published).hasSizeGreaterThanOrEqualTo(5);
    assertThat(managed).isEqualTo(published);
  }

  @Test
  void everyPublishedPomCarriesWhatCentralRequires() throws Exception {
    for (Path pom : List.of(root.resolve("pom.xml"), root.resolve("webecr-sdk-bom/pom.xml"))) {
      Document d = parse(pom);
      for (String element :
          List.of("name", "description", "url", "licenses", "developers", "scm")) {
        assertThat(d.getDocumentElement().getElementsByTagName(element).getLength())
            .as(pom + " " + element)
            .isPositive();
      }
    }
  }

  private static Document parse(Path pom) throws Exception {
    DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
    f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    return f.newDocumentBuilder().parse(pom.toFile());
  }

  /** The first element {@code name} directly under the project or its properties. */
  private static String text(Document d, String name) {
    for (String path : List.of("", "properties")) {
      Element scope =
          path.isEmpty()
              ? d.getDocumentElement()
              : (Element) d.getDocumentElement().getElementsByTagName(path).item(0);
      for (org.w3c.dom.Node n = scope.getFirstChild(); n != null; n = n.getNextSibling()) {
        if (n instanceof Element && ((Element) n).getTagName().equals(name)) {
          return n.getTextContent().trim();
        }
      }
    }
    throw new AssertionError("no <" + name + ">");
  }

  private static List<String> texts(Document d, String tag) {
    NodeList nodes = d.getElementsByTagName(tag);
    List<String> out = new ArrayList<>();
    for (int i = 0; i < nodes.getLength(); i++) {
      out.add(nodes.item(i).getTextContent().trim());
    }
    return out;
  }
}
