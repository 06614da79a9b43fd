package dev.sluice.toolkit.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CredentialScopeTest {

    @Test
    void coversTheBaseUrlsOriginWhateverThePathQueryOrCase() {
        CredentialScope scope = new CredentialScope("https://api.example.com/v1");

        assertThat(scope.covers("https://api.example.com/v1/orders?page=2")).isTrue();
        assertThat(scope.covers("https://API.Example.COM/other")).isTrue();
        assertThat(scope.covers("HTTPS://api.example.com:443/v2"))
                .as("the default port spelled out")
                .isTrue();
    }

    @Test
    void anotherSchemeHostOrPortIsAnotherOrigin() {
        CredentialScope scope = new CredentialScope("https://api.example.com/v1");

        assertThat(scope.covers("http://api.example.com/v1")).isFalse();
        assertThat(scope.covers("https://cdn.example.com/v1")).isFalse();
        assertThat(scope.covers("https://api.example.com:8443/v1")).isFalse();
        assertThat(scope.covers("https://api.example.com.evil.test/v1")).isFalse();
    }

    @Test
    void aBaseUrlOrTargetThatIsNoUrlCoversNothing() {
        assertThat(new CredentialScope("not a url").covers("not a url")).isFalse();
        assertThat(new CredentialScope("https://api.example.com").covers("https://api.example.com/a b"))
                .isFalse();
    }
}
