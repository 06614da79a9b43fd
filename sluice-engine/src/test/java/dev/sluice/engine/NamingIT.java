package dev.sluice.engine;

import static dev.sluice.engine.SyncHarness.r;
import static dev.sluice.engine.SyncHarness.row;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.engine.naming.NamingStrategy;
import dev.sluice.sdk.DataType;
import dev.sluice.sdk.State;
import dev.sluice.sdk.Table;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Fivetran and source naming of tables and columns, keywords, unicode, clashes and system names. */
class NamingIT {

    @TempDir
    Path dir;

    @Test
    void fivetranNamingOfTablesAndColumns() {
        SyncHarness h = new SyncHarness(dir);
        h.ok((s, op) -> op.upsert(
                "UserEvents",
                row(
                        "userId",
                        1,
                        "HTTPStatus",
                        200,
                        "First Name",
                        "Ada",
                        "e-mail",
                        "a@b",
                        "address.city",
                        "Paris",
                        "2fa",
                        true,
                        "Café Crème",
                        "x",
                        "already_snake",
                        1,
                        "  padded ",
                        2)));
        assertThat(h.tables()).containsExactly("user_events");
        assertThat(h.columnTypes("user_events").keySet())
                .containsExactlyInAnyOrder(
                        "_fivetran_id",
                        "user_id",
                        "http_status",
                        "first_name",
                        "e_mail",
                        "address_city",
                        "_2fa",
                        "cafe_creme",
                        "already_snake",
                        "__padded_",
                        "_fivetran_synced",
                        "_fivetran_deleted");
    }

    @Test
    void declaredNamesAndRowNamesMeetInTheSameColumns() {
        SyncHarness h = new SyncHarness(dir);
        List<Table> schema = List.of(Table.named("OrderItems")
                .primaryKey("orderId", "lineNo")
                .column("lineNo", DataType.INT)
                .column("unitPrice", DataType.DOUBLE)
                .build());
        h.ok(schema, (s, op) -> {
            op.upsert("OrderItems", row("orderId", "A", "lineNo", 1, "unitPrice", 2.5));
            op.update("OrderItems", row("orderId", "A", "lineNo", 1, "unitPrice", 3.5));
            op.upsert("order_items", row("order_id", "B", "line_no", 1, "unit_price", 4.5));
            op.delete("orderItems", row("order_id", "B", "lineNo", 1));
        });
        assertThat(h.tables()).containsExactly("order_items");
        assertThat(h.primaryKey("order_items")).containsExactly("order_id", "line_no");
        assertThat(h.rows("SELECT order_id, line_no, unit_price, _fivetran_deleted FROM tester.order_items ORDER BY 1"))
                .containsExactly(r("A", 1, 3.5, false), r("B", 1, 4.5, true));
    }

    @Test
    void sqlKeywordsWorkAsTableAndColumnNames() {
        SyncHarness h = new SyncHarness(dir).flushRows(2);
        List<Table> schema = List.of(Table.named("order")
                .primaryKey("select")
                .column("select", DataType.LONG)
                .column("group", DataType.STRING)
                .build());
        for (int sync = 1; sync <= 2; sync++) {
            int n = sync;
            h.ok(schema, (s, op) -> {
                op.upsert("order", row("select", n, "group", "g" + n, "desc", "d", "from", n, "table", true));
                op.upsert("order", row("select", 10 + n, "group", "x", "desc", "y"));
                op.update("order", row("select", n, "desc", "updated"));
                op.delete("order", row("select", 10 + n));
                op.upsert("group", row("where", "w", "limit", 1));
                op.checkpoint(State.empty().put("sync", n));
            });
        }
        h.ok(schema, (s, op) -> {
            op.truncate("group");
            op.upsert("group", row("where", "w2"));
        });
        assertThat(h.tables()).containsExactlyInAnyOrder("order", "group");
        assertThat(h.rows(
                        "SELECT \"select\", \"group\", \"desc\", \"from\", \"table\", _fivetran_deleted FROM tester.\"order\""
                                + " ORDER BY 1"))
                .containsExactly(
                        r(1L, "g1", "updated", 1, true, false), r(2L, "g2", "updated", 2, true, false),
                        r(11L, "x", "y", null, null, true), r(12L, "x", "y", null, null, true));
        assertThat(h.rows("SELECT \"where\", \"limit\", _fivetran_deleted FROM tester.\"group\" ORDER BY 1"))
                .containsExactly(r("w", 1, true), r("w2", null, false));
    }

    @Test
    void unicodeNamesAreKept() {
        SyncHarness h = new SyncHarness(dir);
        h.ok((s, op) -> op.upsert("顧客", row("名前", "太郎", "Straße", "x", "emoji 🎉", 1)));
        assertThat(h.tables()).containsExactly("顧客");
        assertThat(h.columnTypes("顧客")).containsKeys("名前");
        assertThat(h.rows("SELECT \"名前\" FROM tester.\"顧客\"")).containsExactly(r("太郎"));
    }

    @Test
    void sourceNamingKeepsNamesAsGiven() {
        SyncHarness h = new SyncHarness(dir).naming(NamingStrategy.SOURCE);
        List<Table> schema = List.of(Table.named("Order Items")
                .primaryKey("orderId")
                .column("orderId", DataType.LONG)
                .build());
        h.ok(schema, (s, op) -> {
            op.upsert("Order Items", row("orderId", 1, "First Name", "Ada", "e-mail", "a@b", "2fa", true));
            op.update("Order Items", row("orderId", 1, "e-mail", "c@d"));
            op.upsert("userEvents", row("HTTPStatus", 200));
        });
        assertThat(h.tables()).containsExactlyInAnyOrder("Order Items", "userEvents");
        assertThat(h.columnTypes("Order Items").keySet())
                .containsExactlyInAnyOrder(
                        "orderId", "First Name", "e-mail", "2fa", "_fivetran_synced", "_fivetran_deleted");
        assertThat(h.rows("SELECT \"orderId\", \"First Name\", \"e-mail\", \"2fa\" FROM tester.\"Order Items\""))
                .containsExactly(r(1L, "Ada", "c@d", true));
        assertThat(h.columnTypes("userEvents")).containsKey("HTTPStatus");
    }

    @Test
    void quotesDotsAndSpacesInSourceNames() {
        SyncHarness h = new SyncHarness(dir).naming(NamingStrategy.SOURCE).flushRows(1);
        List<Table> schema = List.of(Table.named("my \"odd\".table")
                .primaryKey("it's \"id\"")
                .column("it's \"id\"", DataType.LONG)
                .build());
        h.ok(schema, (s, op) -> {
            op.upsert("my \"odd\".table", row("it's \"id\"", 1, "a.b", "x", "semi;colon", "--comment"));
            op.upsert("my \"odd\".table", row("it's \"id\"", 2, "a.b", "y", "new col", 0.5));
            op.update("my \"odd\".table", row("it's \"id\"", 1, "a.b", "z"));
            op.delete("my \"odd\".table", row("it's \"id\"", 2));
            op.checkpoint(State.empty());
            op.truncate("my \"odd\".table");
            op.upsert("my \"odd\".table", row("it's \"id\"", 3, "new col", 1.5));
        });
        assertThat(h.tables()).containsExactly("my \"odd\".table");
        assertThat(h.rows("SELECT \"it's \"\"id\"\"\", \"a.b\", \"semi;colon\", \"new col\", _fivetran_deleted"
                        + " FROM tester.\"my \"\"odd\"\".table\" ORDER BY 1"))
                .containsExactly(
                        r(1L, "z", "--comment", null, true),
                        r(2L, "y", null, 0.5, true),
                        r(3L, null, null, 1.5, false));
    }

    @Test
    void namesThatDifferOnlyByCaseUnderSourceNamingFailClearly() {
        SyncHarness h = new SyncHarness(dir).naming(NamingStrategy.SOURCE);
        String message = h.fails((s, op) -> op.upsert("t", row("Name", "a", "name", "b")));
        assertThat(message).contains("'t'").contains("two keys").contains("'name'");
        assertThat(message).doesNotContain("Warehouse statement failed");
        // in separate rows, and in a later sync, they are the same column and the same table (DuckDB
        // identifiers are case-insensitive)
        h.ok((s, op) -> {
            op.upsert("Orders", row("id", 1, "Name", "a"));
            op.upsert("orders", row("id", 2, "name", "b"));
        });
        h.ok((s, op) -> op.upsert("ORDERS", row("id", 3, "NAME", "c")));
        assertThat(h.tables()).containsExactly("Orders");
        assertThat(h.rows("SELECT id, \"Name\" FROM tester.\"Orders\" ORDER BY id"))
                .containsExactly(r(1, "a"), r(2, "b"), r(3, "c"));
    }

    @Test
    void twoKeysOfOneRowThatMapToOneColumnFail() {
        SyncHarness h = new SyncHarness(dir);
        h.ok((s, op) -> {
            op.upsert("people", row("userId", 1));
            op.checkpoint(State.empty().put("c", 1));
        });
        String message = h.fails((s, op) -> op.upsert("people", row("userId", 2, "user_id", 3)));
        assertThat(message).contains("'people'").contains("user_id").contains("two keys");
        String declared = h.fails(
                List.of(Table.named("t")
                        .primaryKey("id")
                        .column("id", DataType.LONG)
                        .build()),
                (s, op) -> op.upsert("t", row("id", 1, "a.b", 1, "a-b", 2)));
        assertThat(declared).contains("'t'").contains("a_b");
        assertThat(h.rows("SELECT user_id FROM tester.people")).containsExactly(r(1));
        assertThat(h.stateJson()).isEqualTo("{\"c\":1}");
    }

    @Test
    void systemColumnNamesAreRejected() {
        SyncHarness h = new SyncHarness(dir);
        List<Table> keyed = List.of(
                Table.named("t").primaryKey("id").column("id", DataType.LONG).build());
        for (String name : List.of("_fivetran_synced", "_fivetran_deleted", "_fivetran_id", "_Fivetran_Synced")) {
            String message = h.fails(keyed, (s, op) -> op.upsert("t", row("id", 1, name, "x")));
            assertThat(message).as(name).contains("'t'").contains("system column");
            String keyless = h.fails((s, op) -> op.upsert("free", row("a", 1, name, "x")));
            assertThat(keyless).as(name).contains("'free'").contains("system column");
        }
        String declared = h.fails(
                List.of(Table.named("d")
                        .column("_fivetran_deleted", DataType.BOOLEAN)
                        .build()),
                (s, op) -> {});
        assertThat(declared).contains("'d'").contains("system column").contains("schema()");
        assertThat(h.fails(keyed, (s, op) -> op.update("t", row("id", 1, "_fivetran_deleted", true))))
                .contains("system column");
    }

    @Test
    void emptyColumnNameFails() {
        SyncHarness h = new SyncHarness(dir);
        String message = h.fails((s, op) -> op.upsert("t", row("a", 1, " ", 2)));
        assertThat(message).contains("column name is empty");
    }
}
