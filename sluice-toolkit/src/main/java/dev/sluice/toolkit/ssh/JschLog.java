package dev.sluice.toolkit.ssh;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends JSch's log to SLF4J one level lower for its chatty levels: its INFO lines (every
 * handshake step, every closed socket) become DEBUG; WARN and above stay.
 */
final class JschLog implements com.jcraft.jsch.Logger {

    private static final Logger LOG = LoggerFactory.getLogger("com.jcraft.jsch");

    @Override
    public boolean isEnabled(int level) {
        return switch (level) {
            case DEBUG, INFO -> LOG.isDebugEnabled();
            case WARN -> LOG.isWarnEnabled();
            default -> LOG.isErrorEnabled();
        };
    }

    @Override
    public void log(int level, String message) {
        log(level, message, null);
    }

    @Override
    public void log(int level, String message, Throwable cause) {
        switch (level) {
            case DEBUG, INFO -> LOG.debug(message, cause);
            case WARN -> LOG.warn(message, cause);
            default -> LOG.error(message, cause);
        }
    }
}
