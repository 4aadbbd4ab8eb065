package dev.darkfactory.twin.slack;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * One page of a cursor-paginated list: at most {@code limit} items from the one the cursor names, and the cursor of
 * the next page ({@code ""} on the last, as Slack sends it). A cursor naming no item of the list is
 * {@code invalid_cursor}.
 */
record Page<T>(List<T> items, String nextCursor) {

  Page {
    items = List.copyOf(items);
  }

  static <T> Page<T> of(List<T> all, Optional<String> cursor, String kind, Function<T, String> key, int limit) {
    int from = 0;
    if (cursor.isPresent()) {
      String start = Cursors.decode(kind, cursor.get());
      from = -1;
      for (int i = 0; i < all.size(); i++) {
        if (key.apply(all.get(i)).equals(start)) {
          from = i;
          break;
        }
      }
      if (from < 0) {
        throw SlackError.of("invalid_cursor");
      }
    }
    int to = Math.min(all.size(), from + Math.max(1, limit));
    String next = to < all.size() ? Cursors.encode(kind, key.apply(all.get(to))) : "";
    return new Page<>(all.subList(from, to), next);
  }
}
