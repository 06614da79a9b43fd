package dev.sluice.server.internal.destination;

import java.util.regex.Pattern;

/** The rule for destination names, the same as for connections: {@code ^[_a-z][_a-z0-9]*$}, at most 63 characters. */
public final class DestinationNames {

    /** The destination every server starts with. */
    public static final String WAREHOUSE = "warehouse";

    private static final Pattern NAME = Pattern.compile("[_a-z][_a-z0-9]{0,62}");

    private DestinationNames() {}

    /**
     * @param name a proposed name
     * @return null when it is valid, else what is wrong
     */
    public static String problem(String name) {
        if (NAME.matcher(name).matches()) {
            return null;
        }
        return "must start with a lower-case letter or _, hold only lower-case letters, digits and _,"
                + " and be at most 63 characters long (e.g. analytics)";
    }
}
