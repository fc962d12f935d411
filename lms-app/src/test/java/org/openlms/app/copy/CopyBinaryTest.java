package org.openlms.app.copy;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.time.LocalDate;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.postgresql.util.ByteConverter;

class CopyBinaryTest {

  /** The numeric field of a one-column row, read back by the driver's own decoder. */
  private static BigDecimal roundTrip(BigDecimal value) {
    byte[] data = new CopyBinary(List.of("numeric")).row(new Object[] {value}).finish();
    ByteBuffer b = ByteBuffer.wrap(data, 19, data.length - 19);
    assertThat(b.getShort()).isEqualTo((short) 1);
    int len = b.getInt();
    return (BigDecimal) ByteConverter.numeric(data, b.position(), len);
  }

  @Test
  void amountsReadBackEqualScaleIncluded() {
    for (String s : List.of("0", "0.00", "0.0000000000", "1", "-1", "12.34", "-12.34", "10000", "10000.00", "0.0001",
        "0.00010", "123456789012.34", "-99999999999999.99", "0.0000000001", "1.2345678901", "20000.0000000000",
        "99990000", "1E+3", "123456789012345678901234.5678")) {
      BigDecimal d = new BigDecimal(s);
      assertThat(roundTrip(d)).as(s).isEqualTo(d.scale() < 0 ? d.setScale(0) : d);
    }
    Random r = new Random(7);
    for (int i = 0; i < 20_000; i++) {
      BigDecimal d = BigDecimal.valueOf(r.nextLong() >> r.nextInt(64), r.nextInt(13));
      assertThat(roundTrip(d)).as(d.toPlainString()).isEqualTo(d);
    }
  }

  @Test
  void rowLayoutFollowsTheFormat() {
    byte[] data = new CopyBinary(List.of("bigint", "date", "integer", "boolean", "text", "jsonb"))
        .row(new Object[] {7L, LocalDate.of(2000, 1, 2), 3, true, "é", null}).finish();
    ByteBuffer b = ByteBuffer.wrap(data);
    byte[] header = new byte[11];
    b.get(header);
    assertThat(new String(header, 0, 6)).isEqualTo("PGCOPY");
    assertThat(b.getInt()).isZero(); // flags
    assertThat(b.getInt()).isZero(); // header extension
    assertThat(b.getShort()).isEqualTo((short) 6);
    assertThat(b.getInt()).isEqualTo(8);
    assertThat(b.getLong()).isEqualTo(7L);
    assertThat(b.getInt()).isEqualTo(4);
    assertThat(b.getInt()).isEqualTo(1); // days since 2000-01-01
    assertThat(b.getInt()).isEqualTo(4);
    assertThat(b.getInt()).isEqualTo(3);
    assertThat(b.getInt()).isEqualTo(1);
    assertThat(b.get()).isEqualTo((byte) 1);
    assertThat(b.getInt()).isEqualTo(2); // "é" in UTF-8
    b.position(b.position() + 2);
    assertThat(b.getInt()).isEqualTo(-1); // NULL
    assertThat(b.getShort()).isEqualTo((short) -1); // trailer
    assertThat(b.hasRemaining()).isFalse();
  }
}
