package dev.sluice.toolkit.http;

import java.io.IOException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;

/** Reads the I/O failures of an HTTP exchange: whether a retry may help, and a short name for each. */
final class ConnectionErrors {

    private ConnectionErrors() {}

    /**
     * @param e an exchange's failure
     * @return false for an unknown host, which no retry mends; true for the rest
     */
    static boolean isRetriable(IOException e) {
        return !isUnknownHost(e);
    }

    /**
     * @param e an exchange's failure
     * @return what went wrong in a few words, e.g. {@code connection refused}
     */
    static String describe(IOException e) {
        Throwable root = rootCause(e);
        if (e instanceof HttpConnectTimeoutException) {
            return "connect timed out";
        }
        if (e instanceof HttpTimeoutException) {
            return "request timed out";
        }
        if (isUnknownHost(e)) {
            return "unknown host";
        }
        if (root instanceof ConnectException || e instanceof ConnectException) {
            return "connection refused";
        }
        String message = root.getMessage() != null ? root.getMessage() : e.getMessage();
        return root.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }

    private static boolean isUnknownHost(IOException e) {
        Throwable root = rootCause(e);
        return root instanceof UnknownHostException || root instanceof UnresolvedAddressException;
    }

    private static Throwable rootCause(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root;
    }
}
