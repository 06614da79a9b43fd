package dev.sluice.toolkit.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TlsTest {

    private static final char[] PASSWORD = "changeit".toCharArray();

    @Test
    void tlsToAPlainHttpPortSaysTlsFailed() throws Exception {
        try (ServerSocket plain = new ServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
            Thread server = new Thread(() -> answerPlainHttp(plain));
            server.setDaemon(true);
            server.start();
            RestClient client = RestClient.builder("https://127.0.0.1:" + plain.getLocalPort() + "/v1")
                    .connectTimeout(Duration.ofSeconds(3))
                    .build();

            assertThatThrownBy(() -> client.getJson("/x"))
                    .isInstanceOf(TlsFailedException.class)
                    .hasMessageContaining("TLS failed with 127.0.0.1:" + plain.getLocalPort())
                    .hasMessageContaining("speaks HTTPS on that port");
        }
    }

    @Test
    void aSelfSignedCertificateSaysTlsFailedUnlessTrusted(@TempDir Path dir) throws Exception {
        KeyStore keys = selfSignedKeyStore(dir);
        HttpsServer server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 5);
        SSLContext serverContext = SSLContext.getInstance("TLS");
        KeyManagerFactory keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keyManagers.init(keys, PASSWORD);
        serverContext.init(keyManagers.getKeyManagers(), null, null);
        server.setHttpsConfigurator(new HttpsConfigurator(serverContext));
        server.createContext("/v1/x", exchange -> {
            byte[] body = "{\"secure\":true}".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
        try {
            String base = "https://127.0.0.1:" + server.getAddress().getPort() + "/v1";
            RestClient untrusting =
                    RestClient.builder(base).retry(RetryPolicy.NONE).build();
            assertThatThrownBy(() -> untrusting.getJson("/x"))
                    .isInstanceOf(TlsFailedException.class)
                    .hasMessageContaining(
                            "TLS failed with 127.0.0.1:" + server.getAddress().getPort())
                    .hasMessageContaining("certificate is valid and trusted");

            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(keys);
            SSLContext clientContext = SSLContext.getInstance("TLS");
            clientContext.init(null, trust.getTrustManagers(), null);
            RestClient trusting =
                    RestClient.builder(base).sslContext(clientContext).build();
            assertThat(trusting.getJson("/x").get("secure").asBoolean()).isTrue();
        } finally {
            server.stop(0);
        }
    }

    private static void answerPlainHttp(ServerSocket plain) {
        try {
            while (!plain.isClosed()) {
                try (Socket socket = plain.accept()) {
                    InputStream in = socket.getInputStream();
                    in.read(new byte[512]);
                    socket.getOutputStream()
                            .write("HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
                                    .getBytes(StandardCharsets.US_ASCII));
                }
            }
        } catch (Exception closed) {
            // the test is over
        }
    }

    private static KeyStore selfSignedKeyStore(Path dir) throws Exception {
        Path file = dir.resolve("server.p12");
        Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
        Process process = new ProcessBuilder(
                        keytool.toString(),
                        "-genkeypair",
                        "-alias",
                        "server",
                        "-keyalg",
                        "RSA",
                        "-keysize",
                        "2048",
                        "-validity",
                        "2",
                        "-dname",
                        "CN=localhost",
                        "-ext",
                        "san=ip:127.0.0.1",
                        "-storetype",
                        "PKCS12",
                        "-keystore",
                        file.toString(),
                        "-storepass",
                        "changeit",
                        "-keypass",
                        "changeit")
                .redirectErrorStream(true)
                .start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor()).as(output).isZero();
        KeyStore keys = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(file)) {
            keys.load(in, PASSWORD);
        }
        return keys;
    }
}
