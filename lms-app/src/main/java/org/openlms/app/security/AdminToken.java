package org.openlms.app.security;

import java.nio.file.Path;
import java.security.MessageDigest;
import org.openlms.app.LmsProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The operator's token for the admin API: {@code LMS_ADMIN_TOKEN} when set, otherwise generated at first
 * start into {@code home/admin.token} with mode 0600 (where the CLI reads it too).
 */
@Component
public class AdminToken {

  private static final Logger log = LoggerFactory.getLogger(AdminToken.class);
  private final byte[] digest;

  AdminToken(LmsProperties props) {
    String given = props.admin().token();
    String token;
    if (given != null && !given.isBlank()) {
      token = given.strip();
    } else {
      Path file = props.home().resolve("admin.token").toAbsolutePath();
      token = SecretFile.readOrCreate(file, 32);
      log.info("Admin token is in {} (readable by its owner only)", file);
    }
    this.digest = ApiTokenService.hash(token);
  }

  /** Constant-time comparison, so timing does not leak how much of a guess was right. */
  public boolean matches(String candidate) {
    return candidate != null && candidate.length() <= 200
        && MessageDigest.isEqual(digest, ApiTokenService.hash(candidate.strip()));
  }

  static String bearer(String header) {
    if (header == null) {
      return null;
    }
    String h = header.strip();
    // LoanPro clients differ: the PHP SDK sends "Bearer x", the MCP server the bare token.
    return h.regionMatches(true, 0, "Bearer ", 0, 7) ? h.substring(7).strip() : h;
  }

}
