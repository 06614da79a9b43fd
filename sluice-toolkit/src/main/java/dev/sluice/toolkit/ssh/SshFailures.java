package dev.sluice.toolkit.ssh;

import com.jcraft.jsch.JSchException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;

/** Turns JSch's connect failures into messages naming the bastion, the user and what to do. */
final class SshFailures {

    private SshFailures() {}

    static SshTunnelException describe(
            JSchException e, String bastion, String user, String credential, KnownHostKeys knownHosts) {
        String message = String.valueOf(e.getMessage());
        Throwable cause = rootCause(e);
        if (cause instanceof UnknownHostException) {
            return new SshTunnelException(
                    "Cannot reach the SSH bastion " + bastion + ": unknown host name: check " + SshTunnel.Builder.HOST,
                    e);
        }
        if (cause instanceof ConnectException || cause instanceof NoRouteToHostException) {
            return new SshTunnelException(
                    "Cannot reach the SSH bastion " + bastion + ": " + cause.getMessage()
                            + ": check the host and port, that sshd runs there and that a firewall lets this machine in",
                    e);
        }
        if (cause instanceof SocketTimeoutException || message.startsWith("timeout")) {
            return new SshTunnelException(
                    "Cannot reach the SSH bastion " + bastion + ": no answer in time (" + message
                            + "): check the host and port and that a firewall lets this machine in",
                    e);
        }
        if (message.startsWith("reject HostKey")
                || message.startsWith("HostKey has been changed")
                || message.startsWith("UnknownHostKey")) {
            String presented = knownHosts.describePresented();
            return new SshTunnelException(
                    "The SSH bastion " + bastion + " presented the host key "
                            + (presented == null ? "(unknown)" : presented)
                            + ", which does not match the configured known"
                            + " host entry (" + knownHosts.describeExpected()
                            + "). The connection was refused: it may not be"
                            + " the bastion. If the bastion's key really changed, confirm the new key with its administrator"
                            + " (ssh-keyscan shows it) and update " + SshTunnel.Builder.KNOWN_HOST,
                    e);
        }
        if (message.startsWith("Algorithm negotiation fail")) {
            return new SshTunnelException(
                    "The SSH bastion " + bastion + " has no host key of the types in the configured"
                            + " known host entry (" + knownHosts.describeExpected()
                            + "): give its current host key line"
                            + " (ssh-keyscan shows them)",
                    e);
        }
        if (message.startsWith("Auth fail")
                || message.startsWith("Auth cancel")
                || message.contains("Too many authentication failures")) {
            return new SshTunnelException(
                    "The SSH bastion " + bastion + " rejected user '" + user + "' with "
                            + credential + ": check the user name and "
                            + (credential.equals("the password")
                                    ? "the password"
                                    : "that the key's public half is in the user's authorized_keys on the bastion"),
                    e);
        }
        return new SshTunnelException(
                "Cannot open an SSH session to the bastion " + bastion + " as user '" + user + "': " + message, e);
    }

    private static Throwable rootCause(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause;
    }
}
