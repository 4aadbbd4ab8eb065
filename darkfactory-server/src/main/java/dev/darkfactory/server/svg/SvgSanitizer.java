package dev.darkfactory.server.svg;

import dev.darkfactory.server.ServerException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;

/**
 * The last word on every SVG the server sends: Graphviz output parsed as XML (no DTD, no external
 * entities), with everything that could run script or leave the origin removed, then written back.
 * {@link DisplayGraph} already keeps unsafe links and markup out of what Graphviz is given, but
 * Graphviz expands escapes such as {@code \L} (the label) inside URLs and copies some attributes
 * without escaping, so its output is checked too. Removed: elements that script, style or animate
 * ({@code script}, {@code style}, {@code foreignObject}, {@code set}, {@code animate}, ...), event
 * handler attributes ({@code on*}), {@code href} and {@code xlink:href} values that {@link
 * SafeLinks} refuses, and processing instructions ({@code <?xml-stylesheet?>}). Output that is not
 * a well-formed SVG document is not served at all.
 */
public final class SvgSanitizer {
  private static final Set<String> DROPPED_ELEMENTS = Set.of("script", "style", "foreignobject", "iframe", "embed", "object", "audio", "video",
      "handler", "listener", "set", "animate", "animatemotion", "animatetransform", "animatecolor", "discard");
  private static final Pattern DOCTYPE = Pattern.compile("<!DOCTYPE[^>\\[]*>");
  /** A named reference XML does not define (Graphviz copies {@code &Tab;} into URLs as written) would make the document unreadable. */
  private static final Pattern UNDEFINED_REFERENCE = Pattern.compile("&(?!(?:amp|lt|gt|quot|apos);|#[0-9]+;|#[xX][0-9a-fA-F]+;)");

  private SvgSanitizer() {}

  /**
   * The sanitised SVG.
   *
   * @throws ServerException.Unavailable when the input is not an SVG document that can be checked (it is then not served)
   */
  public static byte[] sanitize(byte[] svg) {
    String text = new String(svg, StandardCharsets.UTF_8);
    text = DOCTYPE.matcher(text).replaceFirst("");
    text = UNDEFINED_REFERENCE.matcher(text).replaceAll("&amp;");
    Document document = parse(text);
    Element root = document.getDocumentElement();
    if (root == null || !root.getLocalName().equals("svg")) {
      throw new ServerException.Unavailable("the graph could not be checked before serving it: the output is not an SVG document");
    }
    clean(document);
    return write(document);
  }

  private static void clean(Node parent) {
    List<Node> children = new ArrayList<>();
    for (Node child = parent.getFirstChild(); child != null; child = child.getNextSibling()) {
      children.add(child);
    }
    for (Node child : children) {
      switch (child.getNodeType()) {
        case Node.PROCESSING_INSTRUCTION_NODE, Node.ENTITY_REFERENCE_NODE, Node.DOCUMENT_TYPE_NODE -> parent.removeChild(child);
        case Node.ELEMENT_NODE -> {
          Element element = (Element) child;
          if (DROPPED_ELEMENTS.contains(localName(element).toLowerCase(Locale.ROOT))) {
            parent.removeChild(child);
          } else {
            cleanAttributes(element);
            clean(element);
          }
        }
        default -> {
          // Text and comments are data.
        }
      }
    }
  }

  private static void cleanAttributes(Element element) {
    NamedNodeMap attributes = element.getAttributes();
    List<Attr> refused = new ArrayList<>();
    for (int i = 0; i < attributes.getLength(); i++) {
      Attr attribute = (Attr) attributes.item(i);
      String name = localName(attribute).toLowerCase(Locale.ROOT);
      if (name.startsWith("on") || (name.equals("href") && !SafeLinks.isSafe(attribute.getValue()))) {
        refused.add(attribute);
      }
    }
    refused.forEach(element::removeAttributeNode);
  }

  private static String localName(Node node) {
    return node.getLocalName() == null ? node.getNodeName() : node.getLocalName();
  }

  private static Document parse(String text) {
    try {
      DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
      factory.setNamespaceAware(true);
      factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
      factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
      factory.setXIncludeAware(false);
      factory.setExpandEntityReferences(false);
      DocumentBuilder builder = factory.newDocumentBuilder();
      builder.setErrorHandler(null);
      return builder.parse(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
    } catch (ParserConfigurationException e) {
      throw new IllegalStateException("the JDK's XML parser lacks a standard feature", e);
    } catch (SAXException | IOException e) {
      throw new ServerException.Unavailable("the graph could not be checked before serving it: the output is not well-formed XML: " + e.getMessage());
    }
  }

  private static byte[] write(Document document) {
    try {
      TransformerFactory factory = TransformerFactory.newInstance();
      factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      Transformer transformer = factory.newTransformer();
      transformer.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      transformer.transform(new DOMSource(document), new StreamResult(out));
      return out.toByteArray();
    } catch (TransformerException e) {
      throw new ServerException.Unavailable("the graph could not be checked before serving it: the checked SVG could not be written: " + e.getMessage());
    }
  }
}
