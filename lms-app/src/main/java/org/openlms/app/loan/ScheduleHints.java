package org.openlms.app.loan;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.openlms.engine.schedule.Installment;
import org.openlms.engine.schedule.Schedule;
import org.openlms.engine.schedule.ScheduleCalculator;
import org.openlms.engine.state.LoanState;
import org.openlms.engine.terms.LoanTerms;

/**
 * {@code loan_schedule_hint}: the part of a loan's schedule a quiet day of maintenance reads (its size, the installment
 * that comes due next, the last one), so that the night builds a {@linkplain Schedule#deferred deferred} schedule
 * instead of computing the whole schedule from the terms. A hint is used only when it was made from the same terms
 * (a 64-bit key of their text) and holds the state's current installment; otherwise the schedule is computed and the
 * hint rewritten. Installments travel as text, amounts with their scale, so they read back equal.
 */
final class ScheduleHints {

  static final String SELECT = "SELECT loan_id, terms_key, size, installments FROM loan_schedule_hint "
      + "WHERE loan_id = ANY(?)";
  static final List<String> COLUMNS = List.of("loan_id", "terms_key", "size", "installments");

  private ScheduleHints() {}

  /** A stored hint: the terms it came from and what it knows. */
  record Hint(long termsKey, int size, List<Installment> installments) {

    /** Whether it holds installment {@code index} (zero-based). */
    boolean holds(int index) {
      for (Installment i : installments) { // a loop: called twice per loan per night
        if (i.number() == index + 1) {
          return true;
        }
      }
      return false;
    }
  }

  static Hint map(ResultSet rs) throws SQLException {
    return parse(rs.getLong("terms_key"), rs.getInt("size"), rs.getString("installments"));
  }

  /** A hint from its row's values ({@link #rowIfChanged} in reverse). */
  static Hint parse(long termsKey, int size, String installments) {
    List<Installment> known = new ArrayList<>(2);
    for (String i : installments.split(";")) {
      known.add(installment(i));
    }
    return new Hint(termsKey, size, known);
  }

  /**
   * The schedule for a loan's terms: deferred on the hint when it fits the terms and the stored state's current
   * installment ({@code nextIndex}, or null without a stored state), computed in full otherwise. {@code termsKey} is
   * {@link #key}{@code (terms)}.
   */
  static Schedule schedule(LoanTerms terms, long termsKey, Hint hint, Integer nextIndex) {
    if (hint != null && nextIndex != null && hint.termsKey() == termsKey
        && hint.holds(Math.min(nextIndex, hint.size() - 1))) {
      return Schedule.deferred(terms, hint.size(), hint.installments());
    }
    return ScheduleCalculator.forServicing(terms);
  }

  /**
   * The hint row for the state's schedule ({@code key} being its terms' {@link #key}), or null when the stored hint
   * already holds what it needs.
   */
  static Object[] rowIfChanged(long loanId, LoanState s, long key, Hint stored) {
    Schedule schedule = s.schedule();
    int current = Math.min(s.nextIndex(), schedule.size() - 1);
    if (stored != null && stored.termsKey() == key && stored.size() == schedule.size() && stored.holds(current)
        && stored.holds(schedule.size() - 1)) {
      return null;
    }
    StringBuilder text = new StringBuilder(160);
    text(text, schedule.get(current));
    if (current != schedule.size() - 1) {
      text(text.append(';'), schedule.last());
    }
    return new Object[] {loanId, key, schedule.size(), text.toString()};
  }

  private static final List<java.lang.invoke.MethodHandle> TERMS = java.util.Arrays
      .stream(LoanTerms.class.getRecordComponents()).map(c -> {
        try {
          return java.lang.invoke.MethodHandles.publicLookup().unreflect(c.getAccessor());
        } catch (IllegalAccessException e) {
          throw new IllegalStateException(e);
        }
      }).toList();

  /**
   * A 64-bit key of the terms, the same in every process: every component of {@link LoanTerms} (so a component added
   * later counts too), each by a hash that does not depend on the process (enums by name; numbers, dates and strings
   * by value). A key that no longer matches only costs a full computation.
   */
  static long key(LoanTerms terms) {
    long h = 0xcbf29ce484222325L;
    for (java.lang.invoke.MethodHandle accessor : TERMS) {
      Object v;
      try {
        v = accessor.invoke(terms);
      } catch (Throwable e) {
        throw new IllegalStateException(e);
      }
      if (v instanceof List<?> l && l.isEmpty()) {
        continue; // no due date changes: the key the loan had before they existed, so its hint stays good
      }
      int x = v == null ? 0 : v instanceof Enum<?> e ? e.name().hashCode() : v.hashCode();
      h = (h ^ x) * 0x100000001b3L;
    }
    return h;
  }

  private static void text(StringBuilder sb, Installment i) {
    sb.append(i.number()).append(',').append(i.periodStart()).append(',').append(i.dueDate()).append(',')
        .append(i.days()).append(',').append(i.regular()).append(',').append(i.dailyRate().toPlainString()).append(',')
        .append(i.payment().toPlainString()).append(',').append(i.interest().toPlainString()).append(',')
        .append(i.principal().toPlainString()).append(',').append(i.balance().toPlainString());
  }

  private static Installment installment(String text) {
    String[] f = text.split(",");
    return new Installment(Integer.parseInt(f[0]), LoanStateRows.isoDate(f[1]), LoanStateRows.isoDate(f[2]),
        Integer.parseInt(f[3]), Boolean.parseBoolean(f[4]), new BigDecimal(f[5]), new BigDecimal(f[6]),
        new BigDecimal(f[7]), new BigDecimal(f[8]), new BigDecimal(f[9]));
  }
}
