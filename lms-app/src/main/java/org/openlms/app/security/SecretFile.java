package org.openlms.app.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

/** A secret kept in the LMS home: read if present, else generated once and written readable by owner only. */
public final class SecretFile {

  private static final SecureRandom RANDOM = new SecureRandom();

  private SecretFile() {}

  /** Returns the file's secret, creating it with {@code bytes} random bytes (base64url) when absent. */
  public static String readOrCreate(Path file, int bytes) {
    try {
      if (Files.exists(file)) {
        return Files.readString(file, StandardCharsets.UTF_8).trim();
      }
      Files.createDirectories(file.toAbsolutePath().getParent());
      byte[] raw = new byte[bytes];
      RANDOM.nextBytes(raw);
      String secret = Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
      try {
        // Created with 0600 from the start, so the secret is never readable by others, even briefly.
        Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
      } catch (FileAlreadyExistsException raced) {
        return Files.readString(file, StandardCharsets.UTF_8).trim();
      }
      Files.writeString(file, secret + "\n", StandardCharsets.UTF_8);
      return secret;
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read or create the secret file " + file, e);
    }
  }
}
