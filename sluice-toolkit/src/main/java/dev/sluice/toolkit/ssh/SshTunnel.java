package dev.sluice.toolkit.ssh;

import com.jcraft.jsch.Channel;
import com.jcraft.jsch.ChannelDirectTCPIP;
import com.jcraft.jsch.JSch;
import com.jcraft.jsch.JSchException;
import com.jcraft.jsch.Session;
import dev.sluice.sdk.Configuration;
import dev.sluice.sdk.ConfigurationException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A local port forward through an SSH bastion: connections to
 * {@code 127.0.0.1:}{@link #localPort()} reach {@code targetHost:targetPort} as the bastion sees
 * it. The bastion's host key must match the configured known host entry; there is no "accept
 * any key" mode.
 *
 * <pre>{@code
 * try (SshTunnel tunnel = SshTunnel.builder()
 *         .bastion("bastion.example.com", 22).user("sluice")
 *         .privateKey(configuration.require("ssh_private_key"), null)
 *         .knownHost("bastion.example.com ssh-ed25519 AAAAC3Nz...")
 *         .open("db.internal", 5432)) {
 *     String url = "jdbc:postgresql://127.0.0.1:" + tunnel.localPort() + "/shop";
 *     ...
 * }
 * }</pre>
 *
 * <p>Thread-safe: any number of connections may use the tunnel at once, from any thread.
 * {@link #close()} stops forwarding and ends the SSH session (open forwarded connections end
 * too).
 */
public final class SshTunnel implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SshTunnel.class);

    private final Session session;
    private final int localPort;
    private final String description;

    private SshTunnel(Session session, int localPort, String description) {
        this.session = session;
        this.localPort = localPort;
        this.description = description;
    }

    /** @return a builder; set the bastion, user, one way to log in and the known host entry */
    public static Builder builder() {
        return new Builder();
    }

    /** @return {@code 127.0.0.1}: the tunnel listens on loopback only */
    public String localHost() {
        return "127.0.0.1";
    }

    /** @return the local port that forwards to the target */
    public int localPort() {
        return localPort;
    }

    /** @return whether the SSH session is still up */
    public boolean isOpen() {
        return session.isConnected();
    }

    /** Stops forwarding and disconnects from the bastion. Idempotent. */
    @Override
    public void close() {
        if (session.isConnected()) {
            try {
                session.delPortForwardingL(localHost(), localPort);
            } catch (JSchException e) {
                LOG.debug("Removing the port forward of {} failed: {}", description, e.getMessage());
            }
            session.disconnect();
            LOG.info("Closed {}", description);
        }
    }

    @Override
    public String toString() {
        return description;
    }

    /** Collects a tunnel's settings. Not thread-safe. */
    public static final class Builder {
        /** Configuration keys read by {@link #configuration(Configuration)}. */
        public static final String HOST = "ssh_host";
        /** @see #HOST */
        public static final String PORT = "ssh_port";
        /** @see #HOST */
        public static final String USER = "ssh_user";
        /** @see #HOST */
        public static final String PRIVATE_KEY = "ssh_private_key";
        /** @see #HOST */
        public static final String PASSPHRASE = "ssh_private_key_passphrase";
        /** @see #HOST */
        public static final String PASSWORD = "ssh_password";
        /** @see #HOST */
        public static final String KNOWN_HOST = "ssh_known_host";

        private String host;
        private int port = 22;
        private String user;
        private byte[] privateKey;
        private String privateKeySource;
        private String passphrase;
        private String password;
        private String knownHost;
        private Duration connectTimeout = Duration.ofSeconds(15);
        private Duration keepAlive = Duration.ofSeconds(30);
        private boolean checkTarget = true;

        private Builder() {}

        /**
         * Reads the bastion settings from a connector's configuration: {@value #HOST},
         * {@value #PORT} (default 22), {@value #USER}, {@value #KNOWN_HOST}, and either
         * {@value #PRIVATE_KEY} (the key's text, with {@value #PASSPHRASE} if it is encrypted)
         * or {@value #PASSWORD}.
         *
         * @param configuration the connector's configuration
         * @return this builder
         * @throws ConfigurationException naming the key that is missing or wrong
         */
        public Builder configuration(Configuration configuration) {
            bastion(configuration.require(HOST), configuration.getInt(PORT, 22));
            user(configuration.require(USER));
            knownHost(configuration.require(KNOWN_HOST));
            String key = configuration.get(PRIVATE_KEY, "");
            String secret = configuration.get(PASSWORD, "");
            if (!key.isBlank()) {
                String phrase = configuration.get(PASSPHRASE, "");
                privateKey(key, phrase.isEmpty() ? null : phrase);
            } else if (!secret.isEmpty()) {
                password(secret);
            } else {
                throw new ConfigurationException("Neither '" + PRIVATE_KEY + "' nor '" + PASSWORD + "' is set: give the"
                        + " SSH private key's text (preferred) or the password of user '" + configuration.get(USER)
                        + "' on the bastion");
            }
            return this;
        }

        /**
         * @param host the bastion's host name or address
         * @param port its SSH port
         * @return this builder
         */
        public Builder bastion(String host, int port) {
            this.host = Objects.requireNonNull(host, "bastion host");
            this.port = port;
            return this;
        }

        /**
         * @param user the user name on the bastion
         * @return this builder
         */
        public Builder user(String user) {
            this.user = Objects.requireNonNull(user, "user");
            return this;
        }

        /**
         * Logs in with a private key (OpenSSH or PEM format: ed25519, ECDSA or RSA).
         *
         * @param keyText the private key's text, {@code -----BEGIN ... PRIVATE KEY----- ...}
         * @param passphrase its passphrase, or null when it is not encrypted
         * @return this builder
         */
        public Builder privateKey(String keyText, String passphrase) {
            this.privateKey = Objects.requireNonNull(keyText, "private key")
                    .replace("\\n", "\n")
                    .getBytes(StandardCharsets.UTF_8);
            this.privateKeySource = "the configured private key";
            this.passphrase = passphrase;
            return this;
        }

        /**
         * Logs in with a private key read from a file.
         *
         * @param file the private key file
         * @param passphrase its passphrase, or null when it is not encrypted
         * @return this builder
         * @throws UncheckedIOException naming the file when it cannot be read
         */
        public Builder privateKeyFile(Path file, String passphrase) {
            try {
                this.privateKey = Files.readAllBytes(file);
            } catch (IOException e) {
                throw new UncheckedIOException(
                        "Cannot read the SSH private key file " + file + ": " + e.getMessage(), e);
            }
            this.privateKeySource = "the private key file " + file;
            this.passphrase = passphrase;
            return this;
        }

        /**
         * Logs in with a password (password or keyboard-interactive authentication).
         *
         * @param password the user's password on the bastion
         * @return this builder
         */
        public Builder password(String password) {
            this.password = Objects.requireNonNull(password, "password");
            return this;
        }

        /**
         * @param entry the bastion's host key: one or more known_hosts lines, such as
         *     {@code bastion.example.com ssh-ed25519 AAAA...} (the host field may be left out)
         * @return this builder
         */
        public Builder knownHost(String entry) {
            this.knownHost = entry;
            return this;
        }

        /**
         * @param timeout how long to wait for the bastion to connect and log in; default 15 s
         * @return this builder
         */
        public Builder connectTimeout(Duration timeout) {
            this.connectTimeout = timeout;
            return this;
        }

        /**
         * @param interval how often to check the bastion is alive when idle; default 30 s
         * @return this builder
         */
        public Builder keepAlive(Duration interval) {
            this.keepAlive = interval;
            return this;
        }

        /**
         * @param check whether {@link #open} first checks that the bastion can reach the target
         *     (default true), so that an unreachable target fails here with a clear message
         *     rather than later as a failed connection to 127.0.0.1
         * @return this builder
         */
        public Builder checkTarget(boolean check) {
            this.checkTarget = check;
            return this;
        }

        /**
         * Connects to the bastion, logs in and starts forwarding.
         *
         * @param targetHost the host to reach, as the bastion resolves it (e.g. {@code db.internal})
         * @param targetPort its port
         * @return the open tunnel
         * @throws SshTunnelException naming the bastion and user when the bastion cannot be
         *     reached, rejects the login, presents a host key other than the configured one, or
         *     cannot reach the target
         * @throws IllegalStateException when a setting is missing
         */
        public SshTunnel open(String targetHost, int targetPort) {
            if (host == null || user == null) {
                throw new IllegalStateException("Set the bastion (bastion(host, port)) and the user (user(name))");
            }
            if (privateKey == null && password == null) {
                throw new IllegalStateException("Set a private key (privateKey/privateKeyFile) or a password for user '"
                        + user + "' on " + bastion());
            }
            KnownHostKeys knownHosts;
            try {
                knownHosts = KnownHostKeys.parse(knownHost);
            } catch (IllegalArgumentException e) {
                throw new SshTunnelException(
                        "The known host entry for the SSH bastion " + bastion() + " cannot be used: " + e.getMessage());
            }
            JSch jsch = new JSch();
            jsch.setInstanceLogger(new JschLog());
            jsch.setHostKeyRepository(knownHosts);
            if (privateKey != null) {
                addIdentity(jsch);
            }
            Session session = connect(jsch, knownHosts);
            String target = targetHost + ":" + targetPort;
            try {
                if (checkTarget) {
                    checkTarget(session, targetHost, targetPort);
                }
                int localPort = session.setPortForwardingL("127.0.0.1", 0, targetHost, targetPort);
                String description = "SSH tunnel 127.0.0.1:" + localPort + " -> " + bastion() + " -> " + target;
                LOG.info("Opened {} as user '{}'", description, user);
                return new SshTunnel(session, localPort, description);
            } catch (JSchException | RuntimeException e) {
                session.disconnect();
                if (e instanceof SshTunnelException) {
                    throw (SshTunnelException) e;
                }
                throw new SshTunnelException(
                        "Cannot forward a local port to " + target + " through the SSH bastion " + bastion() + ": "
                                + e.getMessage(),
                        e);
            }
        }

        private void addIdentity(JSch jsch) {
            String problem;
            try {
                jsch.addIdentity(
                        "sluice-ssh-key",
                        privateKey,
                        null,
                        passphrase == null ? null : passphrase.getBytes(StandardCharsets.UTF_8));
                boolean stillEncrypted = jsch.getIdentityRepository().getIdentities().stream()
                        .anyMatch(com.jcraft.jsch.Identity::isEncrypted);
                if (!stillEncrypted) {
                    return;
                }
                problem = passphrase == null
                        ? "the key is encrypted: give its passphrase (" + PASSPHRASE + ")"
                        : "the passphrase is wrong";
            } catch (JSchException e) {
                String reason = String.valueOf(e.getMessage());
                problem = reason.contains("passphrase") || passphrase != null && reason.contains("decrypt")
                        ? "the passphrase is wrong or missing"
                        : "it is not a private key JSch can read (" + reason + "); give the whole key text,"
                                + " -----BEGIN ... PRIVATE KEY----- to -----END ... PRIVATE KEY-----,"
                                + " in OpenSSH or PEM format";
            }
            throw new SshTunnelException(
                    "Cannot use " + privateKeySource + " for the SSH bastion " + bastion() + ": " + problem);
        }

        private Session connect(JSch jsch, KnownHostKeys knownHosts) {
            Session session;
            try {
                session = jsch.getSession(user, host, port);
            } catch (JSchException e) {
                throw new SshTunnelException("Bad SSH bastion settings " + bastion() + ": " + e.getMessage(), e);
            }
            session.setConfig("StrictHostKeyChecking", "yes");
            session.setConfig("HashKnownHosts", "no");
            session.setConfig("server_host_key", knownHosts.algorithms());
            session.setConfig(
                    "PreferredAuthentications", privateKey != null ? "publickey" : "password,keyboard-interactive");
            if (password != null) {
                session.setPassword(password);
                session.setUserInfo(new PasswordAnswers(password));
            }
            try {
                session.setServerAliveInterval((int) keepAlive.toMillis());
                session.connect((int) connectTimeout.toMillis());
                return session;
            } catch (JSchException e) {
                session.disconnect();
                throw SshFailures.describe(
                        e, bastion(), user, privateKey != null ? privateKeySource : "the password", knownHosts);
            }
        }

        private void checkTarget(Session session, String targetHost, int targetPort) throws JSchException {
            Channel channel = session.openChannel("direct-tcpip");
            ChannelDirectTCPIP direct = (ChannelDirectTCPIP) channel;
            direct.setHost(targetHost);
            direct.setPort(targetPort);
            try {
                direct.connect((int) connectTimeout.toMillis());
            } catch (JSchException e) {
                throw new SshTunnelException(
                        "The SSH bastion " + bastion() + " cannot reach " + targetHost + ":"
                                + targetPort + " (" + e.getMessage()
                                + "): check the target host and port as the bastion sees"
                                + " them, that the bastion may connect there (firewall) and that it allows TCP forwarding"
                                + " (AllowTcpForwarding) for user '" + user + "'",
                        e);
            } finally {
                direct.disconnect();
            }
        }

        private String bastion() {
            return host + ":" + port;
        }
    }
}
