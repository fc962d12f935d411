package org.openlms.app.copy;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.postgresql.util.ByteConverter;

/**
 * PostgreSQL's binary COPY format for rows of known column types: numbers and dates travel as the server stores them,
 * so neither side formats or parses text (for a night of maintenance, a million archive rows of fifteen amounts
 * each). Supports the types maintenance writes; {@link #supports} says whether a column type is one of them.
 */
public final class CopyBinary {

  private static final byte[] HEADER = {'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xff, '\r', '\n', 0, 0, 0, 0, 0,
      0, 0, 0, 0};
  private static final List<String> TYPES = List.of("bigint", "integer", "smallint", "numeric", "date", "boolean",
      "text", "character varying", "jsonb");
  private static final long DAYS_1970_TO_2000 = 10_957;
  private static final long[] POW10 = {1, 10, 100, 1000, 10_000};
  /** Unscaled values of at most this many bits, times up to 1000 (to align on groups of four digits), fit a long. */
  private static final int FAST_BITS = 53;

  private final int[] types; // indexes into TYPES: a switch on strings hashed every value
  private final short[] groups = new short[5]; // a long's base-10000 digits
  private byte[] buf = new byte[1 << 16];
  private int len;

  /**
   * @param types each column's type as PostgreSQL names it ({@code format_type} without modifiers, e.g. {@code
   *     numeric}, {@code character varying})
   */
  public CopyBinary(List<String> types) {
    for (String t : types) {
      if (!supports(t)) {
        throw new IllegalArgumentException("no binary COPY for type " + t);
      }
    }
    this.types = types.stream().mapToInt(t -> TYPES.indexOf(t.toLowerCase(Locale.ROOT))).toArray();
    put(HEADER, 0, HEADER.length);
  }

  public static boolean supports(String type) {
    return TYPES.contains(type.toLowerCase(Locale.ROOT));
  }

  /** Appends one row; {@code values} in the columns' order, null for SQL NULL. */
  public CopyBinary row(Object[] values) {
    if (values.length != types.length) {
      throw new IllegalArgumentException("row of " + values.length + " values for " + types.length + " columns");
    }
    short16(types.length);
    for (int i = 0; i < values.length; i++) {
      value(types[i], values[i]);
    }
    return this;
  }

  /** The whole COPY data so far, with the trailer; the builder is done after this. */
  public byte[] finish() {
    short16(-1);
    return Arrays.copyOf(buf, len);
  }

  private void value(int type, Object v) {
    if (v == null) {
      int32(-1);
      return;
    }
    switch (type) { // the order of TYPES
      case 0 -> {
        int32(8);
        int64(((Number) v).longValue());
      }
      case 1 -> {
        int32(4);
        int32(Math.toIntExact(((Number) v).longValue()));
      }
      case 2 -> {
        int32(2);
        short16(((Number) v).shortValue());
      }
      case 3 -> numeric(v instanceof BigDecimal d ? d : new BigDecimal(v.toString()));
      case 4 -> {
        LocalDate d = v instanceof java.sql.Date s ? s.toLocalDate() : (LocalDate) v;
        int32(4);
        int32(Math.toIntExact(d.toEpochDay() - DAYS_1970_TO_2000));
      }
      case 5 -> {
        int32(1);
        byte8((Boolean) v ? 1 : 0);
      }
      case 8 -> {
        byte[] b = v.toString().getBytes(StandardCharsets.UTF_8);
        int32(b.length + 1);
        byte8(1); // jsonb's binary form: a version byte, then the text
        put(b, 0, b.length);
      }
      default -> {
        byte[] b = v.toString().getBytes(StandardCharsets.UTF_8);
        int32(b.length);
        put(b, 0, b.length);
      }
    }
  }

  /**
   * PostgreSQL's numeric: digit count, weight (of the first base-10000 digit), sign, display scale, then the base-10000
   * digits without leading or trailing zero digits, the decimal point falling between two of them.
   */
  private void numeric(BigDecimal d) {
    int scale = d.scale();
    BigInteger unscaled = d.unscaledValue();
    if (scale < 0 || scale > 1000 || unscaled.bitLength() > FAST_BITS) {
      byte[] b = ByteConverter.numeric(d);
      int32(b.length);
      put(b, 0, b.length);
      return;
    }
    long u = unscaled.longValue();
    int sign = u < 0 ? 0x4000 : 0;
    u = Math.abs(u);
    int pad = (4 - scale % 4) % 4;
    long v = u * POW10[pad];
    int fracGroups = (scale + pad) / 4;
    short[] groups = this.groups; // least significant first
    int n = 0;
    while (v != 0) {
      groups[n++] = (short) (v % 10_000);
      v /= 10_000;
    }
    int low = 0;
    while (low < n && groups[low] == 0) {
      low++; // trailing zero digits are not stored
    }
    int ndigits = n - low;
    int weight = ndigits == 0 ? 0 : n - 1 - fracGroups;
    int32(8 + 2 * ndigits);
    short16(ndigits);
    short16(weight);
    short16(sign);
    short16(scale);
    for (int i = n - 1; i >= low; i--) {
      short16(groups[i]);
    }
  }

  private void ensure(int more) {
    if (len + more > buf.length) {
      buf = Arrays.copyOf(buf, Math.max(buf.length * 2, len + more));
    }
  }

  private void put(byte[] b, int off, int n) {
    ensure(n);
    System.arraycopy(b, off, buf, len, n);
    len += n;
  }

  private void byte8(int v) {
    ensure(1);
    buf[len++] = (byte) v;
  }

  private void short16(int v) {
    ensure(2);
    buf[len++] = (byte) (v >>> 8);
    buf[len++] = (byte) v;
  }

  private void int32(int v) {
    ensure(4);
    buf[len++] = (byte) (v >>> 24);
    buf[len++] = (byte) (v >>> 16);
    buf[len++] = (byte) (v >>> 8);
    buf[len++] = (byte) v;
  }

  private void int64(long v) {
    int32((int) (v >>> 32));
    int32((int) v);
  }
}
