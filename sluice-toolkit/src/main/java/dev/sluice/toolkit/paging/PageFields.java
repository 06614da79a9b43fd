package dev.sluice.toolkit.paging;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sluice.toolkit.http.Json;
import dev.sluice.toolkit.http.UnexpectedResponseException;
import java.util.OptionalLong;

/** Reads the fields paginators need from a page, failing clearly when they have the wrong type. */
final class PageFields {

    private PageFields() {}

    static OptionalLong optionalLong(Page page, String field) {
        if (field == null) {
            return OptionalLong.empty();
        }
        JsonNode node = page.body().at(Json.pointer(field));
        if (node.isMissingNode() || node.isNull()) {
            return OptionalLong.empty();
        }
        if (node.canConvertToLong() && node.isIntegralNumber()
                || node.isTextual() && node.asText().matches("-?\\d{1,18}")) {
            return OptionalLong.of(node.asLong());
        }
        throw new UnexpectedResponseException(
                where(page) + " has '" + field + "' = " + excerpt(node) + " where a whole number was expected");
    }

    static String optionalText(Page page, String field) {
        JsonNode node = page.body().at(Json.pointer(field));
        if (node.isMissingNode() || node.isNull()) {
            return null;
        }
        if (!node.isValueNode()) {
            throw new UnexpectedResponseException(
                    where(page) + " has '" + field + "' = " + excerpt(node) + " where a string was expected");
        }
        String text = node.asText();
        return text.isEmpty() ? null : text;
    }

    static long queryLong(Page page, String parameter, long fallback) {
        String value = page.request().queryParameter(parameter);
        if (value == null) {
            return fallback;
        }
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(
                    "Query parameter '" + parameter + "' of the listing must be a whole number but is '" + value + "'");
        }
    }

    static String where(Page page) {
        return "Page " + page.number() + " of " + page.request().method() + " "
                + page.response().safeUrl();
    }

    static String excerpt(JsonNode node) {
        String text = node.toString();
        return text.length() > 80 ? text.substring(0, 80) + "..." : text;
    }
}
