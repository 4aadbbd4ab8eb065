package dev.darkfactory.pipeline.backend.cost;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.darkfactory.pipeline.problem.RunStorageException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SpendLedgerTest {
  @TempDir Path temp;

  static Spend call(long in, long out, String cost) {
    return new Spend(in, out, 0, new BigDecimal(cost), 0, 1);
  }

  @Test
  void sumsPerNodeAndInTotalAndTellsListeners() {
    SpendLedger ledger = SpendLedger.inMemory();
    List<SpendLedger.Recorded> heard = new ArrayList<>();
    ledger.subscribe(heard::add);
    ledger.record("plan", call(100, 10, "0.001"));
    ledger.record("build", call(200, 20, "0.002"));
    ledger.record("plan", call(100, 10, "0.001"));
    assertThat(ledger.node("plan").totalTokens()).isEqualTo(220);
    assertThat(ledger.total().costUsd()).isEqualByComparingTo("0.004");
    assertThat(ledger.total().llmCalls()).isEqualTo(3);
    assertThat(ledger.byNode()).containsOnlyKeys("plan", "build");
    assertThat(heard).hasSize(3);
    assertThat(heard.getLast().total().totalTokens()).isEqualTo(440);
  }

  @Test
  void aLedgerInAFileContinuesWhereItWasLeft() {
    Path file = temp.resolve("usage.json");
    SpendLedger first = SpendLedger.at(file);
    first.record("plan", call(1000, 100, "0.0045"));
    SpendLedger resumed = SpendLedger.at(file);
    assertThat(resumed.total()).isEqualTo(first.total());
    resumed.record("build", call(1000, 100, "0.0045"));
    assertThat(SpendLedger.at(file).total().costUsd()).isEqualByComparingTo("0.009");
    assertThat(SpendLedger.at(file).node("plan").llmCalls()).isEqualTo(1);
  }

  @Test
  void aDamagedFileIsReportedWithWhatToDo() throws Exception {
    Path file = temp.resolve("usage.json");
    Files.writeString(file, "{not json");
    assertThatThrownBy(() -> SpendLedger.at(file)).isInstanceOf(RunStorageException.class)
        .hasMessageContaining("cannot read the spend ledger").hasMessageContaining("delete it");
  }

  @Test
  void spendDescribesItselfAndMarksUnpricedCalls() {
    Spend priced = call(1000, 234, "0.0123");
    assertThat(priced.describe()).isEqualTo("1,234 tokens (1,000 in, 234 out), $0.0123");
    assertThat(priced.brief()).isEqualTo("1.2k tok, $0.0123");
    Spend unpriced = new Spend(10, 5, 0, BigDecimal.ZERO, 1, 1);
    assertThat(unpriced.cost()).isEqualTo("$?");
    assertThat(priced.plus(unpriced).cost()).isEqualTo("$0.0123+");
    assertThat(priced.plus(unpriced).minus(unpriced)).isEqualTo(priced);
  }
}
