package dev.sluice.examples.quickstart;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A customer of the emulated shop.
 *
 * @param id the customer's id
 * @param name full name
 * @param email email address
 * @param country ISO country code
 * @param tier loyalty tier: bronze, silver or gold
 * @param marketingOptIn whether the customer accepts marketing email
 * @param lifetimeValue money spent so far, in EUR
 * @param birthDate date of birth, or null when the customer did not give it
 * @param address street, city and postcode
 * @param createdAt when the customer signed up
 * @param updatedAt when the record last changed
 */
record Customer(
        long id,
        String name,
        String email,
        String country,
        String tier,
        boolean marketingOptIn,
        BigDecimal lifetimeValue,
        LocalDate birthDate,
        Map<String, String> address,
        Instant createdAt,
        Instant updatedAt) {

    Customer withChanges(String newTier, boolean newMarketingOptIn, BigDecimal newLifetimeValue, Instant at) {
        return new Customer(
                id,
                name,
                email,
                country,
                newTier,
                newMarketingOptIn,
                newLifetimeValue,
                birthDate,
                address,
                createdAt,
                at);
    }

    /** @return the customer as the shop's API returns it (camelCase field names) */
    Map<String, Object> toApiRecord() {
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("id", id);
        record.put("name", name);
        record.put("email", email);
        record.put("country", country);
        record.put("tier", tier);
        record.put("marketingOptIn", marketingOptIn);
        record.put("lifetimeValue", lifetimeValue);
        record.put("birthDate", birthDate);
        record.put("address", address);
        record.put("createdAt", createdAt);
        record.put("updatedAt", updatedAt);
        return record;
    }
}
