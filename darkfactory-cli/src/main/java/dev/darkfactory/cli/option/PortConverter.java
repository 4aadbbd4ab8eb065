package dev.darkfactory.cli.option;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** {@code --port PORT} of {@code serve} and the twins: 0 (any free port) to 65535. */
public final class PortConverter implements ITypeConverter<Integer> {
  @Override
  public Integer convert(String value) {
    String written = value.strip();
    int port;
    try {
      port = Integer.parseInt(written);
    } catch (NumberFormatException e) {
      port = -1;
    }
    if (port < 0 || port > 65535) {
      throw new TypeConversionException("'" + (written.length() > 20 ? written.substring(0, 20) + "..." : written)
          + "' is not a port: use 0 to 65535 (0 picks a free one)");
    }
    return port;
  }
}
