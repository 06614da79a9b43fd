package dev.sluice.sdk;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TestResultTest {

    @Test
    void successPassesWithoutAMessage() {
        assertThat(TestResult.success().passed()).isTrue();
        assertThat(TestResult.success().message()).isNull();
        assertThat(TestResult.success()).isEqualTo(new TestResult(true, null));
    }

    @Test
    void failureCarriesItsMessage() {
        TestResult result = TestResult.failure("The host did not answer");

        assertThat(result.passed()).isFalse();
        assertThat(result.message()).isEqualTo("The host did not answer");
        assertThat(result)
                .isEqualTo(TestResult.failure("The host did not answer"))
                .isNotEqualTo(TestResult.failure("other"));
    }

    @Test
    void aFailureWithoutAMessageStillSaysItFailed() {
        assertThat(TestResult.failure(null).message()).isEqualTo("test failed");
        assertThat(TestResult.failure("  ").message()).isEqualTo("test failed");
        assertThat(TestResult.failure(null).passed()).isFalse();
    }
}
