/**
 * Page-number pagination of a REST API with the toolkit's PageNumberPaging, stopping at total_pages.
 */
package dev.sluice.examples.paginationpagenumber;
