package org.openlms.app.api.odata.loans;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.openlms.app.api.ODataFormat;
import org.openlms.engine.state.StatusSnapshot;
import org.springframework.jdbc.core.RowMapper;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.io.SerializedString;
import tools.jackson.databind.JacksonSerializable;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.jsontype.TypeSerializer;

/**
 * A StatusArchive row in LoanPro's shape (money as strings, dates as /Date()/, counters as numbers), two ways:
 * as a map from the engine's snapshot (entity set, navigation endpoint, {@code $select}, GetStatus), and streamed
 * ({@link #rows}) for an expanded StatusArchive, the hot path of {@code Loans(id)?$expand=StatusArchive}: read
 * from the result set and written by the JSON generator without a map, BigDecimals or boxed values. Both write
 * the fields of {@link #FIELDS} in that order, so they answer the same JSON.
 */
final class ArchiveJson {

  private ArchiveJson() {}

  private enum Kind { MONEY, DATE, INT }

  /** A field after {@code __metadata}, {@code id}, {@code loanId} and {@code date}, with the column it comes from. */
  private record Field(String name, String column, Kind kind, SerializedString jsonName) {
    Field(String name, String column, Kind kind) {
      this(name, column, kind, new SerializedString(name));
    }
  }

  private static final List<Field> FIELDS = List.of(
      new Field("amountDue", "amount_due", Kind.MONEY),
      new Field("dueInterest", "due_interest", Kind.MONEY),
      new Field("duePrincipal", "due_principal", Kind.MONEY),
      new Field("dueFees", "due_fees", Kind.MONEY),
      new Field("duePni", "due_pni", Kind.MONEY),
      new Field("nextPaymentDate", "next_payment_date", Kind.DATE),
      new Field("nextPaymentAmount", "next_payment_amount", Kind.MONEY),
      new Field("lastPaymentDate", "last_payment_date", Kind.DATE),
      new Field("lastPaymentAmount", "last_payment_amount", Kind.MONEY),
      new Field("principalBalance", "principal_balance", Kind.MONEY),
      new Field("daysPastDue", "days_past_due", Kind.INT),
      new Field("dateLastCurrent", "date_last_current", Kind.DATE),
      new Field("amountPastDue30", "amount_past_due_30", Kind.MONEY),
      new Field("dateLastCurrent30", "date_last_current_30", Kind.DATE),
      new Field("firstDelinquencyDate", "first_delinquency_date", Kind.DATE),
      new Field("uniqueDelinquencies", "unique_delinquencies", Kind.INT),
      new Field("delinquentDays", "delinquent_days", Kind.INT),
      new Field("payoff", "payoff", Kind.MONEY),
      new Field("perdiem", "perdiem", Kind.MONEY),
      new Field("interestAccruedToday", "interest_accrued_today", Kind.MONEY),
      new Field("periodStart", "period_start", Kind.DATE),
      new Field("periodEnd", "period_end", Kind.DATE),
      new Field("periodsRemaining", "periods_remaining", Kind.INT),
      new Field("finalPaymentDate", "final_payment_date", Kind.DATE),
      new Field("finalPaymentAmount", "final_payment_amount", Kind.MONEY),
      new Field("loanAge", "loan_age", Kind.INT));

  static Map<String, Object> view(long loanId, StatusSnapshot s, String base) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("__metadata", Map.of("uri", uri(base, loanId, s.date()), "type", TYPE));
    m.put("id", loanId); // as LoanPro's rows, which its documentation filters by loan with id eq N
    m.put("loanId", loanId);
    m.put("date", ODataFormat.date(s.date()));
    Object[] values = {s.amountDue(), s.dueInterest(), s.duePrincipal(), s.dueFees(), s.duePni(),
        s.nextPaymentDate(), s.nextPaymentAmount(), s.lastPaymentDate(), s.lastPaymentAmount(), s.principalBalance(),
        s.daysPastDue(), s.dateLastCurrent(), s.amountPastDue30(), s.dateLastCurrent30(), s.firstDelinquencyDate(),
        s.uniqueDelinquencies(), s.delinquentDays(), s.payoff(), s.perdiem(), s.interestAccruedToday(),
        s.periodStart(), s.periodEnd(), s.periodsRemaining(), s.finalPaymentDate(), s.finalPaymentAmount(),
        s.loanAge()};
    for (int i = 0; i < FIELDS.size(); i++) {
      Object v = values[i];
      m.put(FIELDS.get(i).name(), switch (FIELDS.get(i).kind()) {
        case MONEY -> ODataFormat.money((java.math.BigDecimal) v);
        case DATE -> ODataFormat.date((LocalDate) v);
        case INT -> v;
      });
    }
    return m;
  }

  private static final String TYPE = "Entity.StatusArchive";

  private static String uri(String base, long loanId, LocalDate date) {
    return base + "LoanStatusArchive(loanId=" + loanId + ",date=datetime'" + date + "')";
  }

  /**
   * The select list of {@link #rows}: dates as day numbers since 1970-01-01 (the driver reads an integer far
   * more cheaply than a date), money as text: PostgreSQL writes a NUMERIC(14,2) as {@code BigDecimal.toPlainString}
   * does, where the driver would receive it in binary and build a BigDecimal to print it. The day numbers are named
   * apart from the columns, so the query's ORDER BY still means the indexed columns.
   */
  static final String SELECT = "loan_id, date - DATE '1970-01-01' AS day_of_date, " + String.join(", ",
      FIELDS.stream().map(f -> switch (f.kind()) {
        case DATE -> f.column() + " - DATE '1970-01-01' AS day_of_" + f.column();
        case MONEY -> f.column() + "::text AS " + f.column();
        case INT -> f.column();
      }).toList());

  /** Reads the rows of {@link #SELECT} as streamed rows; the columns are found on the first row (one mapper a query). */
  static RowMapper<Row> rows(String base) {
    return new RowMapper<>() {
      private int loanIdColumn;
      private int dateColumn;
      private int[] columns;

      @Override
      public Row mapRow(ResultSet rs, int rowNum) throws SQLException {
        if (columns == null) {
          loanIdColumn = rs.findColumn("loan_id");
          dateColumn = rs.findColumn("day_of_date");
          columns = new int[FIELDS.size()];
          for (int i = 0; i < columns.length; i++) {
            Field f = FIELDS.get(i);
            columns[i] = rs.findColumn(f.kind() == Kind.DATE ? "day_of_" + f.column() : f.column());
          }
        }
        long loanId = rs.getLong(loanIdColumn);
        long day = rs.getInt(dateColumn);
        String[] text = new String[FIELDS.size()];
        long[] numbers = new long[FIELDS.size()];
        for (int i = 0; i < columns.length; i++) {
          switch (FIELDS.get(i).kind()) {
            case MONEY -> text[i] = rs.getString(columns[i]);
            case DATE -> {
              int d = rs.getInt(columns[i]);
              text[i] = rs.wasNull() ? null : ODataFormat.dateOfEpochDay(d);
            }
            case INT -> numbers[i] = rs.getInt(columns[i]);
          }
        }
        return new Row(uri(base, loanId, LocalDate.ofEpochDay(day)), loanId, ODataFormat.dateOfEpochDay(day), text,
            numbers);
      }
    };
  }

  private static final SerializedString METADATA = new SerializedString("__metadata");
  private static final SerializedString URI = new SerializedString("uri");
  private static final SerializedString TYPE_NAME = new SerializedString("type");
  private static final SerializedString TYPE_VALUE = new SerializedString(TYPE);
  private static final SerializedString ID = new SerializedString("id");
  private static final SerializedString LOAN_ID = new SerializedString("loanId");
  private static final SerializedString DATE = new SerializedString("date");

  /** One archive row, written by the generator as {@link #view} would render it. */
  static final class Row implements JacksonSerializable {

    private final String uri;
    private final long loanId;
    private final String date;
    private final String[] text;
    private final long[] numbers;

    private Row(String uri, long loanId, String date, String[] text, long[] numbers) {
      this.uri = uri;
      this.loanId = loanId;
      this.date = date;
      this.text = text;
      this.numbers = numbers;
    }

    @Override
    public void serialize(JsonGenerator g, SerializationContext ctxt) {
      g.writeStartObject(this);
      g.writeName(METADATA);
      g.writeStartObject();
      g.writeName(URI);
      g.writeString(uri);
      g.writeName(TYPE_NAME);
      g.writeString(TYPE_VALUE);
      g.writeEndObject();
      g.writeName(ID);
      g.writeNumber(loanId);
      g.writeName(LOAN_ID);
      g.writeNumber(loanId);
      g.writeName(DATE);
      g.writeString(date);
      for (int i = 0; i < text.length; i++) {
        Field f = FIELDS.get(i);
        g.writeName(f.jsonName());
        if (f.kind() == Kind.INT) {
          g.writeNumber(numbers[i]);
        } else if (text[i] == null) {
          g.writeNull();
        } else {
          g.writeString(text[i]);
        }
      }
      g.writeEndObject();
    }

    @Override
    public void serializeWithType(JsonGenerator g, SerializationContext ctxt, TypeSerializer typeSer) {
      serialize(g, ctxt); // never polymorphic: the API has no type ids
    }
  }
}
