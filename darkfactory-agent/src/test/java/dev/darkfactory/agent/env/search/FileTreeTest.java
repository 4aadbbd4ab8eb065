package dev.darkfactory.agent.env.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileTreeTest {

  @Test
  void comparesPathsComponentByComponentLikeRipgrep() {
    List<String> paths = new ArrayList<>(List.of("a.txt", "a/z", "a-b/x", "ab", "a/b/c", "A/q"));
    paths.sort(FileTree::compareRelativePaths);
    assertThat(paths).containsExactly("A/q", "a/b/c", "a/z", "a-b/x", "a.txt", "ab");
  }

  @Test
  void doesNotFollowSymbolicLinksAndNeverEntersGit(@TempDir Path dir) throws Exception {
    Files.createDirectories(dir.resolve(".git/objects"));
    Files.writeString(dir.resolve(".git/objects/x"), "x");
    Files.writeString(dir.resolve("real.txt"), "x");
    Files.createSymbolicLink(dir.resolve("link.txt"), dir.resolve("real.txt"));
    Files.createDirectories(dir.resolve("d"));
    Files.createSymbolicLink(dir.resolve("d/loop"), dir);
    Files.writeString(dir.resolve(".visible-when-hidden-allowed"), "x");

    assertThat(FileTree.withHidden().walk(dir)).extracting(FileTree.Entry::relativePath)
        .containsExactly(".visible-when-hidden-allowed", "real.txt");
    assertThat(FileTree.withoutHidden().walk(dir)).extracting(FileTree.Entry::relativePath)
        .containsExactly("real.txt");
  }

  @Test
  void ancestorGitignoreAppliesWhenSearchingASubdirectory(@TempDir Path dir) throws Exception {
    Files.createDirectories(dir.resolve(".git"));
    Files.writeString(dir.resolve(".gitignore"), "target/\nsrc/skip.txt\n");
    Files.createDirectories(dir.resolve("src/target"));
    Files.writeString(dir.resolve("src/target/t.txt"), "x");
    Files.writeString(dir.resolve("src/skip.txt"), "x");
    Files.writeString(dir.resolve("src/keep.txt"), "x");

    assertThat(FileTree.withoutHidden().walk(dir.resolve("src"))).extracting(FileTree.Entry::relativePath)
        .containsExactly("keep.txt");
  }
}
