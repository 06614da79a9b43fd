package dev.sluice.toolkit.paging;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sluice.toolkit.http.ApiRequest;
import dev.sluice.toolkit.http.ApiResponse;
import dev.sluice.toolkit.http.Json;
import dev.sluice.toolkit.http.RestClient;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * The pages of one listing, fetched lazily as they are iterated: only the current page is held in
 * memory. Each call to {@link #iterator()} starts the listing over. An iterator is for one thread.
 */
public final class Pages implements Iterable<Page> {

    private final Paginator paginator;
    private final RestClient client;
    private final ApiRequest request;

    Pages(Paginator paginator, RestClient client, ApiRequest request) {
        this.paginator = paginator;
        this.client = client;
        this.request = request;
    }

    @Override
    public Iterator<Page> iterator() {
        return new PageIterator();
    }

    /** @return the pages as a sequential, lazy stream */
    public Stream<Page> stream() {
        return StreamSupport.stream(
                Spliterators.spliteratorUnknownSize(iterator(), Spliterator.ORDERED | Spliterator.NONNULL), false);
    }

    /** @return every record of every page, lazily, in order */
    public Stream<JsonNode> records() {
        return stream().flatMap(page -> page.records().stream());
    }

    /** @return every record as a row for {@code Operations.upsert}, lazily, in order */
    public Stream<Map<String, Object>> rows() {
        return records().map(Json::toRow);
    }

    private final class PageIterator implements Iterator<Page> {

        private final Set<String> requested = new HashSet<>();
        private ApiRequest nextRequest;
        private String nextMarker = "the first page";
        private Page buffered;
        private List<JsonNode> previousRecords = List.of();
        private int fetched;
        private long recordsSoFar;
        private boolean done;
        private PaginationException pendingFailure;

        PageIterator() {
            nextRequest = paginator.strategy().first(request);
            requested.add(identity(nextRequest));
        }

        @Override
        public boolean hasNext() {
            if (buffered == null && !done) {
                buffered = fetch();
            }
            return buffered != null;
        }

        @Override
        public Page next() {
            if (!hasNext()) {
                throw new NoSuchElementException("The listing has no more pages");
            }
            Page page = buffered;
            buffered = null;
            return page;
        }

        private Page fetch() {
            if (pendingFailure != null) {
                done = true;
                throw pendingFailure;
            }
            ApiResponse response = client.send(nextRequest);
            List<JsonNode> records = paginator.extractRecords(response);
            fetched++;
            if (records.isEmpty()) {
                done = true;
                return null;
            }
            int maxPages = paginator.maxPagesValue();
            if (maxPages > 0 && fetched > maxPages) {
                done = true;
                throw new PaginationException(
                        "Pagination of " + request.method() + " " + client.safeUrl(request)
                                + " went past " + maxPages + " pages (next: " + nextMarker + " at "
                                + client.safeUrl(nextRequest)
                                + "): the server may never stop, or the listing is larger than expected; raise maxPages if it is");
            }
            Page page = new Page(fetched, recordsSoFar, nextRequest, response, records);
            if (records.equals(previousRecords)) {
                done = true;
                throw new PaginationException("Pagination of " + request.method() + " " + client.safeUrl(request)
                        + " does not advance: page " + fetched + " (" + nextMarker + ", " + response.safeUrl()
                        + ") holds the same " + records.size() + " records as page " + (fetched - 1)
                        + "; the server ignores the paging parameters, stopping to avoid an endless loop");
            }
            previousRecords = records;
            recordsSoFar += records.size();
            Optional<NextPage> next = paginator.strategy().next(page);
            if (next.isEmpty()) {
                done = true;
            } else if (!requested.add(identity(next.get().request()))) {
                pendingFailure = new PaginationException("Pagination of " + request.method() + " "
                        + client.safeUrl(request)
                        + " does not advance: page " + fetched + " points back to "
                        + next.get().marker()
                        + " (" + client.safeUrl(next.get().request()) + "), which was already read; the server repeated"
                        + " its cursor or next link, stopping to avoid an endless loop");
            } else {
                nextRequest = next.get().request();
                nextMarker = next.get().marker();
            }
            return page;
        }

        private String identity(ApiRequest request) {
            byte[] body = request.body();
            return request.method() + " " + request.url(client.baseUrl())
                    + (body == null ? "" : " " + java.util.Arrays.hashCode(body));
        }
    }
}
