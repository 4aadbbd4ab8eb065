package dev.darkfactory.cli.option;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** {@code --context KEY=VALUE}: one initial context value; the key is what comes before the first {@code =}. */
public final class ContextValueConverter implements ITypeConverter<ContextValueConverter.ContextValue> {
  /** A context key and its (string) value. */
  public record ContextValue(String key, String value) {}

  @Override
  public ContextValue convert(String pair) {
    int equals = pair.indexOf('=');
    if (equals < 0) {
      throw new TypeConversionException("'" + clip(pair) + "' has no '=': write KEY=VALUE, such as ticket=PROJ-42 (an empty value is ticket=)");
    }
    String key = pair.substring(0, equals).strip();
    if (key.isEmpty()) {
      throw new TypeConversionException("'" + clip(pair) + "' has no key before '=': write KEY=VALUE, such as ticket=PROJ-42");
    }
    return new ContextValue(key, pair.substring(equals + 1));
  }

  private static String clip(String text) {
    return text.length() > 40 ? text.substring(0, 40) + "..." : text;
  }
}
