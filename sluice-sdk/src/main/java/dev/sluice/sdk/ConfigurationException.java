package dev.sluice.sdk;

/** A configuration value is missing or cannot be read as the type asked for. */
public class ConfigurationException extends SyncException {

    private static final long serialVersionUID = 1L;

    /** @param message names the key and what to do */
    public ConfigurationException(String message) {
        super(message);
    }
}
