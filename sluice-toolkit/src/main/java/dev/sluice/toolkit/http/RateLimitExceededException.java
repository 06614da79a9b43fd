package dev.sluice.toolkit.http;

/**
 * The API kept answering 429 Too Many Requests until the retry budget ran out. Lower the
 * client's rate limit or sync later.
 */
public class RateLimitExceededException extends HttpStatusException {

    private static final long serialVersionUID = 1L;

    /** @param message what failed, without secrets */
    public RateLimitExceededException(String message) {
        super(message, 429);
    }
}
