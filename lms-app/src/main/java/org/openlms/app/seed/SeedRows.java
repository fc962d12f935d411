package org.openlms.app.seed;

import java.time.LocalDate;
import java.util.List;
import org.openlms.app.copy.CopyText;
import org.openlms.app.loan.LoanSetupRows;
import org.openlms.app.loan.LoanStateRows;
import org.openlms.app.loan.NewPayment;
import org.openlms.app.loan.ServicingRepository;
import org.openlms.engine.payment.Application;

/**
 * The COPY rows of seeded loan {@code i}: which template it follows and which flags it carries are a pure
 * function of {@code i} and the seed, so every table's row for a loan agrees without keeping anything per loan.
 */
final class SeedRows {

  static final String LOAN_COPY = "COPY loan (id, display_id, title, setup_active, archived, archived_at, "
      + "temporary_account, deleted, deleted_at, last_maintained_date) FROM STDIN";
  static final String SETUP_COPY = "COPY loan_setup (loan_id, " + LoanSetupRows.COLUMNS + ") FROM STDIN";
  static final String SETTINGS_COPY = "COPY loan_settings (loan_id, loan_status_id, loan_sub_status_id, "
      + "source_company, autopay_enabled, is_stoplight_manually_set) FROM STDIN";
  static final String STATE_COPY = "COPY loan_state (" + String.join(", ", LoanStateRows.COLUMNS) + ") FROM STDIN";
  static final String PAYMENT_COPY = "COPY loan_payment (loan_id, date, amount, info, payment_type_id, "
      + "payment_method_id, extra, principal_only, application, applied_fees, applied_interest, applied_principal) "
      + "FROM STDIN";
  static final String CUSTOMER_COPY = "COPY customer (id, customer_id_type, first_name, last_name, birth_date, "
      + "email, primary_phone) FROM STDIN";
  static final String LINK_COPY = "COPY loan_customer (loan_id, customer_id, role) FROM STDIN";
  static final String ARCHIVE_COPY = "COPY loan_status_archive ("
      + String.join(", ", ServicingRepository.ARCHIVE_COLUMNS) + ") FROM STDIN";
  private static final String[] NAMES = {"Avery", "Blake", "Casey", "Devon", "Emery", "Finley", "Gray", "Harper",
      "Jordan", "Kendall", "Logan", "Morgan", "Parker", "Quinn", "Reese", "Sawyer", "Taylor", "Wren"};

  private final long first;
  private final List<LoanTemplate> templates;
  private final String asOf;
  private final String stamp;
  private final long seed;
  private final String[] setupRows;
  private final String[] stateRows;
  private final String[][] paymentRows;
  private final String[][] archiveRows;
  private final int loans;
  private final int archiveDays;

  SeedRows(long first, int loans, List<LoanTemplate> templates, LocalDate asOf, long seed, int archiveDays) {
    this.first = first;
    this.loans = loans;
    this.archiveDays = archiveDays;
    this.archiveRows = templates.stream().map(t -> t.archive().stream()
        .map(a -> tail(ServicingRepository.archiveValues(0, a), 1)).toArray(String[]::new)).toArray(String[][]::new);
    this.templates = templates;
    this.setupRows = templates.stream().map(t -> tail(LoanSetupRows.values(t.setup()).toArray(), 0))
        .toArray(String[]::new);
    this.stateRows = templates.stream().map(t -> tail(LoanStateRows.values(0, t.state()), 1)).toArray(String[]::new);
    this.paymentRows = templates.stream().map(SeedRows::paymentTails).toArray(String[][]::new);
    this.asOf = asOf.toString();
    this.stamp = asOf + " 12:00:00+00";
    this.seed = seed;
  }

  private long mix(int i) {
    long z = (i + seed) * 0x9E3779B97F4A7C15L;
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    return z ^ (z >>> 31);
  }

  private int templateIndex(int i) {
    return (int) Math.floorMod(mix(i), (long) templates.size());
  }

  String loan(int i) {
    long h = Math.floorMod(mix(i) >>> 7, 100L);
    boolean archived = h < 2;
    boolean temporary = h == 2;
    boolean deleted = h == 3;
    long id = first + i;
    StringBuilder sb = new StringBuilder(128);
    CopyRows.field(sb, id);
    CopyRows.field(sb, "LN" + id);
    CopyRows.field(sb, NAMES[(int) (h % NAMES.length)] + " " + NAMES[(int) ((h / 7 + i) % NAMES.length)] + " loan");
    CopyRows.field(sb, "t");
    CopyRows.field(sb, archived ? "t" : "f");
    CopyRows.field(sb, archived ? stamp : null);
    CopyRows.field(sb, temporary ? "t" : "f");
    CopyRows.field(sb, deleted ? "t" : "f");
    CopyRows.field(sb, deleted ? stamp : null);
    CopyRows.field(sb, asOf);
    return sb.append('\n').toString();
  }

  /**
   * The borrower of loan {@code i} (customer {@code firstCustomer + i}): the name its title carries, a birth
   * date between 1950 and 2004, and an email and phone that are unique to it.
   */
  String customer(int i, long firstCustomer) {
    long h = Math.floorMod(mix(i) >>> 7, 100L);
    long r = Math.floorMod(mix(i) >>> 17, 20_000L);
    String firstName = NAMES[(int) (h % NAMES.length)];
    String lastName = NAMES[(int) ((h / 7 + i) % NAMES.length)];
    long id = firstCustomer + i;
    StringBuilder sb = new StringBuilder(128);
    CopyRows.field(sb, id);
    CopyRows.field(sb, "customer.idType.ssn");
    CopyRows.field(sb, firstName);
    CopyRows.field(sb, lastName);
    CopyRows.field(sb, LocalDate.of(1950, 1, 1).plusDays(r));
    CopyRows.field(sb, (firstName + "." + lastName + "." + id + "@example.com").toLowerCase(java.util.Locale.ROOT));
    CopyRows.field(sb, String.format("555-%03d-%04d", (id / 10_000) % 1000, id % 10_000));
    return sb.append('\n').toString();
  }

  /** Loan {@code i}'s link to its borrower, as primary. */
  String link(int i, long firstCustomer) {
    return (first + i) + "\t" + (firstCustomer + i) + "\tloan.customerRole.primary\n";
  }

  String setup(int i) {
    return (first + i) + setupRows[templateIndex(i)];
  }

  String settings(int i) {
    StringBuilder sb = new StringBuilder(48);
    CopyRows.field(sb, first + i);
    for (Object v : new Object[] {null, null, null, "f", "f"}) {
      CopyRows.field(sb, v);
    }
    return sb.append('\n').toString();
  }

  String state(int i) {
    return (first + i) + stateRows[templateIndex(i)];
  }

  String payments(int i) {
    String[] rows = paymentRows[templateIndex(i)];
    String id = Long.toString(first + i);
    StringBuilder sb = new StringBuilder(rows.length * 100);
    for (String r : rows) {
      sb.append(id).append(r);
    }
    return sb.toString();
  }

  /** How many archive rows {@link #archive} numbers: one per loan for each of the last {@code archiveDays} days. */
  long archiveRowCount() {
    return (long) loans * archiveDays;
  }

  /**
   * Archive row {@code j}, numbered day by day (all loans' oldest day first), the order in which nightly
   * maintenance writes them, so a loan's rows lie scattered over the table as in a tenant that has run for
   * a while. Empty for a day before the loan's contract date.
   */
  String archive(int j) {
    int day = j / loans;
    int i = j % loans;
    String[] rows = archiveRows[templateIndex(i)];
    int k = day - (archiveDays - rows.length);
    return k < 0 ? "" : (first + i) + rows[k];
  }

  /** Each template's rows after the loan id ("\t...\n"), formatted once: a loan only adds its id. */
  private static String tail(Object[] values, int from) {
    StringBuilder sb = new StringBuilder(400);
    for (int k = from; k < values.length; k++) {
      CopyText.value(sb.append('\t'), values[k]);
    }
    return sb.append('\n').toString();
  }

  private static String[] paymentTails(LoanTemplate t) {
    String[] out = new String[t.payments().size()];
    for (int k = 0; k < out.length; k++) {
      NewPayment p = t.payments().get(k);
      Application a = k < t.applied().size() ? t.applied().get(k) : null;
      out[k] = tail(new Object[] {null, p.date(), p.amount(), p.info(), p.paymentTypeId(), p.paymentMethodId(),
          p.extra(), "f", null, a == null ? null : a.fees(), a == null ? null : a.interest(),
          a == null ? null : a.principal()}, 1);
    }
    return out;
  }
}
