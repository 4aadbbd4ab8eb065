package dev.darkfactory.agent.env;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The file system a sandboxed command sees, as bubblewrap arguments (docs/agent.md "What is
 * isolated"). Nothing is visible unless listed here:
 *
 * <ul>
 *   <li>the system directories read-only ({@code /usr}, and {@code /bin}, {@code /sbin}, {@code
 *       /lib*} as the links or directories they are), so every installed program and JDK under
 *       {@code /usr/lib/jvm} runs;
 *   <li>the {@code /etc} entries programs need to run ({@link #ETC_ENTRIES}, plus {@code /etc/java*}),
 *       read-only; never the rest of {@code /etc}: no {@code shadow}, {@code gshadow}, {@code
 *       sudoers}, {@code ssh}, {@code ssl/private}, proxy or package-manager credentials;
 *   <li>a minimal {@code /dev}, a {@code /proc} of the sandbox's own processes, an empty private
 *       {@code /tmp}, an empty private home at {@code $HOME} (the real home is not visible);
 *   <li>{@code JAVA_HOME} read-only when it lies outside the system directories, and the policy's
 *       readable paths;
 *   <li>the working directory read-write, with the repository's git directory read-only over it
 *       (hooks and config cannot be planted), and the policy's writable paths.
 * </ul>
 *
 * The root itself is read-only: nothing can be created beside these mounts.
 */
final class SandboxMounts {
  /** Read-only, as they are on the host. */
  static final List<String> SYSTEM_DIRECTORIES = List.of("/usr", "/bin", "/sbin", "/lib", "/lib32", "/lib64", "/libx32");

  /**
   * What programs read under {@code /etc} to start and resolve names, users, certificates and
   * alternatives; each is bound read-only when present.
   */
  static final List<String> ETC_ENTRIES = List.of(
      "passwd", "group", "nsswitch.conf", "host.conf", "hosts", "hostname", "resolv.conf", "gai.conf", "networks",
      "protocols", "services", "ld.so.cache", "ld.so.conf", "ld.so.conf.d", "alternatives", "localtime", "timezone",
      "locale.alias", "locale.conf", "ssl/certs", "ssl/openssl.cnf", "ca-certificates", "ca-certificates.conf",
      "pki/ca-trust", "pki/tls/certs", "pki/java", "crypto-policies", "gitconfig", "shells", "mime.types", "magic",
      "magic.mime", "os-release", "lsb-release", "debian_version", "terminfo", "fonts");

  /** The home of a command whose {@code HOME} is unset or unusable. */
  static final String FALLBACK_HOME = "/tmp/home";

  /** Where a home directory can never be mounted: over the system itself. */
  private static final List<String> NOT_A_HOME = List.of("/usr", "/bin", "/sbin", "/lib", "/etc", "/proc", "/dev", "/sys");

  private final Path etc;

  /** @param etc the host's {@code /etc} (another directory in tests) */
  SandboxMounts(Path etc) {
    this.etc = etc;
  }

  /**
   * The mount arguments for a command working in {@code workingDirectory} with {@code environment},
   * and the {@code --setenv} of its private {@code HOME} and {@code TMPDIR}.
   */
  List<String> plan(Path workingDirectory, Map<String, String> environment, SandboxPolicy policy) {
    List<String> argv = new ArrayList<>();
    for (String dir : SYSTEM_DIRECTORIES) {
      system(argv, Path.of(dir));
    }
    for (String entry : etcEntries()) {
      argv.addAll(List.of("--ro-bind-try", etc.resolve(entry).toString(), "/etc/" + entry));
    }
    argv.addAll(List.of("--dev", "/dev", "--proc", "/proc", "--tmpfs", "/tmp"));
    String home = home(environment);
    // The fallback lies in the private /tmp already; a real home path gets an empty tmpfs over it.
    argv.addAll(home.equals(FALLBACK_HOME) ? List.of("--dir", home) : List.of("--tmpfs", home));
    javaHome(environment).ifPresent(jdk -> argv.addAll(List.of("--ro-bind-try", jdk, jdk)));
    for (Path readable : policy.readablePaths()) {
      String path = readable.toAbsolutePath().normalize().toString();
      argv.addAll(List.of("--ro-bind-try", path, path));
    }
    argv.addAll(List.of("--bind", workingDirectory.toString(), workingDirectory.toString()));
    for (Path git : gitMetadata(workingDirectory, List.of(Path.of(home), Path.of(System.getProperty("user.home", "/"))))) {
      argv.addAll(List.of("--ro-bind", git.toString(), git.toString()));
    }
    for (Path writable : policy.writablePaths()) {
      Path path = writable.toAbsolutePath().normalize();
      if (Files.isDirectory(path)) {
        argv.addAll(List.of("--bind", path.toString(), path.toString()));
      }
    }
    argv.addAll(List.of("--remount-ro", "/", "--setenv", "HOME", home, "--setenv", "TMPDIR", "/tmp"));
    return argv;
  }

  /** A merged-/usr system has {@code /bin -> usr/bin}: recreate the link rather than mount its target twice. */
  private static void system(List<String> argv, Path dir) {
    if (Files.isSymbolicLink(dir)) {
      try {
        argv.addAll(List.of("--symlink", Files.readSymbolicLink(dir).toString(), dir.toString()));
      } catch (IOException unreadable) {
        argv.addAll(List.of("--ro-bind-try", dir.toString(), dir.toString()));
      }
    } else if (Files.isDirectory(dir)) {
      argv.addAll(List.of("--ro-bind", dir.toString(), dir.toString()));
    }
  }

  private List<String> etcEntries() {
    List<String> entries = new ArrayList<>();
    for (String entry : ETC_ENTRIES) {
      if (Files.exists(etc.resolve(entry), LinkOption.NOFOLLOW_LINKS)) {
        entries.add(entry);
      }
    }
    // Debian keeps each JDK's configuration in /etc/java-<version>-openjdk, linked from its conf directory.
    try (DirectoryStream<Path> javas = Files.newDirectoryStream(etc, "java*")) {
      javas.forEach(java -> entries.add(java.getFileName().toString()));
    } catch (IOException noEtc) {
      // No /etc to list: nothing more to bind.
    }
    return entries;
  }

  /** The command's home: its {@code HOME}, unless that is missing or would cover the system. */
  private static String home(Map<String, String> environment) {
    String home = Optional.ofNullable(environment.get("HOME")).orElse(System.getProperty("user.home", ""));
    Path path = home.isBlank() ? null : Path.of(home);
    if (path == null || !path.isAbsolute() || path.getNameCount() == 0
        || NOT_A_HOME.stream().anyMatch(system -> Path.of(home).normalize().startsWith(system))) {
      return FALLBACK_HOME;
    }
    return path.normalize().toString();
  }

  /** {@code JAVA_HOME}, when it is a directory outside {@code /usr} (inside, it is visible already). */
  private static Optional<String> javaHome(Map<String, String> environment) {
    return Optional.ofNullable(environment.get("JAVA_HOME"))
        .filter(home -> !home.isBlank())
        .map(Path::of)
        .filter(Path::isAbsolute)
        .map(Path::normalize)
        .filter(Files::isDirectory)
        .filter(home -> !RealPaths.resolve(home).startsWith("/usr"))
        .map(Path::toString);
  }

  /**
   * The git directories of the repository the working directory is in: {@code .git} in it or the
   * nearest parent, and for a worktree ({@code .git} a file) the file, the directory it names and
   * that directory's common directory. A repository at the home directory or the root (dotfiles
   * under version control) is left out: binding it would show the whole home's history.
   */
  static List<Path> gitMetadata(Path workingDirectory, List<Path> homes) {
    for (Path dir = workingDirectory; dir != null && !homes.contains(dir) && dir.getParent() != null; dir = dir.getParent()) {
      Path dotGit = dir.resolve(".git");
      if (Files.isDirectory(dotGit, LinkOption.NOFOLLOW_LINKS)) {
        return List.of(dotGit);
      }
      if (Files.isRegularFile(dotGit, LinkOption.NOFOLLOW_LINKS)) {
        List<Path> paths = new ArrayList<>(List.of(dotGit));
        pointer(dotGit, "gitdir:", dir).ifPresent(gitDir -> {
          // The common directory first: the worktree's own directory usually lies inside it.
          pointer(gitDir.resolve("commondir"), "", gitDir).ifPresent(paths::add);
          paths.add(gitDir);
        });
        return paths;
      }
    }
    return List.of();
  }

  /** The directory a one-line git pointer file names ({@code gitdir: PATH}, or a bare path), against {@code base}. */
  private static Optional<Path> pointer(Path file, String prefix, Path base) {
    try {
      String text = Files.readString(file, StandardCharsets.UTF_8).strip();
      if (!text.startsWith(prefix) || text.length() == prefix.length()) {
        return Optional.empty();
      }
      return Optional.of(base.resolve(text.substring(prefix.length()).strip()).normalize()).filter(Files::isDirectory);
    } catch (IOException | InvalidPathException unreadable) {
      return Optional.empty(); // Not a worktree git understands either: nothing more to protect.
    }
  }
}
