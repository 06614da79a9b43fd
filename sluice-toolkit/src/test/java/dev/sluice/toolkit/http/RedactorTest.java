package dev.sluice.toolkit.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RedactorTest {

    @Test
    void masksKnownSecretsAlsoUrlEncoded() {
        Redactor redactor = new Redactor(() -> List.of("p@ss word/1"), Set.of());

        assertThat(redactor.redact("login with p@ss word/1 or p%40ss+word%2F1 or ?k=p%40ss%20word%2F1"))
                .isEqualTo("login with *** or *** or ?k=***");
    }

    @Test
    void masksQueryParametersThatLookSecretOrAreDeclared() {
        Redactor redactor = new Redactor(List::of, Set.of("sig_v2", "x"));

        assertThat(redactor.redact(
                        "https://h/p?api_key=abc&limit=10&access_token=t1&x=1&client_secret=s&apikey=q&sig_v2=z"))
                .isEqualTo(
                        "https://h/p?api_key=***&limit=10&access_token=***&x=***&client_secret=***&apikey=***&sig_v2=***");
    }

    @Test
    void keepsPagingTokensAndOrdinaryParameters() {
        assertThat(Redactor.parametersOnly()
                        .redact("https://h/p?page_token=abc&next_cursor=n&country_code=FR&author=me"))
                .isEqualTo("https://h/p?page_token=abc&next_cursor=n&country_code=FR&author=me");
    }

    @Test
    void excerptsBodiesOnOneLineCutAndRedacted() {
        Redactor redactor = new Redactor(() -> List.of("tok-123"), Set.of());

        assertThat(redactor.excerpt("{\n  \"token\": \"tok-123\",\n  \"x\": \"" + "a".repeat(50) + "\"}", 30))
                .isEqualTo("{ \"token\": \"***\", \"x\": \"aaaaaa...");
        assertThat(redactor.excerpt("", 10)).isEqualTo("(empty body)");
    }

    @Test
    void masksJsonFieldsWhoseNamesLookSecret() {
        assertThat(
                        Redactor.parametersOnly()
                                .redact(
                                        "{\"access_token\": \"abc\", \"next_token\":\"n1\", \"user\":\"ada\", \"password\":\"p\\\"q\"}"))
                .isEqualTo(
                        "{\"access_token\": \"***\", \"next_token\":\"n1\", \"user\":\"ada\", \"password\":\"***\"}");
    }
}
