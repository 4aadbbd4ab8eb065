package dev.darkfactory.cli.option;

import dev.darkfactory.pipeline.backend.BackendKind;
import java.util.Iterator;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** {@code --backend KIND}: the command-line names of {@link BackendKind} ({@code agent}, {@code simulate}, {@code scripted}). */
public final class BackendKindConverter implements ITypeConverter<BackendKind>, Iterable<String> {
  @Override
  public BackendKind convert(String value) {
    return BackendKind.fromOption(value).orElseThrow(() -> new TypeConversionException(
        "expected one of " + BackendKind.optionNames() + " (case-sensitive) but was '" + value + "'"));
  }

  /** The completion candidates. */
  @Override
  public Iterator<String> iterator() {
    return BackendKind.optionNames().iterator();
  }
}
