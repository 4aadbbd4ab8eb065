package dev.darkfactory.twin.document;

import java.util.HashMap;
import java.util.Map;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Builds a tree from the token stream, recording the position of every value and field name by JSON Pointer.
 * Iterative (an explicit stack), so deeply nested input cannot overflow the thread's stack; duplicate keys are
 * refused, since the second silently winning is how a typo in a rules file goes unnoticed.
 */
final class DocumentReader {

  private static final ObjectMapper YAML = YAMLMapper.builder().build();
  private static final int MAX_DEPTH = 200;

  private final String source;
  private final DocumentFormat format;
  private final Map<String, Position> values = new HashMap<>();
  private final Map<String, Position> keys = new HashMap<>();

  DocumentReader(String source, DocumentFormat format) {
    this.source = source;
    this.format = format;
  }

  JsonDocument read(String text) {
    ObjectMapper mapper = format == DocumentFormat.YAML ? YAML : Json.MAPPER;
    try (JsonParser parser = mapper.createParser(text)) {
      JsonToken first = parser.nextToken();
      if (first == null) {
        return new JsonDocument(source, JsonNodeFactory.instance.nullNode(), values, keys);
      }
      JsonNode root = readValue(parser);
      if (parser.nextToken() != null) {
        throw new StreamReadException(parser, "expected the end of the document after its first value");
      }
      return new JsonDocument(source, root, values, keys);
    }
  }

  /** One frame per open container: the node, its pointer, the field name awaiting its value. */
  private static final class Frame {
    final JsonNode node;
    final String pointer;
    String pendingField;

    Frame(JsonNode node, String pointer) {
      this.node = node;
      this.pointer = pointer;
    }
  }

  private JsonNode readValue(JsonParser parser) {
    java.util.ArrayDeque<Frame> stack = new java.util.ArrayDeque<>();
    JsonNode root = null;
    JsonToken token = parser.currentToken();
    while (true) {
      if (token == JsonToken.PROPERTY_NAME) {
        Frame frame = stack.peek();
        String name = parser.currentName();
        if (((ObjectNode) frame.node).has(name)) {
          throw new StreamReadException(parser, "duplicate field '" + name + "'");
        }
        frame.pendingField = name;
        keys.put(frame.pointer + "/" + escape(name), position(parser.currentTokenLocation()));
        token = parser.nextToken();
        continue;
      }
      if (token == JsonToken.END_OBJECT || token == JsonToken.END_ARRAY) {
        Frame done = stack.pop();
        if (stack.isEmpty()) {
          return done.node;
        }
        token = parser.nextToken();
        continue;
      }
      Frame parent = stack.peek();
      String pointer = parent == null ? "" : childPointer(parent);
      values.put(pointer, position(parser.currentTokenLocation()));
      JsonNode node = switch (token) {
        case START_OBJECT -> JsonNodeFactory.instance.objectNode();
        case START_ARRAY -> JsonNodeFactory.instance.arrayNode();
        default -> scalar(parser, token);
      };
      if (parent == null) {
        root = node;
      } else {
        attach(parent, node);
      }
      if (node.isContainer()) {
        if (stack.size() >= MAX_DEPTH) {
          throw new StreamReadException(parser, "nested more than " + MAX_DEPTH + " levels deep");
        }
        stack.push(new Frame(node, pointer));
      } else if (parent == null) {
        return root;
      }
      token = parser.nextToken();
    }
  }

  private static String childPointer(Frame parent) {
    if (parent.node instanceof ArrayNode array) {
      return parent.pointer + "/" + array.size();
    }
    return parent.pointer + "/" + escape(parent.pendingField);
  }

  private static void attach(Frame parent, JsonNode node) {
    if (parent.node instanceof ArrayNode array) {
      array.add(node);
    } else {
      ((ObjectNode) parent.node).set(parent.pendingField, node);
      parent.pendingField = null;
    }
  }

  private static JsonNode scalar(JsonParser parser, JsonToken token) {
    JsonNodeFactory nodes = JsonNodeFactory.instance;
    return switch (token) {
      case VALUE_STRING -> nodes.stringNode(parser.getString());
      case VALUE_NUMBER_INT -> nodes.numberNode(parser.getBigIntegerValue());
      case VALUE_NUMBER_FLOAT -> nodes.numberNode(parser.getDecimalValue());
      case VALUE_TRUE -> nodes.booleanNode(true);
      case VALUE_FALSE -> nodes.booleanNode(false);
      case VALUE_NULL -> nodes.nullNode();
      default -> throw new StreamReadException(parser, "unexpected " + token);
    };
  }

  private static Position position(TokenStreamLocation location) {
    return new Position(location.getLineNr(), location.getColumnNr());
  }

  /** RFC 6901 escaping of one reference token. */
  static String escape(String name) {
    return name.replace("~", "~0").replace("/", "~1");
  }
}
