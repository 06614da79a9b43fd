package dev.sluice.toolkit.paging;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class LinkHeaderTest {

    @Test
    void parsesSeveralLinksWithQuotedAndTokenParameters() {
        List<LinkHeader.Link> links =
                LinkHeader.parse("<https://api.example.com/items?page=3&per_page=2>; rel=\"next\", "
                        + "<https://api.example.com/items?page=9>; rel=last; title=\"Last, final; page\", "
                        + "</items?page=1> ;rel=\"first prev\"");

        assertThat(links).hasSize(3);
        assertThat(links.get(0).target()).isEqualTo("https://api.example.com/items?page=3&per_page=2");
        assertThat(links.get(0).relations()).containsExactly("next");
        assertThat(links.get(1).relations()).containsExactly("last");
        assertThat(links.get(1).parameters()).containsEntry("title", "Last, final; page");
        assertThat(links.get(2).target()).isEqualTo("/items?page=1");
        assertThat(links.get(2).relations()).containsExactlyInAnyOrder("first", "prev");
    }

    @Test
    void handlesEscapesCaseAndFirstOccurrenceOfRel() {
        List<LinkHeader.Link> links = LinkHeader.parse("<a>; REL=\"Next\"; rel=last; title=\"say \\\"hi\\\"\"");

        assertThat(links).hasSize(1);
        assertThat(links.get(0).relations()).containsExactly("next");
        assertThat(links.get(0).parameters()).containsEntry("title", "say \"hi\"");
    }

    @Test
    void skipsGarbageAndKeepsGoodLinks() {
        assertThat(LinkHeader.parse("garbage, <b>; rel=next"))
                .extracting(LinkHeader.Link::target)
                .containsExactly("b");
        assertThat(LinkHeader.parse("")).isEmpty();
        assertThat(LinkHeader.parse("<unterminated")).isEmpty();
    }
}
