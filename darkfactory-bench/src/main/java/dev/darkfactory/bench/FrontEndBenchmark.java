package dev.darkfactory.bench;

import dev.darkfactory.pipeline.PipelineLoader;
import dev.darkfactory.pipeline.dot.DotParser;
import dev.darkfactory.pipeline.lint.Linter;
import dev.darkfactory.pipeline.problem.Diagnostic;
import dev.darkfactory.pipeline.graph.Graph;
import dev.darkfactory.pipeline.source.SourceText;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/** Parse (and parse + validate) of one pipeline file, in a warmed-up JVM. Run by bench/front-end.sh. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class FrontEndBenchmark {
  @Param("bench/out/pipeline-10k.dot")
  public String file;

  private SourceText source;
  private final PipelineLoader loader = PipelineLoader.create();
  private final Linter linter = Linter.builtIn();

  @Setup
  public void readFile() throws IOException {
    source = new SourceText(file, Files.readString(Path.of(file)));
  }

  @Benchmark
  public Graph parse() {
    return DotParser.parse(source);
  }

  /** Parse and lint, as {@code factory validate} does without the transforms. */
  @Benchmark
  public List<Diagnostic> parseAndValidate() {
    return linter.validate(DotParser.parse(source));
  }

  /** The whole front-end of 3.1: parse, transforms (stylesheet, $goal), validate. */
  @Benchmark
  public List<Diagnostic> parseTransformValidate() {
    return loader.load(source).diagnostics();
  }
}
