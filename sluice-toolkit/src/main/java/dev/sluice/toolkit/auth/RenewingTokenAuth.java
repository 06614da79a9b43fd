package dev.sluice.toolkit.auth;

import dev.sluice.toolkit.http.ApiRequest;
import dev.sluice.toolkit.http.Authenticator;
import dev.sluice.toolkit.http.RestClient;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

/**
 * An authenticator that obtains a token from the API and renews it: before it expires (within a
 * margin, 60 s by default) and once after a 401. Thread-safe: one thread fetches while the others
 * wait for its token; after a 401 only the first thread renews, the others reuse its new token.
 */
public abstract class RenewingTokenAuth implements Authenticator {

    private final String header;
    private final String prefix;
    private Duration renewMargin = Duration.ofSeconds(60);
    private volatile Token current;
    private Duration currentMargin = Duration.ZERO;

    /**
     * @param header the header the token goes in, e.g. {@code Authorization}
     * @param prefix what precedes the token in it, e.g. {@code "Bearer "}; empty for none
     */
    protected RenewingTokenAuth(String header, String prefix) {
        this.header = Objects.requireNonNull(header, "header");
        this.prefix = Objects.requireNonNull(prefix, "prefix");
    }

    /**
     * Fetches a new token, with {@link ApiRequest#unauthenticated()} requests through the client.
     *
     * @param client the client
     * @return the token
     */
    protected abstract Token fetch(RestClient client);

    /** @return the secrets used to fetch tokens (passwords, client secrets, refresh tokens) */
    protected abstract Collection<String> credentials();

    /**
     * @param margin renew a token when it expires within this time (60 s by default); for a token
     *     that lives shorter than twice the margin, half its lifetime is used instead, so a short-lived
     *     token is still used before it is renewed
     */
    protected final void renewMargin(Duration margin) {
        this.renewMargin = Objects.requireNonNull(margin, "margin");
    }

    @Override
    public final ApiRequest authenticate(ApiRequest request, RestClient client) {
        return request.withHeader(header, prefix + token(client).value());
    }

    @Override
    public final synchronized boolean renewAfterRejection(ApiRequest rejected, RestClient client) {
        String sent = rejected.header(header);
        if (current != null && sent != null && !sent.equals(prefix + current.value())) {
            return true;
        }
        renew(client);
        return true;
    }

    @Override
    public final Collection<String> secrets() {
        List<String> secrets = new ArrayList<>(credentials());
        Token token = current;
        if (token != null) {
            secrets.add(token.value());
        }
        return secrets;
    }

    /**
     * @param client the client
     * @return the current token, fetched first when there is none or it expires soon
     */
    protected final synchronized Token token(RestClient client) {
        if (current == null || current.expiresWithin(client.time().now(), currentMargin)) {
            renew(client);
        }
        return current;
    }

    private void renew(RestClient client) {
        Instant fetchedAt = client.time().now();
        Token token = fetch(client);
        Duration margin = renewMargin;
        if (token.expiresAt() != null) {
            Duration halfLife = Duration.between(fetchedAt, token.expiresAt()).dividedBy(2);
            if (halfLife.compareTo(margin) < 0) {
                margin = halfLife.isNegative() ? Duration.ZERO : halfLife;
            }
        }
        currentMargin = margin;
        current = token;
    }
}
