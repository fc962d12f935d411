package org.openlms.app;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Every setting of the server, bound from {@code lms.*} properties or the matching environment variables
 * ({@code LMS_HOME}, {@code LMS_DB_URL}, {@code LMS_DB_USER}, {@code LMS_DB_PASSWORD}, {@code LMS_DB_PORT},
 * {@code LMS_ADMIN_TOKEN}, {@code LMS_SECRETS_KEY}, ...).
 */
@ConfigurationProperties("lms")
public record LmsProperties(
    @DefaultValue("data") Path home,
    @DefaultValue Db db,
    @DefaultValue Tenants tenants,
    @DefaultValue Api api,
    @DefaultValue Admin admin,
    @DefaultValue Secrets secrets,
    @DefaultValue Demo demo) {

  /**
   * The control database. With no {@code url} an embedded PostgreSQL is started with its data under
   * {@code home/postgres}, listening on {@code port} (0 picks a free one).
   */
  public record Db(String url, @DefaultValue("postgres") String user, String password,
      @DefaultValue("15432") int port) {
    public boolean embedded() {
      return url == null || url.isBlank();
    }
  }

  /** Defaults for new tenants and how their pools behave. */
  public record Tenants(@DefaultValue("lms_t") String databasePrefix,
      @DefaultValue("2s") Duration poolTimeout,
      @DefaultValue("10") int maxConnections,
      @DefaultValue("1000000") long maxLoans,
      @DefaultValue("200") int maxRules,
      @DefaultValue("6000") int apiRequestsPerMinute) {}

  /** Edge limits of the HTTP API. */
  public record Api(@DefaultValue("1MB") DataSize maxBodySize,
      @DefaultValue("10") int authFailuresPerMinute) {}

  /** The admin token: given, or generated at first start into {@code home/admin.token}. */
  public record Admin(String token) {}

  /** Key (base64, 32 bytes) that encrypts tenant database passwords; generated into home when absent. */
  public record Secrets(String key) {}

  /** Whether the first start on an empty control database creates a demo company and tenants. */
  public record Demo(@DefaultValue("true") boolean enabled) {}
}
