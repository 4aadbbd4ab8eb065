package dev.darkfactory.pipeline.problem;

import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import tools.jackson.core.JacksonException;

/**
 * Why a file operation failed, in words a user can act on. The JDK's file exceptions carry the
 * path as their message ({@code NoSuchFileException: runs/x}), which next to "cannot read runs/x"
 * says nothing; Jackson's carry a source description meant for developers.
 */
public final class IoReasons {
  private IoReasons() {}

  /** The reason {@code e} happened, without the path the caller's message already names. */
  public static String of(Exception e) {
    return switch (e) {
      case NoSuchFileException n -> n.getOtherFile() == null ? "no such file or directory" : "no such file or directory: " + n.getOtherFile();
      case AccessDeniedException a -> "permission denied";
      case FileAlreadyExistsException f -> "a file is in the way (" + f.getFile() + " already exists)";
      case NotDirectoryException n -> "not a directory";
      case DirectoryNotEmptyException d -> "the directory is not empty";
      case FileSystemException f when f.getReason() != null -> reasonOf(f);
      case JacksonException j when j.getLocation() != null && j.getLocation().getLineNr() > 0 ->
          "not valid JSON at line " + j.getLocation().getLineNr() + ", column " + j.getLocation().getColumnNr() + ": " + j.getOriginalMessage();
      case JacksonException j -> "not valid JSON: " + j.getOriginalMessage();
      default -> e.getMessage() == null || e.getMessage().isBlank() ? e.getClass().getSimpleName() : e.getMessage();
    };
  }

  private static String reasonOf(FileSystemException f) {
    String reason = f.getReason();
    // The OS's own words ("Not a directory", "Read-only file system"), as a sentence fragment.
    return reason.isEmpty() ? "file system error" : Character.toLowerCase(reason.charAt(0)) + reason.substring(1);
  }
}
