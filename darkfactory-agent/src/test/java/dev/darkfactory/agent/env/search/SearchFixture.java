package dev.darkfactory.agent.env.search;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** A small repository exercising every rule the two grep engines must agree on. */
final class SearchFixture {
  private SearchFixture() {}

  static Path create(Path base) throws IOException {
    Path repo = base.resolve("repo");
    Files.createDirectories(repo.resolve(".git"));
    write(repo, ".gitignore", "build/\n*.log\n!keep.log\n/docs/*.tmp\ngen/\n# comment\n\n");
    write(repo, "src/Main.java", "class Main {\n  // needle here\n  void run() {}\n}\n");
    write(repo, "src/util/Helper.java", "needle\nNeedle\nNEEDLE\nno match\n");
    write(repo, "src/util/helper.py", "def needle():\n    return 1\n");
    write(repo, "src/gen/Generated.java", "needle in generated code\n");
    write(repo, "src/docs/d.tmp", "needle in a nested tmp\n");
    write(repo, "src/sub/.gitignore", "*.txt\n!important.txt\n");
    write(repo, "src/sub/drop.txt", "needle\n");
    write(repo, "src/sub/important.txt", "needle\n");
    write(repo, "build/out.txt", "needle in build output\n");
    write(repo, "app.log", "needle in a log\n");
    write(repo, "keep.log", "needle kept log\n");
    write(repo, "docs/d.tmp", "needle in docs tmp\n");
    write(repo, "docs/guide.md", "the Needle guide\nsecond needle line\r\n");
    write(repo, ".hidden/secret.txt", "needle hidden\n");
    write(repo, ".env", "needle=1\n");
    write(repo, "a-b/x.txt", "needle dash\n");
    write(repo, "a.txt", "needle dot\n");
    write(repo, "a/z.txt", "needle slash\n");
    write(repo, "unicode.txt", "naïve needle café\n");
    write(repo, "no-newline.txt", "last needle");
    Files.write(repo.resolve("binary.bin"), new byte[] {'n', 'e', 'e', 'd', 'l', 'e', 0, 1, 2, '\n'});
    Files.writeString(repo.resolve("many.txt"), "needle\n".repeat(30), StandardCharsets.UTF_8);
    return repo;
  }

  private static void write(Path repo, String path, String content) throws IOException {
    Path file = repo.resolve(path);
    Files.createDirectories(file.getParent());
    Files.writeString(file, content, StandardCharsets.UTF_8);
  }
}
