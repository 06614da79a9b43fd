package dev.sluice.toolkit.http;

/**
 * The API rejected the credentials (401 or 403), even after the authenticator renewed its token
 * once. The message asks to check the credentials and names the URL without secrets.
 */
public class AuthenticationFailedException extends HttpStatusException {

    private static final long serialVersionUID = 1L;

    /**
     * @param message what failed, without secrets
     * @param status 401 or 403
     */
    public AuthenticationFailedException(String message, int status) {
        super(message, status);
    }
}
