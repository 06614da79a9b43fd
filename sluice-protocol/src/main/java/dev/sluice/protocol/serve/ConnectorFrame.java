package dev.sluice.protocol.serve;

import java.security.CodeSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Finds where in a connector's own code a failure happened: the innermost stack frame, of the root
 * cause first and then of the exceptions wrapping it, whose class comes from the same jar or classes
 * folder as the connector class, formatted as Java prints it.
 */
final class ConnectorFrame {

    private ConnectorFrame() {}

    /**
     * @param failure what the connector threw
     * @param connectorClass the connector's class
     * @return e.g. {@code com.example.Oops.update(Oops.java:44)}, or empty when no frame is the connector's
     */
    static Optional<String> of(Throwable failure, Class<?> connectorClass) {
        CodeSource own = connectorClass.getProtectionDomain().getCodeSource();
        if (own == null || own.getLocation() == null) {
            return Optional.empty();
        }
        List<Throwable> chain = new ArrayList<>();
        for (Throwable t = failure; t != null && !chain.contains(t); t = t.getCause()) {
            chain.add(0, t);
        }
        for (Throwable t : chain) {
            for (StackTraceElement frame : t.getStackTrace()) {
                if (sameCode(frame.getClassName(), connectorClass, own)) {
                    return Optional.of(frame.getClassName() + "." + frame.getMethodName() + "("
                            + (frame.getFileName() == null ? "Unknown Source" : frame.getFileName())
                            + (frame.getLineNumber() > 0 ? ":" + frame.getLineNumber() : "") + ")");
                }
            }
        }
        return Optional.empty();
    }

    private static boolean sameCode(String className, Class<?> connectorClass, CodeSource own) {
        if (className.contains("/")) {
            return false; // a hidden class, e.g. a lambda's
        }
        try {
            Class<?> type = Class.forName(className, false, connectorClass.getClassLoader());
            CodeSource source = type.getProtectionDomain().getCodeSource();
            return source != null && Objects.equals(source.getLocation(), own.getLocation());
        } catch (ClassNotFoundException | LinkageError | SecurityException e) {
            return false;
        }
    }
}
