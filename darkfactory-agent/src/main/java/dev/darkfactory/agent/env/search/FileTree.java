package dev.darkfactory.agent.env.search;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

/**
 * Walks a directory the way ripgrep does with our flags, so the Java fallback finds the same files:
 * depth first with each directory's entries sorted by name (ripgrep's {@code --sort path}), symbolic
 * links not followed, {@code .git} never entered, hidden entries skipped on request, and {@code
 * .gitignore} rules applied inside a git repository (the repository's ancestors' files included,
 * deeper files taking precedence, as in git).
 */
public final class FileTree {

  /** A regular file found by the walk. */
  public record Entry(Path path, String relativePath, long lastModifiedMillis, long size) {}

  private final boolean skipHidden;

  private FileTree(boolean skipHidden) {
    this.skipHidden = skipHidden;
  }

  /** ripgrep's default view: no hidden files, {@code .gitignore} honoured. */
  public static FileTree withoutHidden() {
    return new FileTree(true);
  }

  /** Hidden files included, {@code .gitignore} still honoured ({@code glob}). */
  public static FileTree withHidden() {
    return new FileTree(false);
  }

  /**
   * One {@code .gitignore}: {@code base} is its directory relative to the search root (paths below
   * it are seen relative to it); {@code prefix} is the search root relative to its directory, for
   * files in the root's ancestors.
   */
  private record IgnoreFrame(String base, String prefix, GitIgnore rules) {
    String local(String relative) {
      if (!prefix.isEmpty()) {
        return prefix + "/" + relative;
      }
      if (base.isEmpty()) {
        return relative;
      }
      return relative.startsWith(base + "/") ? relative.substring(base.length() + 1) : null;
    }
  }

  private record Pending(Path dir, String relative, List<IgnoreFrame> frames, boolean inRepo) {}

  /** Every regular file under {@code root}, sorted by path (ripgrep's {@code --sort path}). */
  public List<Entry> walk(Path root) throws IOException {
    List<Entry> files = new ArrayList<>();
    Optional<Path> gitRoot = gitRoot(root);
    Deque<Pending> stack = new ArrayDeque<>();
    stack.push(new Pending(root, "", ancestorFrames(root, gitRoot), gitRoot.isPresent()));
    while (!stack.isEmpty()) {
      Pending current = stack.pop();
      boolean inRepo =
          current.inRepo || Files.exists(current.dir.resolve(".git"), LinkOption.NOFOLLOW_LINKS);
      List<IgnoreFrame> frames = current.frames;
      Optional<GitIgnore> own = inRepo ? load(current.dir) : Optional.empty();
      if (own.isPresent()) {
        frames = new ArrayList<>(frames);
        frames.add(new IgnoreFrame(current.relative, "", own.get()));
      }
      for (Child child : children(current.dir)) {
        String relative =
            current.relative.isEmpty() ? child.name : current.relative + "/" + child.name;
        if (child.name.equals(".git") || (skipHidden && child.name.startsWith("."))) {
          continue;
        }
        boolean directory = child.attributes.isDirectory();
        if (inRepo && ignored(frames, relative, directory)) {
          continue;
        }
        if (directory) {
          stack.push(new Pending(current.dir.resolve(child.name), relative, frames, inRepo));
        } else if (child.attributes.isRegularFile()) {
          files.add(
              new Entry(
                  current.dir.resolve(child.name),
                  relative,
                  child.attributes.lastModifiedTime().toMillis(),
                  child.attributes.size()));
        }
      }
    }
    files.sort((a, b) -> compareRelativePaths(a.relativePath(), b.relativePath()));
    return files;
  }

  /** The {@code .gitignore} files between the repository root and the search root. */
  private static List<IgnoreFrame> ancestorFrames(Path root, Optional<Path> gitRoot) {
    List<IgnoreFrame> frames = new ArrayList<>();
    if (gitRoot.isEmpty() || root.equals(gitRoot.get())) {
      return frames;
    }
    for (Path dir = root.getParent(); dir != null; dir = dir.getParent()) {
      String prefix = dir.relativize(root).toString().replace('\\', '/');
      Path holder = dir;
      load(dir).ifPresent(rules -> frames.add(0, new IgnoreFrame("", prefix, rules)));
      if (holder.equals(gitRoot.get())) {
        break;
      }
    }
    return frames;
  }

  /**
   * Orders paths as ripgrep's {@code --sort path} does: component by component. Treating {@code /}
   * as lower than every other character gives that order without splitting the strings.
   */
  public static int compareRelativePaths(String a, String b) {
    int length = Math.min(a.length(), b.length());
    for (int i = 0; i < length; i++) {
      char x = a.charAt(i);
      char y = b.charAt(i);
      if (x != y) {
        if (x == '/') {
          return -1;
        }
        if (y == '/') {
          return 1;
        }
        return Character.compare(x, y);
      }
    }
    return Integer.compare(a.length(), b.length());
  }

  private static boolean ignored(List<IgnoreFrame> frames, String relative, boolean isDirectory) {
    for (int i = frames.size() - 1; i >= 0; i--) {
      String local = frames.get(i).local(relative);
      if (local == null) {
        continue;
      }
      switch (frames.get(i).rules.match(local, isDirectory)) {
        case IGNORED -> {
          return true;
        }
        case INCLUDED -> {
          return false;
        }
        case NONE -> {
          // Ask the next file up.
        }
      }
    }
    return false;
  }

  private record Child(String name, BasicFileAttributes attributes) {}

  private static List<Child> children(Path dir) {
    List<Child> children = new ArrayList<>();
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
      for (Path entry : entries) {
        try {
          BasicFileAttributes attributes =
              Files.readAttributes(entry, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
          children.add(new Child(entry.getFileName().toString(), attributes));
        } catch (IOException vanished) {
          // Deleted while we listed: skip it, as ripgrep does.
        }
      }
    } catch (IOException unreadable) {
      return List.of(); // ripgrep skips unreadable directories (we pass --no-messages)
    }
    children.sort((x, y) -> x.name.compareTo(y.name));
    return children;
  }

  private static Optional<GitIgnore> load(Path dir) {
    Path file = dir.resolve(".gitignore");
    if (!Files.isRegularFile(file)) {
      return Optional.empty();
    }
    try {
      GitIgnore rules = GitIgnore.parse(Files.readString(file, java.nio.charset.StandardCharsets.UTF_8));
      return rules.isEmpty() ? Optional.empty() : Optional.of(rules);
    } catch (IOException | java.io.UncheckedIOException e) {
      return Optional.empty();
    }
  }

  /** The nearest ancestor-or-self of {@code dir} holding {@code .git}. */
  public static Optional<Path> gitRoot(Path dir) {
    for (Path current = dir.toAbsolutePath(); current != null; current = current.getParent()) {
      if (Files.exists(current.resolve(".git"), LinkOption.NOFOLLOW_LINKS)) {
        return Optional.of(current);
      }
    }
    return Optional.empty();
  }
}
