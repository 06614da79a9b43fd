package dev.sluice.cli.output;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Finds where in a connector's own code a failure happened: the innermost stack frame, of the
 * failure's root cause first and then of the exceptions wrapping it, whose class was compiled from
 * the connector project (its {@code target/classes}), such as
 * {@code com.example.OopsConnector.update(OopsConnector.java:44)}.
 */
public final class FailureLocation {

    private FailureLocation() {}

    /**
     * @param failure what failed the sync, or null
     * @param classesDir the project's compiled classes folder
     * @return the frame, formatted as Java prints it, or empty when none of the frames is the connector's
     */
    public static Optional<String> in(Throwable failure, Path classesDir) {
        List<Throwable> chain = new ArrayList<>();
        for (Throwable t = failure; t != null && !chain.contains(t); t = t.getCause()) {
            chain.add(0, t);
        }
        for (Throwable t : chain) {
            for (StackTraceElement frame : t.getStackTrace()) {
                if (ownClass(frame.getClassName(), classesDir)) {
                    return Optional.of(frame.getClassName() + "." + frame.getMethodName() + "("
                            + (frame.getFileName() == null ? "Unknown Source" : frame.getFileName())
                            + (frame.getLineNumber() > 0 ? ":" + frame.getLineNumber() : "") + ")");
                }
            }
        }
        return Optional.empty();
    }

    private static boolean ownClass(String className, Path classesDir) {
        if (className.contains("/") || className.isEmpty()) {
            return false; // a hidden class, e.g. a lambda's
        }
        return Files.isRegularFile(classesDir.resolve(className.replace('.', '/') + ".class"));
    }
}
