package dev.darkfactory.cli.option;

import dev.darkfactory.pipeline.backend.BackendKind;
import java.util.Iterator;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** {@code --backend KIND}: the names of {@link BackendKind} ({@code agent}, {@code simulation}, {@code scripted}), as in the HTTP API. */
public final class BackendKindConverter implements ITypeConverter<BackendKind>, Iterable<String> {
  @Override
  public BackendKind convert(String value) {
    return BackendKind.fromWire(value).orElseThrow(() -> new TypeConversionException(
        "'" + value + "' is not a backend: use one of " + String.join(", ", BackendKind.names())));
  }

  /** The completion candidates. */
  @Override
  public Iterator<String> iterator() {
    return BackendKind.names().iterator();
  }
}
