package org.openlms.app.automation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.openlms.engine.rules.Fact;
import org.openlms.engine.rules.LoanFacts;

/**
 * What a rule does when its condition holds. Applying an action to a loan's facts gives the facts the next
 * rule sees and, when something really changed, the {@link Change} to store; an action that changes nothing
 * (the status is already that status) records nothing.
 */
public sealed interface RuleAction {

  /** The action's effect on these facts, or null when it would change nothing. */
  Change apply(LoanFacts facts);

  /** The action as the API shows it. */
  Map<String, Object> json();

  /** Stores the change on the loan (called only when {@link #apply} changed something). */
  void store(long loanId, java.time.LocalDate date, String source, Sink sink);

  /** Where stored changes go: the chunk's batched writes in daily maintenance, or the request's transaction. */
  @FunctionalInterface
  interface Sink {
    void write(long loanId, String sql, Object... params);

    /**
     * A row that may be written with the chunk's other rows of that table in one statement (daily maintenance), or
     * by {@code sql} with the same values (one statement). Its order among the loan's other writes must not matter.
     */
    default void row(long loanId, org.openlms.app.maintenance.step.BulkTable table, String sql, Object... values) {
      write(loanId, sql, values);
    }
  }

  /** The flag history: rows only added, never conflicting, written with the chunk's in one COPY in maintenance. */
  org.openlms.app.maintenance.step.BulkTable FLAG_ARCHIVE = new org.openlms.app.maintenance.step.BulkTable(
      "loan_flag_archive", List.of("loan_id", "flag_id", "date", "action", "source"), null)
      .directWhen((db, rows) -> true);

  /** A loan status and sub-status (LoanSettings.loanStatusId/loanSubStatusId). */
  record SetStatus(long loanStatusId, long loanSubStatusId) implements RuleAction {
    @Override
    public Change apply(LoanFacts f) {
      if (f.intValue(Fact.SETTINGS_LOAN_STATUS_ID) == loanStatusId
          && f.intValue(Fact.SETTINGS_LOAN_SUB_STATUS_ID) == loanSubStatusId) {
        return null;
      }
      return new Change(json(), f.with(Fact.SETTINGS_LOAN_STATUS_ID, loanStatusId)
          .with(Fact.SETTINGS_LOAN_SUB_STATUS_ID, loanSubStatusId));
    }

    @Override
    public Map<String, Object> json() {
      return ordered("type", "setStatus", "loanStatusId", loanStatusId, "loanSubStatusId", loanSubStatusId);
    }

    @Override
    public void store(long loanId, java.time.LocalDate date, String source, Sink sink) {
      // LoanSettings are written once, as the last rule left them (AutomationWriter)
    }
  }

  /** Adds or removes one membership: a portfolio, a sub-portfolio or a warning flag. */
  record Membership(Kind kind, boolean add, long id) implements RuleAction {
    /** The list fact each kind lives in and its names in the API. */
    public enum Kind {
      PORTFOLIO(Fact.SETTINGS_PORTFOLIOS, "Portfolio", "portfolioId"),
      SUB_PORTFOLIO(Fact.SETTINGS_SUB_PORTFOLIOS, "SubPortfolio", "subPortfolioId"),
      FLAG(Fact.SETTINGS_FLAGS, "Flag", "flagId");

      final Fact fact;
      final String noun;
      final String idField;

      Kind(Fact fact, String noun, String idField) {
        this.fact = fact;
        this.noun = noun;
        this.idField = idField;
      }
    }

    @Override
    public Change apply(LoanFacts f) {
      List<Long> ids = new ArrayList<>(f.ids(kind.fact));
      if (ids.contains(id) == add) {
        return null;
      }
      if (add) {
        ids.add(id);
      } else {
        ids.remove(id);
      }
      return new Change(json(), f.withIds(kind.fact, ids));
    }

    @Override
    public Map<String, Object> json() {
      return ordered("type", (add ? "add" : "remove") + kind.noun, kind.idField, id);
    }

    @Override
    public void store(long loanId, java.time.LocalDate date, String source, Sink sink) {
      switch (kind) {
        // As PortfolioMembership does for the API: a sub-portfolio brings its parent, a portfolio takes its
        // sub-portfolios with it.
        case PORTFOLIO -> {
          if (!add) {
            sink.write(loanId, "DELETE FROM loan_sub_portfolio WHERE loan_id = ? AND sub_portfolio_id IN "
                + "(SELECT id FROM sub_portfolio WHERE portfolio_id = ?)", loanId, id);
          }
          sink.write(loanId, add
              ? "INSERT INTO loan_portfolio (loan_id, portfolio_id) VALUES (?, ?) ON CONFLICT DO NOTHING"
              : "DELETE FROM loan_portfolio WHERE loan_id = ? AND portfolio_id = ?", loanId, id);
        }
        case SUB_PORTFOLIO -> {
          if (add) {
            sink.write(loanId, "INSERT INTO loan_portfolio (loan_id, portfolio_id) SELECT ?, portfolio_id "
                + "FROM sub_portfolio WHERE id = ? ON CONFLICT DO NOTHING", loanId, id);
          }
          sink.write(loanId, add
              ? "INSERT INTO loan_sub_portfolio (loan_id, sub_portfolio_id) VALUES (?, ?) ON CONFLICT DO NOTHING"
              : "DELETE FROM loan_sub_portfolio WHERE loan_id = ? AND sub_portfolio_id = ?", loanId, id);
        }
        case FLAG -> {
          if (add) {
            sink.write(loanId, "INSERT INTO loan_flag (loan_id, flag_id, set_on) VALUES (?, ?, ?) ON CONFLICT DO NOTHING",
                loanId, id, date);
          } else {
            sink.write(loanId, "DELETE FROM loan_flag WHERE loan_id = ? AND flag_id = ?", loanId, id);
          }
          sink.row(loanId, FLAG_ARCHIVE,
              "INSERT INTO loan_flag_archive (loan_id, flag_id, date, action, source) VALUES (?, ?, ?, ?, ?)",
              loanId, id, date, add ? "set" : "cleared", source);
        }
      }
    }
  }

  /** Turns autopay on or off (LoanSettings.autopayEnabled). */
  record SetAutopay(boolean enabled) implements RuleAction {
    @Override
    public Change apply(LoanFacts f) {
      return f.boolValue(Fact.SETTINGS_AUTOPAY_ENABLED) == enabled ? null
          : new Change(json(), f.with(Fact.SETTINGS_AUTOPAY_ENABLED, enabled));
    }

    @Override
    public Map<String, Object> json() {
      return ordered("type", enabled ? "enableAutopay" : "disableAutopay");
    }

    @Override
    public void store(long loanId, java.time.LocalDate date, String source, Sink sink) {
      // LoanSettings are written once, as the last rule left them (AutomationWriter)
    }
  }

  /**
   * Puts a charge on the loan, dated the business date (also how a recurring charge is applied). The charge is
   * stored when applied, by the loan's charger, so that the next rule sees what the loan owes after it.
   */
  record AddCharge(java.math.BigDecimal amount, int chargeTypeId, String info) implements RuleAction {
    @Override
    public Change apply(LoanFacts f) {
      return new Change(json(), f);
    }

    @Override
    public Map<String, Object> json() {
      return ordered("type", "addCharge", "amount", amount.toPlainString(), "chargeTypeId", chargeTypeId, "info", info);
    }

    @Override
    public void store(long loanId, java.time.LocalDate date, String source, Sink sink) {
      // already stored by the charger when applied
    }
  }

  /**
   * Stops or resumes interest, or resets past due, from the business date on (an engine
   * {@link org.openlms.engine.state.Adjustment}); stored when applied, by the loan's charger, as charges are.
   */
  record Adjust(org.openlms.engine.state.Adjustment.Kind kind) implements RuleAction {
    @Override
    public Change apply(LoanFacts f) {
      return switch (kind) {
        case STOP_INTEREST, RESUME_INTEREST -> {
          boolean stop = kind == org.openlms.engine.state.Adjustment.Kind.STOP_INTEREST;
          yield f.boolValue(Fact.SETTINGS_INTEREST_STOPPED) == stop ? null
              : new Change(json(), f.with(Fact.SETTINGS_INTEREST_STOPPED, stop));
        }
        case RESET_PAST_DUE -> f.intValue(Fact.STATUS_DAYS_PAST_DUE) == 0 ? null : new Change(json(), f);
      };
    }

    @Override
    public Map<String, Object> json() {
      return ordered("type", switch (kind) {
        case STOP_INTEREST -> "stopInterest";
        case RESUME_INTEREST -> "resumeInterest";
        case RESET_PAST_DUE -> "resetPastDue";
      });
    }

    @Override
    public void store(long loanId, java.time.LocalDate date, String source, Sink sink) {
      // already stored by the charger when applied
    }
  }

  /**
   * Charges the loan off: its status and sub-status become the tenant's charged-off ones and interest stops
   * (what is owed stays owed and payments still apply).
   */
  record ChargeOff(long loanStatusId, long loanSubStatusId) implements RuleAction {
    @Override
    public Change apply(LoanFacts f) {
      if (f.boolValue(Fact.SETTINGS_INTEREST_STOPPED) && f.intValue(Fact.SETTINGS_LOAN_STATUS_ID) == loanStatusId
          && f.intValue(Fact.SETTINGS_LOAN_SUB_STATUS_ID) == loanSubStatusId) {
        return null;
      }
      return new Change(json(), f.with(Fact.SETTINGS_LOAN_STATUS_ID, loanStatusId)
          .with(Fact.SETTINGS_LOAN_SUB_STATUS_ID, loanSubStatusId).with(Fact.SETTINGS_INTEREST_STOPPED, true));
    }

    @Override
    public Map<String, Object> json() {
      return ordered("type", "chargeOff", "loanStatusId", loanStatusId, "loanSubStatusId", loanSubStatusId);
    }

    @Override
    public void store(long loanId, java.time.LocalDate date, String source, Sink sink) {
      // the status: in LoanSettings, written once by AutomationWriter; interest: by the charger
    }
  }

  /**
   * Sets a loan custom field (LoanPro's loan settings rules applied change custom fields too); a null value
   * clears it. {@code name} and the value's stored form come from the tenant's field when the configuration
   * is loaded ({@link #resolved}); the next rule sees the new value as {@code custom["name"]}.
   */
  record SetCustomField(long customFieldId, String name, String value) implements RuleAction {
    @Override
    public Change apply(LoanFacts f) {
      @SuppressWarnings("unchecked")
      Map<String, String> current = (Map<String, String>) f.get(Fact.CUSTOM);
      String now = value == null ? "" : value;
      if (name == null || now.equals(current.getOrDefault(name, ""))) {
        return null;
      }
      Map<String, String> next = new java.util.HashMap<>(current);
      next.put(name, now);
      return new Change(json(), f.withMap(Fact.CUSTOM, next));
    }

    /** With the field's name and the value in its type's stored form. */
    SetCustomField resolved(String fieldName, String storedValue) {
      return new SetCustomField(customFieldId, fieldName, storedValue);
    }

    @Override
    public Map<String, Object> json() {
      return ordered("type", "setCustomField", "customFieldId", customFieldId, "value", value);
    }

    @Override
    public void store(long loanId, java.time.LocalDate date, String source, Sink sink) {
      if (value == null) {
        sink.write(loanId, org.openlms.app.customfield.CustomFieldValues.CLEAR, loanId, customFieldId);
      } else {
        sink.write(loanId, org.openlms.app.customfield.CustomFieldValues.UPSERT, loanId, customFieldId, value);
      }
    }
  }

  /** The stoplight chosen by the stoplight rules (not a rule action: stoplights have their own rules). */
  record SetStoplight(String color) implements RuleAction {
    @Override
    public Change apply(LoanFacts f) {
      return color.equals(f.stringValue(Fact.SETTINGS_STOPLIGHT)) ? null
          : new Change(json(), f.with(Fact.SETTINGS_STOPLIGHT, color));
    }

    @Override
    public Map<String, Object> json() {
      return ordered("type", "setStoplight", "stoplight", color);
    }

    @Override
    public void store(long loanId, java.time.LocalDate date, String source, Sink sink) {
      // LoanSettings are written once, as the last rule left them (AutomationWriter)
    }
  }

  /** One change made to a loan: what it was (as the API shows it) and the loan's facts after it. */
  record Change(Map<String, Object> what, LoanFacts after) {}

  static Map<String, Object> ordered(Object... kv) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      m.put((String) kv[i], kv[i + 1]);
    }
    return m;
  }
}
