package org.openlms.app.automation;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.openlms.app.loan.NewCharge;
import org.openlms.engine.rules.Fact;
import org.openlms.engine.rules.LoanFacts;
import org.openlms.engine.state.Adjustment;
import org.openlms.engine.state.StatusSnapshot;

/**
 * One loan going through the automation engine: its facts as the next rule will see them, and everything the
 * engine did or failed to do so far. Used by one thread.
 */
public final class AutomatedLoan {

  private final long id;
  private final LocalDate today;
  private final Instant created;
  private final boolean manualStoplight;
  private final LoanFacts read;
  private LoanFacts facts;
  private final List<Applied> applied = new ArrayList<>();
  private final List<Failure> failures = new ArrayList<>();

  private Charger charger = Charger.NONE;

  public AutomatedLoan(long id, LocalDate today, Instant created, boolean manualStoplight, LoanFacts facts) {
    this.id = id;
    this.today = today;
    this.created = created;
    this.manualStoplight = manualStoplight;
    this.read = facts;
    this.facts = facts;
  }

  public long id() {
    return id;
  }

  Instant created() {
    return created;
  }

  boolean manualStoplight() {
    return manualStoplight;
  }

  public LoanFacts facts() {
    return facts;
  }

  /** The facts as read, before any rule changed them. */
  LoanFacts readFacts() {
    return read;
  }

  /** Where charges the engine puts on this loan go: daily maintenance, the request's transaction, or a dry run. */
  public void charger(Charger c) {
    this.charger = c;
  }

  void apply(String source, long sourceId, String name, RuleAction action) {
    RuleAction.Change c = action.apply(facts);
    if (c == null) {
      return;
    }
    boolean interestWasStopped = facts.boolValue(Fact.SETTINGS_INTEREST_STOPPED);
    facts = c.after();
    // Charges and adjustments change what the loan owes: the next rule sees the day computed again with them.
    if (action instanceof RuleAction.AddCharge add) {
      NewCharge charge = new NewCharge(today, add.amount(), add.info(), add.chargeTypeId(), "loan.latefeeapp.standard");
      facts = LoanFactsReader.withStatus(facts, charger.charge(charge, source, sourceId));
    } else if (action instanceof RuleAction.Adjust a) {
      facts = LoanFactsReader.withStatus(facts, charger.adjust(today, a.kind(), source, sourceId));
    } else if (action instanceof RuleAction.ChargeOff && !interestWasStopped) {
      facts = LoanFactsReader.withStatus(facts, charger.adjust(today, Adjustment.Kind.STOP_INTEREST, source, sourceId));
    }
    Applied last = applied.isEmpty() ? null : applied.get(applied.size() - 1);
    if (last != null && last.source.equals(source) && last.sourceId == sourceId) {
      last.actions.add(action);
    } else {
      Applied a = new Applied(source, sourceId, name, new ArrayList<>());
      a.actions.add(action);
      applied.add(a);
    }
  }

  void fail(String source, long sourceId, String name, String message) {
    failures.add(new Failure(source, sourceId, name, message));
  }

  /**
   * Puts a charge or an adjustment on the loan and answers the loan's status on its date after it: in daily
   * maintenance (the day computed again), in the request's transaction (stored and replayed), or in a dry run
   * (computed only).
   */
  public interface Charger {
    Charger NONE = new Charger() {
      @Override
      public StatusSnapshot charge(NewCharge charge, String source, long sourceId) {
        throw new IllegalStateException("no charge can be put on the loan here");
      }

      @Override
      public StatusSnapshot adjust(LocalDate date, Adjustment.Kind kind, String source, long sourceId) {
        throw new IllegalStateException("no adjustment can be put on the loan here");
      }
    };

    StatusSnapshot charge(NewCharge charge, String source, long sourceId);

    StatusSnapshot adjust(LocalDate date, Adjustment.Kind kind, String source, long sourceId);
  }

  /** What rules, flags and recurring charges changed, in the order they ran. */
  public List<Applied> applied() {
    return applied;
  }

  public List<Failure> failures() {
    return failures;
  }

  /** One rule (or flag or charge) that changed the loan, with the actions that really changed something. */
  public record Applied(String source, long sourceId, String name, List<RuleAction> actions) {
    public List<Map<String, Object>> changes() {
      return actions.stream().map(RuleAction::json).toList();
    }
  }

  /** A rule that could not be evaluated on this loan. */
  public record Failure(String source, long sourceId, String name, String message) {}
}
