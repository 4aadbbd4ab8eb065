package dev.darkfactory.cli.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.darkfactory.cli.CliRun;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Golden files for {@code factory parse} and {@code factory validate} over the corpus in
 * {@code src/test/resources/corpus} (every example of the spec, plus our own). Each
 * {@code NAME.dot} has {@code NAME.parse.json}, {@code NAME.transformed.json}, {@code NAME.validate.txt} and
 * {@code NAME.validate.json} beside it; run with {@code -Dgolden.update=true} to rewrite them
 * after an intended change, and review the diff.
 */
class GoldenCorpusTest {
  private static final Path CORPUS = Path.of("src/test/resources/corpus");
  private static final boolean UPDATE = Boolean.getBoolean("golden.update");

  @TestFactory
  Stream<DynamicTest> corpus() throws IOException {
    List<Path> files;
    try (Stream<Path> listing = Files.list(CORPUS)) {
      files = listing.filter(p -> p.toString().endsWith(".dot")).sorted().toList();
    }
    assertThat(files).hasSizeGreaterThanOrEqualTo(10);
    return files.stream().flatMap(file -> Stream.of(
        DynamicTest.dynamicTest("parse " + file.getFileName(), () -> check(file, ".parse.json", "parse")),
        DynamicTest.dynamicTest("parse --transformed " + file.getFileName(),
            () -> check(file, ".transformed.json", "parse", "--transformed")),
        DynamicTest.dynamicTest("validate " + file.getFileName(), () -> check(file, ".validate.txt", "validate")),
        DynamicTest.dynamicTest("validate --json " + file.getFileName(), () -> check(file, ".validate.json", "validate", "--json"))));
  }

  private static void check(Path file, String suffix, String... command) throws IOException {
    String[] args = Stream.concat(Stream.of(command), Stream.of(file.toString())).toArray(String[]::new);
    CliRun run = CliRun.of(args);
    assertThat(run.exitCode()).as(run.toString()).isBetween(0, 2);
    String actual = "exit " + run.exitCode() + "\n" + run.out() + (run.err().isEmpty() ? "" : "--- stderr ---\n" + run.err());
    Path golden = Path.of(file.toString().replaceAll("\\.dot$", suffix));
    if (UPDATE) {
      Files.writeString(golden, actual);
    }
    // A corpus file without its golden must fail: writing one here would accept whatever the code does today.
    assertThat(golden).as("golden file %s is missing: create it with -Dgolden.update=true and review it", golden).exists();
    assertThat(actual).as("golden file %s (rerun with -Dgolden.update=true after an intended change)", golden)
        .isEqualTo(Files.readString(golden));
  }
}
