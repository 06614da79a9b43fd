package dev.sluice.toolkit.paging;

import dev.sluice.toolkit.ToolkitException;

/**
 * Pagination cannot go on safely: the server repeated a cursor, a next link or a whole page (it
 * would never stop), or more pages came than the configured maximum. The message names the URL,
 * without secrets, and the page or token at fault.
 */
public class PaginationException extends ToolkitException {

    private static final long serialVersionUID = 1L;

    /** @param message what went wrong, without secrets */
    public PaginationException(String message) {
        super(message);
    }
}
