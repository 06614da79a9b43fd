package dev.sluice.examples.quickstart;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/** Plausible names, addresses and products, drawn from one seeded {@link Random}. */
final class FakeData {

    private static final List<String> FIRST_NAMES = List.of(
            "Ada",
            "Grace",
            "Alan",
            "Edsger",
            "Barbara",
            "Donald",
            "Margaret",
            "Ken",
            "Frances",
            "Dennis",
            "Radia",
            "Tim",
            "Hedy",
            "Linus",
            "Sophie",
            "Niklaus");
    private static final List<String> LAST_NAMES = List.of(
            "Lovelace",
            "Hopper",
            "Turing",
            "Dijkstra",
            "Liskov",
            "Knuth",
            "Hamilton",
            "Thompson",
            "Allen",
            "Ritchie",
            "Perlman",
            "Berners-Lee",
            "Lamarr",
            "Wilson");
    private static final Map<String, List<String>> CITIES = Map.of(
            "DE", List.of("Berlin", "Hamburg", "Leipzig"),
            "FR", List.of("Paris", "Lyon", "Nantes"),
            "NL", List.of("Amsterdam", "Utrecht"),
            "ES", List.of("Madrid", "Valencia", "Sevilla"),
            "IT", List.of("Milano", "Torino"));
    private static final List<String> COUNTRIES = List.of("DE", "FR", "NL", "ES", "IT");
    private static final List<String> STREETS = List.of("Main Street", "Station Road", "Harbour Lane", "Mill Way");
    private static final List<String> TIERS = List.of("bronze", "bronze", "bronze", "silver", "silver", "gold");
    private static final List<String> TAGS = List.of("gift", "express", "first-order", "newsletter");
    private static final Map<String, BigDecimal> CATALOG = Map.of(
            "MUG-01",
            new BigDecimal("12.50"),
            "TEE-02",
            new BigDecimal("24.00"),
            "CAP-03",
            new BigDecimal("18.90"),
            "BAG-04",
            new BigDecimal("39.95"),
            "PEN-05",
            new BigDecimal("3.20"),
            "BOOK-06",
            new BigDecimal("29.99"));
    private static final List<String> SKUS = CATALOG.keySet().stream().sorted().toList();

    private final Random random;

    FakeData(Random random) {
        this.random = random;
    }

    String name() {
        return pick(FIRST_NAMES) + " " + pick(LAST_NAMES);
    }

    static String email(String name, long id) {
        return name.toLowerCase(Locale.ROOT).replace(' ', '.') + "." + id + "@example.com";
    }

    String country() {
        return pick(COUNTRIES);
    }

    /** @return street, city and postcode, in that order (the order the JSON column shows) */
    Map<String, String> address(String country) {
        Map<String, String> address = new LinkedHashMap<>();
        address.put("street", (1 + random.nextInt(120)) + " " + pick(STREETS));
        address.put("city", pick(CITIES.get(country)));
        address.put("postcode", String.format("%05d", random.nextInt(100_000)));
        return address;
    }

    /** @return a date of birth, or null for the one customer in five who does not say */
    LocalDate birthDateOrNull() {
        return random.nextInt(5) == 0 ? null : LocalDate.of(1950, 1, 1).plusDays(random.nextInt(20_000));
    }

    String tier() {
        return pick(TIERS);
    }

    boolean marketingOptIn() {
        return random.nextBoolean();
    }

    /** @return an amount of EUR between 0 and {@code max}, with cents */
    BigDecimal money(int max) {
        return BigDecimal.valueOf(random.nextInt(max * 100), 2);
    }

    List<Order.Item> items() {
        List<Order.Item> items = new ArrayList<>();
        int count = 1 + random.nextInt(4);
        for (int i = 0; i < count; i++) {
            String sku = pick(SKUS);
            items.add(new Order.Item(sku, 1 + random.nextInt(3), CATALOG.get(sku)));
        }
        return items;
    }

    List<String> tags() {
        List<String> tags = new ArrayList<>();
        for (String tag : TAGS) {
            if (random.nextInt(4) == 0) {
                tags.add(tag);
            }
        }
        return tags;
    }

    int nextInt(int bound) {
        return random.nextInt(bound);
    }

    boolean chance(int oneIn) {
        return random.nextInt(oneIn) == 0;
    }

    <T> T pick(List<T> values) {
        return values.get(random.nextInt(values.size()));
    }
}
