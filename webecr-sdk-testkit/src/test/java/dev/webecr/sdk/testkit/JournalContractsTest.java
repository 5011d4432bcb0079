package dev.webecr.sdk.testkit;

import dev.webecr.sdk.Journals;
import dev.webecr.sdk.spi.IntentJournal;
import dev.webecr.sdk.testkit.junit.IntentJournalContractTest;
import java.nio.file.Path;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.io.TempDir;

/** The journal contract on the SDK's embedded journals. */
class JournalContractsTest {
  @Nested
  class InMemory extends IntentJournalContractTest {
    @Override
    protected IntentJournal createJournal() {
      return Journals.inMemory();
    }
  }

  @Nested
  class File extends IntentJournalContractTest {
    @TempDir Path dir;

    @Override
    protected IntentJournal createJournal() {
      return Journals.file(dir.resolve("webecr.journal"));
    }

    @Override
    protected IntentJournal reopen(IntentJournal open) {
      open.close();
      return Journals.file(dir.resolve("webecr.journal"));
    }
  }
}
