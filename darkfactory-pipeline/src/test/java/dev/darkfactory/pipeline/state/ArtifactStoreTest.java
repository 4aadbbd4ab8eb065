package dev.darkfactory.pipeline.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import java.util.NoSuchElementException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** attractor-spec.md 5.5. */
class ArtifactStoreTest {
  @TempDir Path temp;

  @Test
  void smallArtifactsStayInMemory() {
    ArtifactStore store = ArtifactStore.fileBacked(temp);
    ArtifactInfo info = store.store("plan", "The plan", Map.of("steps", 3));
    assertThat(info.fileBacked()).isFalse();
    assertThat(store.retrieve("plan")).isEqualTo(Map.of("steps", 3L));
    assertThat(temp.resolve("artifacts")).doesNotExist();
  }

  @Test
  void largeArtifactsGoToFiles() {
    ArtifactStore store = ArtifactStore.fileBacked(temp);
    String big = "x".repeat(200 * 1024);
    ArtifactInfo info = store.store("log", "Build log", big);
    assertThat(info.fileBacked()).isTrue();
    assertThat(info.sizeBytes()).isGreaterThan(ArtifactStore.FILE_BACKING_THRESHOLD);
    assertThat(temp.resolve("artifacts/log.json")).exists();
    assertThat(store.retrieve("log")).isEqualTo(big);
  }

  @Test
  void listHasRemoveAndClear() {
    ArtifactStore store = ArtifactStore.fileBacked(temp);
    store.store("a", "A", "1");
    store.store("b", "B", "x".repeat(200 * 1024));
    assertThat(store.list()).extracting(ArtifactInfo::id).containsExactly("a", "b");
    store.remove("b");
    assertThat(store.has("b")).isFalse();
    assertThat(temp.resolve("artifacts/b.json")).doesNotExist();
    store.clear();
    assertThat(store.size()).isZero();
    assertThatThrownBy(() -> store.retrieve("a")).isInstanceOf(NoSuchElementException.class).hasMessageContaining("Artifact not found");
  }

  @Test
  void withoutABaseDirectoryEverythingStaysInMemory() {
    assertThat(ArtifactStore.inMemory().store("big", "Big", "x".repeat(200 * 1024)).fileBacked()).isFalse();
  }

  @Test
  void idsMustBeSafeFileNames() {
    assertThatThrownBy(() -> ArtifactStore.inMemory().store("../etc", "x", "y")).isInstanceOf(IllegalArgumentException.class);
  }
}
