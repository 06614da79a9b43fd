package dev.sluice.cli.output;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class TextTableTest {

    @Test
    void cellsAreOneLineAndCutWithAnEllipsis() {
        assertThat(TextTable.cell(null, 40)).isEqualTo("NULL");
        assertThat(TextTable.cell("a\nb\tc", 40)).isEqualTo("a b c");
        assertThat(TextTable.cell("abcdef", 4)).isEqualTo("abc…");
        assertThat(TextTable.cell(new byte[] {1, (byte) 0xab}, 40)).isEqualTo("\\x01ab");
        assertThat(TextTable.cell("😀😀😀😀", 3)).isEqualTo("😀😀…");
    }

    @Test
    void rightAlignsNumbersAndLeftAlignsText() {
        StringWriter text = new StringWriter();
        new TextTable(List.of("name", "n"), List.of(Arrays.asList("a", 1), Arrays.asList("bbb", null)), 40)
                .print(new PrintWriter(text, true));
        assertThat(text.toString())
                .isEqualTo("" + " name | n\n" + "------+------\n" + " a    |    1\n" + " bbb  | NULL\n");
    }
}
