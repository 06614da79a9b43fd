/**
 * Link header (RFC 8288 rel="next") pagination of a REST API answering bare JSON arrays, with the toolkit's LinkHeaderPaging.
 */
package dev.sluice.examples.paginationlinkheader;
