package org.openlms.app.tenancy;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.openlms.app.LmsProperties;
import org.openlms.app.security.SecretFile;
import org.springframework.stereotype.Component;

/**
 * Encrypts the credentials of dedicated tenant database servers (AES-256-GCM) so the control database never
 * holds them in clear. The key comes from {@code LMS_SECRETS_KEY} (shared by all nodes) or is generated
 * once into {@code home/secrets.key}.
 */
@Component
public class SecretCipher {

  private static final SecureRandom RANDOM = new SecureRandom();
  private final SecretKeySpec key;

  SecretCipher(LmsProperties props) {
    String encoded = props.secrets().key();
    if (encoded == null || encoded.isBlank()) {
      encoded = SecretFile.readOrCreate(props.home().resolve("secrets.key"), 32);
    }
    byte[] raw = Base64.getUrlDecoder().decode(encoded.replace('+', '-').replace('/', '_').replace("=", ""));
    if (raw.length != 32) {
      throw new IllegalStateException("The secrets key must be 32 bytes, base64-encoded");
    }
    this.key = new SecretKeySpec(raw, "AES");
  }

  public String encrypt(String plain) {
    if (plain == null) {
      return null;
    }
    try {
      byte[] iv = new byte[12];
      RANDOM.nextBytes(iv);
      Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
      c.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, iv));
      byte[] sealed = c.doFinal(plain.getBytes(StandardCharsets.UTF_8));
      return Base64.getEncoder().encodeToString(ByteBuffer.allocate(12 + sealed.length).put(iv).put(sealed).array());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("Encryption failed", e);
    }
  }

  public String decrypt(String sealed) {
    if (sealed == null) {
      return null;
    }
    try {
      byte[] all = Base64.getDecoder().decode(sealed);
      Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
      c.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(128, all, 0, 12));
      return new String(c.doFinal(all, 12, all.length - 12), StandardCharsets.UTF_8);
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      throw new IllegalStateException("Cannot decrypt a tenant credential: wrong secrets key?", e);
    }
  }
}
