package dev.sluice.protocol.drive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.sdk.SyncException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SelectionFileTest {

    @TempDir
    Path dir;

    @Test
    void excludesTheNamedTablesAndColumns() throws Exception {
        Path file = Files.writeString(
                dir.resolve("selection.json"),
                "{\"exclude_tables\": [\"audit\"], \"exclude_columns\": {\"customers\": [\"email\"]}}");
        SelectionFile selection = SelectionFile.read(file);

        assertThat(selection.includesTable("audit")).isFalse();
        assertThat(selection.includesTable("customers")).isTrue();
        assertThat(selection.includesColumn("customers", "email")).isFalse();
        assertThat(selection.includesColumn("customers", "name")).isTrue();
        assertThat(SelectionFile.everything().includesTable("audit")).isTrue();
    }

    @Test
    void badFilesAreNamedWithWhatIsWrong() throws Exception {
        assertThatThrownBy(() -> SelectionFile.read(dir.resolve("missing.json")))
                .isInstanceOf(SyncException.class)
                .hasMessageContaining("missing.json not found");
        Path notJson = Files.writeString(dir.resolve("a.json"), "{exclude");
        assertThatThrownBy(() -> SelectionFile.read(notJson)).hasMessageContaining("a.json is not valid JSON");
        Path typo = Files.writeString(dir.resolve("b.json"), "{\"exclude_table\": [\"x\"]}");
        assertThatThrownBy(() -> SelectionFile.read(typo)).hasMessageContaining("unknown key 'exclude_table'");
        Path wrongShape = Files.writeString(dir.resolve("c.json"), "{\"exclude_columns\": {\"t\": \"c\"}}");
        assertThatThrownBy(() -> SelectionFile.read(wrongShape))
                .hasMessageContaining("exclude_columns.t must be a list");
    }

    @Test
    void anAddressThatIsNotHostAndPortIsNamed() {
        assertThatThrownBy(() -> RemoteConnector.connect("localhost", SelectionFile.everything()))
                .hasMessageContaining("'localhost' is not a server address: give HOST:PORT");
        assertThatThrownBy(() -> RemoteConnector.connect("localhost:http", SelectionFile.everything()))
                .hasMessageContaining("give HOST:PORT");
    }
}
