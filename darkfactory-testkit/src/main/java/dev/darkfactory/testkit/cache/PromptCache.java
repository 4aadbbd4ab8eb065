package dev.darkfactory.testkit.cache;

import dev.darkfactory.testkit.wire.WireFormat;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import tools.jackson.databind.JsonNode;

/**
 * Models provider prompt caching so tests can measure it. Anthropic caches explicitly: the prefix up to a
 * {@code cache_control} breakpoint is written on first sight and read afterwards, looking back up to 20 blocks
 * before each breakpoint for an earlier cached prefix, as the real API does. OpenAI and Gemini cache automatically:
 * the longest previously seen prefix (at block boundaries) is read. Token counts are estimated at four characters a
 * token.
 */
public final class PromptCache {

  private static final int LOOKBACK_BLOCKS = 20;

  private final Set<String> cached = ConcurrentHashMap.newKeySet();

  /** Token accounting of one request: {@code input} is the whole prompt, cached parts included. */
  public record Accounting(int input, int cacheRead, int cacheWrite) {}

  public Accounting account(WireFormat format, JsonNode request) {
    List<PromptBlocks.Block> blocks = PromptBlocks.of(format, request);
    int n = blocks.size();
    int[] tokens = new int[n];
    String[] hashes = new String[n];
    MessageDigest digest = sha256();
    int total = 0;
    for (int i = 0; i < n; i++) {
      digest.update(blocks.get(i).text().getBytes(StandardCharsets.UTF_8));
      total += Tokens.estimate(blocks.get(i).text());
      tokens[i] = total;
      hashes[i] = HexFormat.of().formatHex(clone(digest).digest());
    }
    return format == WireFormat.ANTHROPIC ? explicit(blocks, tokens, hashes, total) : automatic(tokens, hashes, total);
  }

  private Accounting explicit(List<PromptBlocks.Block> blocks, int[] tokens, String[] hashes, int total) {
    int read = 0;
    int lastBreakpoint = -1;
    for (int b = 0; b < blocks.size(); b++) {
      if (!blocks.get(b).breakpoint()) {
        continue;
      }
      lastBreakpoint = b;
      for (int j = b; j >= Math.max(0, b - LOOKBACK_BLOCKS); j--) {
        if (cached.contains(hashes[j])) {
          read = Math.max(read, tokens[j]);
          break;
        }
      }
    }
    if (lastBreakpoint < 0) {
      return new Accounting(total, 0, 0);
    }
    int write = Math.max(0, tokens[lastBreakpoint] - read);
    for (int b = 0; b < blocks.size(); b++) {
      if (blocks.get(b).breakpoint()) {
        cached.add(hashes[b]);
      }
    }
    return new Accounting(total, read, write);
  }

  private Accounting automatic(int[] tokens, String[] hashes, int total) {
    int read = 0;
    for (int i = hashes.length - 1; i >= 0; i--) {
      if (cached.contains(hashes[i])) {
        read = tokens[i];
        break;
      }
    }
    cached.addAll(List.of(hashes));
    return new Accounting(total, read, 0);
  }

  /** Forgets every cached prefix. */
  public void clear() {
    cached.clear();
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("Every JDK provides SHA-256", e);
    }
  }

  private static MessageDigest clone(MessageDigest digest) {
    try {
      return (MessageDigest) digest.clone();
    } catch (CloneNotSupportedException e) {
      throw new IllegalStateException("The JDK's SHA-256 digest is cloneable", e);
    }
  }
}
