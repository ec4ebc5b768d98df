package io.terrafusion.sync.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.terrafusion.sync.api.JobState;
import io.terrafusion.sync.api.SyncReport;
import io.terrafusion.sync.testkit.CountyProject;
import io.terrafusion.sync.testkit.EmbeddedDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddingExampleTest {

  @Test
  void readmeExampleSyncsWithARenamedColumnAndWritesTheAuditFile(@TempDir Path dir) throws Exception {
    try (EmbeddedDatabase source = EmbeddedDatabase.h2(); EmbeddedDatabase target = EmbeddedDatabase.h2()) {
      CountyProject.createSchema(source);
      target.execute(CountyProject.ddl().stream()
          .map(sql -> sql.replace("email VARCHAR", "contact_email VARCHAR"))
          .toArray(String[]::new));
      CountyProject.generate(source.store(), 50, 1);

      Path audit = dir.resolve("audit.jsonl");
      SyncReport report = EmbeddingExample.syncCounty(source.dataSource(), target.dataSource(), audit);

      assertThat(report.state()).isEqualTo(JobState.SUCCEEDED);
      assertThat(target.count("owners")).isEqualTo(source.count("owners"));
      assertThat(target.queryLong("SELECT count(*) FROM owners WHERE contact_email IS NOT NULL"))
          .isEqualTo(source.queryLong("SELECT count(*) FROM owners WHERE email IS NOT NULL"));
      assertThat(Files.readAllLines(audit)).hasSizeGreaterThan((int) report.inserted());
    }
  }

  @Test
  void readmeQuotesTheExampleAsItIs() throws Exception {
    Path root = Path.of("").toAbsolutePath();
    Path readme = root.resolveSibling("README.md");
    Path example = root.resolve("src/main/java/io/terrafusion/sync/examples/EmbeddingExample.java");
    String source = Files.readString(example);
    String snippet = source.substring(source.indexOf("// README-SNIPPET-START") + "// README-SNIPPET-START".length(),
        source.indexOf("  // README-SNIPPET-END")).strip();

    assertThat(Files.readString(readme)).contains(snippet.replace("\n  ", "\n"));
  }
}
