package dev.sluice.toolkit.auth;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sluice.toolkit.http.ApiResponse;
import dev.sluice.toolkit.http.Json;
import dev.sluice.toolkit.http.UnexpectedResponseException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/** Reads a token and its expiry from a login or token endpoint's JSON answer. */
final class TokenResponse {

    private TokenResponse() {}

    static String requireText(ApiResponse response, String field, String what) {
        JsonNode node = response.json().at(Json.pointer(field));
        if (!node.isTextual() || node.asText().isEmpty()) {
            throw new UnexpectedResponseException(response.request().method() + " " + response.safeUrl()
                    + " answered without " + what + " at '" + field + "' (expected a non-empty string"
                    + "; fields present: " + fieldNames(response.json()) + ")");
        }
        return node.asText();
    }

    static String optionalText(ApiResponse response, String field) {
        JsonNode node = response.json().at(Json.pointer(field));
        return node.isTextual() && !node.asText().isEmpty() ? node.asText() : null;
    }

    static Instant expiry(ApiResponse response, String expiresInField, String expiresAtField, Instant now) {
        JsonNode expiresIn = response.json().at(Json.pointer(expiresInField));
        if (expiresIn.isNumber() || expiresIn.isTextual() && expiresIn.asText().matches("\\d+")) {
            return now.plusSeconds(expiresIn.asLong());
        }
        JsonNode expiresAt = expiresAtField == null ? null : response.json().at(Json.pointer(expiresAtField));
        if (expiresAt != null && expiresAt.isNumber()) {
            return Instant.ofEpochSecond(expiresAt.asLong());
        }
        if (expiresAt != null && expiresAt.isTextual()) {
            try {
                return OffsetDateTime.parse(expiresAt.asText()).toInstant();
            } catch (DateTimeParseException e) {
                throw new UnexpectedResponseException(response.safeUrl() + " answered an expiry '" + expiresAt.asText()
                        + "' at '" + expiresAtField + "' that is not an ISO-8601 date-time");
            }
        }
        return null;
    }

    private static String fieldNames(JsonNode json) {
        StringBuilder names = new StringBuilder();
        json.fieldNames()
                .forEachRemaining(
                        name -> names.append(names.length() == 0 ? "" : ", ").append(name));
        return names.length() == 0 ? "none" : names.toString();
    }
}
