package dev.darkfactory.twin.slack;

/**
 * Slack's rate-limit tiers: the calls per minute per method and workspace each tier allows at least (Tier 1: 1+,
 * Tier 2: 20+, Tier 3: 50+, Tier 4: 100+). The twin enforces the stated floor when tier limits are on.
 * {@code POST_MESSAGE} is {@code chat.postMessage}'s special limit, "about one message per second per channel, short
 * bursts allowed", which the twin reads as 60 per channel in any minute.
 */
enum Tier {
  TIER_1(1),
  TIER_2(20),
  TIER_3(50),
  TIER_4(100),
  POST_MESSAGE(60);

  final int perMinute;

  Tier(int perMinute) {
    this.perMinute = perMinute;
  }
}
