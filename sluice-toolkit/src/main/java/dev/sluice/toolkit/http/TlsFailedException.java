package dev.sluice.toolkit.http;

/**
 * The TLS handshake failed: an untrusted or self-signed certificate, a host name that does not
 * match it, or TLS spoken to a port that serves plain HTTP. Not retried.
 */
public class TlsFailedException extends HttpSourceException {

    private static final long serialVersionUID = 1L;

    /**
     * @param message what failed, without secrets
     * @param cause the TLS failure
     */
    public TlsFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
