package dev.darkfactory.twin;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One universe of a twin's state: every credential (API key, bearer token, basic-auth user) gets its own, so
 * parallel trajectories against one twin do not see each other.
 *
 * <p>The id is a fingerprint of the credential ({@code ns_} and 16 hex digits of its SHA-256), never the
 * credential itself, so journals, snapshots and logs can be shared without leaking keys. {@code hint} is a
 * masked form for people ({@code sk_test_…4242}). Two namespaces are equal when their ids are.
 */
public record Namespace(String id, String hint) {

  /** The namespace of twins that do not partition by credential. */
  public static final Namespace DEFAULT = new Namespace("default", "default");

  private static final Pattern ID = Pattern.compile("ns_[0-9a-f]{16}|default");

  public Namespace {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(hint, "hint");
  }

  /** The namespace of a credential. */
  public static Namespace ofCredential(String credential) {
    Objects.requireNonNull(credential, "credential");
    return new Namespace("ns_" + fingerprint(credential), mask(credential));
  }

  /**
   * A namespace named by its id ({@code ns_0123456789abcdef}, {@code default}) or by its credential: a value
   * of the id form is taken as an id, anything else as a credential.
   */
  public static Namespace parse(String idOrCredential) {
    Objects.requireNonNull(idOrCredential, "idOrCredential");
    return isId(idOrCredential) ? new Namespace(idOrCredential, idOrCredential) : ofCredential(idOrCredential);
  }

  /** Whether the text has the form of a namespace id. */
  public static boolean isId(String text) {
    return ID.matcher(text).matches();
  }

  /**
   * A credential masked as vendors show keys: the type prefix up to its last underscore (within the first 8
   * characters) and, for credentials of 16 characters or more, the last 4 ({@code sk_test_…abcd}).
   */
  public static String mask(String credential) {
    int prefixEnd = credential.substring(0, Math.min(8, credential.length())).lastIndexOf('_') + 1;
    String suffix = credential.length() >= 16 ? credential.substring(credential.length() - 4) : "";
    return credential.substring(0, prefixEnd) + "…" + suffix;
  }

  private static String fingerprint(String credential) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(credential.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest, 0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("Every JDK has SHA-256", e);
    }
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Namespace namespace && namespace.id.equals(id);
  }

  @Override
  public int hashCode() {
    return id.hashCode();
  }

  @Override
  public String toString() {
    return id;
  }
}
