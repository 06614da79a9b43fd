package dev.sluice.toolkit.paging;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.toolkit.http.ApiRequest;
import dev.sluice.toolkit.http.RestClient;
import dev.sluice.toolkit.testing.FakeApi;
import dev.sluice.toolkit.testing.FakeApi.Reply;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A long listing over loopback: every record arrives once, in order, at a useful speed. */
class PaginationThroughputIT {

    private static final Logger LOG = LoggerFactory.getLogger(PaginationThroughputIT.class);
    private static final int PAGES = 200;
    private static final int PER_PAGE = 500;

    @Test
    void readsAHundredThousandRecordsInPagesOfFiveHundred() {
        try (FakeApi api = FakeApi.start()) {
            api.on("/items", request -> {
                int offset = Integer.parseInt(request.query("offset"));
                StringBuilder body = new StringBuilder("{\"data\":[");
                for (int i = offset; i < Math.min(offset + PER_PAGE, PAGES * PER_PAGE); i++) {
                    body.append(i == offset ? "" : ",")
                            .append("{\"id\":")
                            .append(i)
                            .append(",\"name\":\"item ")
                            .append(i)
                            .append("\",\"updated_at\":\"2024-01-01T00:00:00Z\"}");
                }
                return Reply.json(body.append("],\"total\":")
                        .append(PAGES * PER_PAGE)
                        .append('}')
                        .toString());
            });
            RestClient client = RestClient.builder(api.url()).build();
            AtomicLong expected = new AtomicLong();

            long start = System.nanoTime();
            long count = Paginator.of(new OffsetPaging("offset", "limit", PER_PAGE).totalField("total"))
                    .records("data")
                    .over(client, ApiRequest.get("/items"))
                    .rows()
                    .peek(row -> assertThat(row.get("id")).isEqualTo(expected.getAndIncrement()))
                    .count();
            Duration took = Duration.ofNanos(System.nanoTime() - start);

            assertThat(count).isEqualTo(PAGES * PER_PAGE);
            assertThat(api.requests()).hasSize(PAGES);
            LOG.info(
                    "{} records in {} pages in {} ms: {} records/s, {} pages/s",
                    count,
                    PAGES,
                    took.toMillis(),
                    count * 1000 / Math.max(1, took.toMillis()),
                    PAGES * 1000L / Math.max(1, took.toMillis()));
        }
    }
}
