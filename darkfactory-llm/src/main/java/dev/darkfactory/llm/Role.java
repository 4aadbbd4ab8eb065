package dev.darkfactory.llm;

/** Who produced a {@link Message} (unified-llm-spec §3.2). */
public enum Role {
  SYSTEM("system"),
  USER("user"),
  ASSISTANT("assistant"),
  TOOL("tool"),
  DEVELOPER("developer");

  private final String wireName;

  Role(String wireName) {
    this.wireName = wireName;
  }

  /** The lower-case name used in JSON and logs. */
  public String wireName() {
    return wireName;
  }

  /** Parses a lower-case role name. */
  public static Role parse(String name) {
    for (Role role : values()) {
      if (role.wireName.equalsIgnoreCase(name)) {
        return role;
      }
    }
    throw new ConfigurationException("Unknown role '" + name + "'", "Use one of system, user, assistant, tool, developer.");
  }
}
