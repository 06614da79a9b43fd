/**
 * Test services that start real servers on loopback for integration tests: a private PostgreSQL
 * ({@link dev.sluice.testservices.PostgresServer}) and a private OpenSSH sshd
 * ({@link dev.sluice.testservices.SshServer}). A test-scoped dependency of the engine (its
 * PostgreSQL destination), the toolkit, the protocol, the CLI and the database examples; never shipped
 * to connector authors. When the binaries are missing they run {@code .ci/install-test-services}
 * (found by walking up from the working directory).
 */
package dev.sluice.testservices;
