package dev.darkfactory.agent.env;

import dev.darkfactory.agent.EnvironmentException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The file operations of {@link LocalExecutionEnvironment}, with errors worded for the model. */
final class LocalFiles {
  /** A NUL byte in the first 8 KiB marks a binary file, as git and most editors judge it. */
  private static final int BINARY_PROBE = 8 * 1024;

  private final Path workingDirectory;

  LocalFiles(Path workingDirectory) {
    this.workingDirectory = workingDirectory;
  }

  Path resolve(String path) {
    if (path == null || path.isBlank()) {
      return workingDirectory;
    }
    String expanded = path.startsWith("~/") ? System.getProperty("user.home") + path.substring(1) : path;
    return workingDirectory.resolve(expanded).normalize();
  }

  String readLines(String path, int offset, int limit) {
    Path file = existingFile(path);
    if (limit < 1) {
      throw new EnvironmentException(
          EnvironmentException.Reason.IO_ERROR, "limit must be at least 1, got " + limit + ".");
    }
    int first = Math.max(1, offset);
    try (InputStream in = Files.newInputStream(file)) {
      byte[] probe = in.readNBytes(BINARY_PROBE);
      for (byte b : probe) {
        if (b == 0) {
          throw new EnvironmentException(
              EnvironmentException.Reason.BINARY_FILE,
              "Cannot read " + path + ": it is a binary file. Inspect it with a shell command such as"
                  + " 'file' or 'xxd | head' instead.");
        }
      }
      Reader reader =
          new InputStreamReader(
              new java.io.SequenceInputStream(new java.io.ByteArrayInputStream(probe), in),
              StandardCharsets.UTF_8
                  .newDecoder()
                  .onMalformedInput(CodingErrorAction.REPLACE)
                  .onUnmappableCharacter(CodingErrorAction.REPLACE));
      return selectLines(reader, first, limit);
    } catch (IOException e) {
      throw failure("read", path, e);
    }
  }

  /** Lines {@code first .. first+limit-1}, split on {@code \n}, a trailing {@code \r} dropped. */
  private static String selectLines(Reader reader, int first, int limit) throws IOException {
    StringBuilder out = new StringBuilder();
    StringBuilder line = new StringBuilder();
    int lineNumber = 1;
    int taken = 0;
    char[] buffer = new char[8192];
    int read;
    boolean any = false;
    while (taken < limit && (read = reader.read(buffer)) >= 0) {
      for (int i = 0; i < read && taken < limit; i++) {
        any = true;
        char c = buffer[i];
        if (c != '\n') {
          if (lineNumber >= first) {
            line.append(c);
          }
          continue;
        }
        if (lineNumber >= first) {
          append(out, line, taken);
          taken++;
        }
        line.setLength(0);
        lineNumber++;
        any = false;
      }
    }
    if (any && taken < limit && lineNumber >= first) {
      append(out, line, taken);
    }
    return out.toString();
  }

  private static void append(StringBuilder out, StringBuilder line, int taken) {
    if (taken > 0) {
      out.append('\n');
    }
    int length = line.length();
    if (length > 0 && line.charAt(length - 1) == '\r') {
      length--;
    }
    out.append(line, 0, length);
  }

  byte[] readBytes(String path) {
    Path file = existingFile(path);
    try {
      return Files.readAllBytes(file);
    } catch (IOException e) {
      throw failure("read", path, e);
    }
  }

  void write(String path, String content) {
    Path file = resolve(path);
    if (Files.isDirectory(file)) {
      throw new EnvironmentException(
          EnvironmentException.Reason.NOT_A_FILE, "Cannot write " + path + ": it is a directory.");
    }
    try {
      Path parent = file.getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
      Files.writeString(file, content, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw failure("write", path, e);
    }
  }

  void delete(String path) {
    Path file = existingFile(path);
    try {
      Files.delete(file);
    } catch (IOException e) {
      throw failure("delete", path, e);
    }
  }

  List<DirEntry> list(String path, int depth) {
    Path dir = resolve(path);
    if (!Files.exists(dir)) {
      throw EnvironmentException.notFound(path);
    }
    if (!Files.isDirectory(dir)) {
      throw new EnvironmentException(
          EnvironmentException.Reason.NOT_A_DIRECTORY,
          "Cannot list " + path + ": it is a file. Read it with read_file.");
    }
    List<DirEntry> entries = new ArrayList<>();
    try {
      list(dir, "", Math.max(1, depth), entries);
    } catch (IOException e) {
      throw failure("list", path, e);
    }
    return entries;
  }

  private static void list(Path dir, String prefix, int depth, List<DirEntry> out) throws IOException {
    List<Path> children = new ArrayList<>();
    try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir)) {
      stream.forEach(children::add);
    }
    children.sort((a, b) -> a.getFileName().toString().compareTo(b.getFileName().toString()));
    for (Path child : children) {
      String name = prefix + child.getFileName();
      BasicFileAttributes attributes;
      try {
        attributes = Files.readAttributes(child, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
      } catch (IOException vanished) {
        continue;
      }
      boolean isDir = attributes.isDirectory();
      out.add(new DirEntry(name, isDir, isDir ? Optional.empty() : Optional.of(attributes.size())));
      // .git holds thousands of objects nobody wants listed.
      if (isDir && depth > 1 && !child.getFileName().toString().equals(".git")) {
        list(child, name + "/", depth - 1, out);
      }
    }
  }

  private Path existingFile(String path) {
    Path file = resolve(path);
    if (!Files.exists(file)) {
      throw EnvironmentException.notFound(path);
    }
    if (Files.isDirectory(file)) {
      throw new EnvironmentException(
          EnvironmentException.Reason.NOT_A_FILE,
          "Cannot read " + path + ": it is a directory. List it with list_dir or glob.");
    }
    return file;
  }

  private static EnvironmentException failure(String operation, String path, IOException e) {
    return switch (e) {
      case NoSuchFileException missing -> EnvironmentException.notFound(path);
      case AccessDeniedException denied ->
          new EnvironmentException(
              EnvironmentException.Reason.PERMISSION_DENIED,
              "Permission denied: cannot " + operation + " " + path + ". Choose another path.",
              e);
      case FileSystemException fs when fs.getReason() != null ->
          new EnvironmentException(
              EnvironmentException.Reason.IO_ERROR,
              "Cannot " + operation + " " + path + ": " + fs.getReason(),
              e);
      default ->
          new EnvironmentException(
              EnvironmentException.Reason.IO_ERROR,
              "Cannot " + operation + " " + path + ": " + e.getMessage(),
              e);
    };
  }
}
