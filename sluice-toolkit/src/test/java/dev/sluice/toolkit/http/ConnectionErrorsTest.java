package dev.sluice.toolkit.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import org.junit.jupiter.api.Test;

class ConnectionErrorsTest {

    @Test
    void namesTheCommonFailuresInAFewWords() {
        assertThat(ConnectionErrors.describe(new HttpConnectTimeoutException("x")))
                .isEqualTo("connect timed out");
        assertThat(ConnectionErrors.describe(new HttpTimeoutException("x"))).isEqualTo("request timed out");
        assertThat(ConnectionErrors.describe(new IOException(new ConnectException("x"))))
                .isEqualTo("connection refused");
        assertThat(ConnectionErrors.describe(new IOException("wrapped", new UnknownHostException("nowhere"))))
                .isEqualTo("unknown host");
        assertThat(ConnectionErrors.describe(new IOException("reset", new IOException("Connection reset"))))
                .as("anything else by its root cause")
                .isEqualTo("IOException: Connection reset");
    }

    @Test
    void onlyAnUnknownHostIsNotWorthARetry() {
        assertThat(ConnectionErrors.isRetriable(new IOException(new UnknownHostException("nowhere"))))
                .isFalse();
        assertThat(ConnectionErrors.isRetriable(new ConnectException("refused")))
                .isTrue();
        assertThat(ConnectionErrors.isRetriable(new HttpTimeoutException("slow")))
                .isTrue();
    }
}
