package org.openlms.app.loan;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openlms.app.support.CliRun;
import org.openlms.app.support.LmsTestServer;
import org.openlms.app.support.LmsTestServer.TenantAccess;
import tools.jackson.databind.JsonNode;

/** {@code ./lms import loans}: keyed by displayId, bad rows reported by line while good rows load. */
class LoanImportIT {

  private static final String HEADER = "displayId,title,loanAmount,loanRate,loanTerm,contractDate,firstPaymentDate,"
      + "paymentFrequency,calcType,daysInYear,active\n";
  private final LmsTestServer server = LmsTestServer.shared();

  @Test
  void goodRowsLoadBadRowsAreReportedByLineAndARerunUpdatesWithoutDuplicating(@TempDir Path dir) throws Exception {
    TenantAccess t = server.newTenant();
    Path csv = dir.resolve("loans.csv");
    Files.writeString(csv, HEADER
        + "IMP-1,First,15000,4.7,60,2020-08-17,2020-09-01,loan.frequency.monthly,loan.calcType.simpleInterest,loan.daysInYear.actual,0\n"
        + "IMP-2,Second,5000.00,\"12.5\",24,2025-01-10,2025-02-10,loan.frequency.monthly,loan.calcType.simpleInterest,loan.daysInYear.actual,1\n"
        + "IMP-3,Bad rate,5000,abc,24,2025-01-10,2025-02-10,loan.frequency.monthly,loan.calcType.simpleInterest,loan.daysInYear.actual,0\n"
        + "IMP-4,Bad code,5000,5,24,2025-01-10,2025-02-10,loan.frequency.fortnightly,loan.calcType.simpleInterest,loan.daysInYear.actual,0\n");
    CliRun first = CliRun.lms(server, "import", "loans", "--tenant", String.valueOf(t.id()), csv.toString());
    assertThat(first.code()).as(first.err()).isEqualTo(1);
    JsonNode r = first.json();
    assertThat(r.get("created").asLong()).isEqualTo(2);
    assertThat(r.get("failed").asLong()).isEqualTo(2);
    assertThat(r.get("errors").get(0).get("line").asLong()).isEqualTo(4);
    assertThat(r.get("errors").get(0).get("message").asString()).contains("LoanSetup.loanRate");
    assertThat(r.get("errors").get(1).get("line").asLong()).isEqualTo(5);
    assertThat(r.get("errors").get(1).get("message").asString()).contains("LoanSetup.paymentFrequency");

    Files.writeString(csv, HEADER
        + "IMP-1,First renamed,15000,4.7,36,2020-08-17,2020-09-01,loan.frequency.monthly,loan.calcType.simpleInterest,loan.daysInYear.actual,0\n"
        + "IMP-2,Second,5000.00,12.5,24,2025-01-10,2025-02-10,loan.frequency.monthly,loan.calcType.simpleInterest,loan.daysInYear.actual,1\n");
    CliRun again = CliRun.lms(server, "import", "loans", "--tenant", String.valueOf(t.id()), csv.toString());
    assertThat(again.code()).as(again.err()).isZero();
    assertThat(again.json().get("updated").asLong()).isEqualTo(1);
    assertThat(again.json().get("unchanged").asLong()).isEqualTo(1);

    JsonNode loans = server.http().api("GET", "/api/public/api/1/odata.svc/Loans?$expand=LoanSetup&$orderby=displayId",
        t.id(), t.token(), null).body().get("d");
    assertThat(loans.get("summary").get("total").asLong()).isEqualTo(2);
    JsonNode imp1 = loans.get("results").get(0);
    assertThat(imp1.get("title").asString()).isEqualTo("First renamed");
    assertThat(imp1.get("LoanSetup").get("loanTerm").asString()).isEqualTo("36");
    assertThat(loans.get("results").get(1).get("LoanSetup").get("active").asInt()).isEqualTo(1);

    Files.writeString(csv, HEADER.replace("active", "colour") + "IMP-9,X,1,1,1,2025-01-10,2025-02-10,,,,red\n");
    CliRun unknown = CliRun.lms(server, "import", "loans", "--tenant", String.valueOf(t.id()), csv.toString());
    assertThat(unknown.json().get("errors").get(0).get("message").asString()).isEqualTo("Unknown column 'colour'");
  }
}
