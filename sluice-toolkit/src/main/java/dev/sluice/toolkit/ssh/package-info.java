/**
 * SSH tunnels for connectors whose database sits behind a bastion host:
 * {@link dev.sluice.toolkit.ssh.SshTunnel} opens a local port forward
 * ({@code 127.0.0.1:<ephemeral>} to a host and port seen from the bastion) with key or password
 * authentication, checking the bastion's host key against a configured known-hosts entry.
 * Built on JSch ({@code com.github.mwiede:jsch}).
 */
package dev.sluice.toolkit.ssh;
