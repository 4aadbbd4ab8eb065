package dev.darkfactory.server.store;

import dev.darkfactory.server.ServerException;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

/** Turns the URL forms people paste (libpq's {@code postgresql://} and JDBC's) into a JDBC URL and credentials. */
final class PostgresUrls {
  private PostgresUrls() {}

  static boolean isPostgres(String url) {
    return url.startsWith("jdbc:postgresql:") || url.startsWith("postgresql://") || url.startsWith("postgres://");
  }

  static String toJdbc(String url) {
    if (url.startsWith("jdbc:postgresql:")) {
      return url;
    }
    if (!isPostgres(url)) {
      throw new ServerException.BadRequest("not a PostgreSQL URL: " + redacted(url));
    }
    URI uri = URI.create(url);
    String port = uri.getPort() > 0 ? ":" + uri.getPort() : "";
    String query = uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery();
    return "jdbc:postgresql://" + uri.getHost() + port + uri.getRawPath() + query;
  }

  /** User and password from the libpq form's user-info; the JDBC form carries its own. */
  static Properties credentials(String url) {
    Properties properties = new Properties();
    if (url.startsWith("jdbc:")) {
      return properties;
    }
    String userInfo = URI.create(url).getRawUserInfo();
    if (userInfo != null) {
      String[] parts = userInfo.split(":", 2);
      properties.setProperty("user", URLDecoder.decode(parts[0], StandardCharsets.UTF_8));
      if (parts.length == 2) {
        properties.setProperty("password", URLDecoder.decode(parts[1], StandardCharsets.UTF_8));
      }
    }
    return properties;
  }

  /** The URL without its password, for messages. */
  static String redacted(String url) {
    return url.replaceAll("(://[^:/@]+):[^@]*@", "$1:***@").replaceAll("(?i)(password=)[^&]*", "$1***");
  }
}
