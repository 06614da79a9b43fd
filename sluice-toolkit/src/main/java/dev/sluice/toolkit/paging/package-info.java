/**
 * Lazy pagination of JSON listings: {@link dev.sluice.toolkit.paging.Paginator} with one
 * {@link dev.sluice.toolkit.paging.PageStrategy} per style (offset, page number, cursor, next
 * URL, {@code Link} header, keyset), guarded against servers that never stop.
 */
package dev.sluice.toolkit.paging;
