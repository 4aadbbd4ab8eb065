package dev.darkfactory.cli.twin;

import dev.darkfactory.cli.UserException;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.net.MalformedURLException;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Where the testkit (the LLM twin, {@code darkfactory-testkit}) comes from at run time. It is not in
 * {@code factory.jar}: the build copies it next to the jar ({@code target/twin/darkfactory-testkit.jar}),
 * and only {@code factory twin} and the conformance adapter's cache training load it, each through
 * a class loader of its own, so no product command can reach the twin's classes (docs/architecture.md).
 * Where the testkit is on the class path (the test suite, an IDE), it is used from there.
 */
public final class Testkit {
  /** The jar, relative to the directory that holds {@code factory.jar} (or the CLI's classes). */
  static final Path JAR = Path.of("twin", "darkfactory-testkit.jar");
  private static final String PROBE = "dev.darkfactory.testkit.FakeProviderServer";
  private static final String MOCK = "dev.darkfactory.testkit.attractorbench.AttractorBenchMock";

  private Testkit() {}

  /** Whether the testkit's classes can be loaded where the CLI's are. */
  public static boolean onClasspath() {
    try {
      Class.forName(PROBE, false, Testkit.class.getClassLoader());
      return true;
    } catch (ClassNotFoundException absent) {
      return false;
    }
  }

  /**
   * Runs a whole command line ({@code twin ...}) in a class loader over {@code factory.jar} and the
   * testkit jar, apart from this one: the twin command runs there with the testkit on its class
   * path. Returns its exit code.
   */
  static int runIsolated(List<String> args, PrintWriter out, PrintWriter err) {
    try (URLClassLoader loader = new URLClassLoader("factory-twin", new URL[] {url(home()), url(jar())}, ClassLoader.getPlatformClassLoader())) {
      Class<?> main = Class.forName("dev.darkfactory.cli.Main", true, loader);
      return (int) main.getMethod("run", PrintWriter.class, PrintWriter.class, String[].class).invoke(null, out, err, args.toArray(String[]::new));
    } catch (InvocationTargetException failed) {
      throw failed.getCause() instanceof RuntimeException e ? e : new IllegalStateException(failed.getCause());
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("the twin's entry point is missing from " + home() + ": " + e, e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Starts the stand-in for AttractorBench's mock server on a free loopback port, from the testkit
   * jar in a class loader of its own (over this one, which provides Jackson): its classes stay out
   * of the class cache that {@code ConformanceTraining} records for {@code bin/conformance}.
   */
  public static Mock attractorBenchMock() {
    try {
      ClassLoader loader = onClasspath() ? Testkit.class.getClassLoader() : new URLClassLoader(new URL[] {url(jar())}, Testkit.class.getClassLoader());
      Class<?> mockClass = Class.forName(MOCK, true, loader);
      AutoCloseable mock = (AutoCloseable) mockClass.getMethod("start", int.class).invoke(null, 0);
      @SuppressWarnings("unchecked")
      Map<String, String> environment = (Map<String, String>) mockClass.getMethod("environment").invoke(mock);
      return new Mock(Map.copyOf(environment), () -> {
        mock.close();
        if (loader instanceof URLClassLoader own && loader != Testkit.class.getClassLoader()) {
          own.close();
        }
      });
    } catch (InvocationTargetException failed) {
      throw failed.getCause() instanceof RuntimeException e ? e : new IllegalStateException(failed.getCause());
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("the AttractorBench mock is missing from " + jar() + ": " + e, e);
    }
  }

  /** A running mock: the variables that point the adapter at it, and how to stop it. */
  public record Mock(Map<String, String> environment, AutoCloseable server) implements AutoCloseable {
    @Override
    public void close() {
      try {
        server.close();
      } catch (Exception e) {
        throw new IllegalStateException("cannot stop the AttractorBench mock: " + e.getMessage(), e);
      }
    }
  }

  /** The testkit jar next to {@code factory.jar}; a plain message when the build did not put it there. */
  static Path jar() {
    Path jar = home().getParent().resolve(JAR);
    if (!Files.isRegularFile(jar)) {
      throw new UserException("the LLM twin is not installed: " + jar + " is missing. The build puts it next to factory.jar:"
          + " run ./mvnw -B -ntp -DskipTests -pl darkfactory-cli -am package (./factory does it when sources change).");
    }
    return jar;
  }

  /** {@code factory.jar}, or the directory of the CLI's classes when run from the build tree. */
  private static Path home() {
    try {
      return Path.of(Testkit.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException("cannot tell where the CLI was loaded from", e);
    }
  }

  private static URL url(Path path) {
    try {
      return path.toUri().toURL();
    } catch (MalformedURLException e) {
      throw new IllegalStateException(e);
    }
  }
}
