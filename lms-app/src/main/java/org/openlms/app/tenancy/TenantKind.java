package org.openlms.app.tenancy;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** Production holds live loans; sandbox is for integration tests; staging receives a copy of configuration. */
public enum TenantKind {
  PRODUCTION, SANDBOX, STAGING;

  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static TenantKind fromCode(String code) {
    for (TenantKind k : values()) {
      if (k.code().equals(code)) {
        return k;
      }
    }
    throw new IllegalArgumentException("kind must be one of "
        + Arrays.stream(values()).map(TenantKind::code).collect(Collectors.joining(", ")) + ", not '"
        + code + "'");
  }
}
