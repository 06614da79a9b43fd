package dev.sluice.playground.data;

import java.util.List;
import java.util.Random;
import java.util.UUID;

/**
 * Makes the fake values of the playground's data from a seeded random source: names, e-mail
 * addresses, addresses, jobs, companies, ids and numbers. Not thread-safe.
 */
final class FakeValues {

    private static final List<String> FIRST = List.of(
            "Ada",
            "Alan",
            "Grace",
            "Linus",
            "Margaret",
            "Dennis",
            "Barbara",
            "Ken",
            "Frances",
            "Edsger",
            "Radia",
            "Tim",
            "Katherine",
            "John",
            "Hedy",
            "Donald",
            "Sophie",
            "Niklaus",
            "Anita",
            "Guido",
            "Joan",
            "Bjarne",
            "Shafi",
            "James",
            "Lynn",
            "Ward",
            "Mary",
            "Brian",
            "Jean",
            "Leslie");
    private static final List<String> LAST = List.of(
            "Lovelace",
            "Turing",
            "Hopper",
            "Torvalds",
            "Hamilton",
            "Ritchie",
            "Liskov",
            "Thompson",
            "Allen",
            "Dijkstra",
            "Perlman",
            "Berners-Lee",
            "Johnson",
            "McCarthy",
            "Lamarr",
            "Knuth",
            "Wilson",
            "Wirth",
            "Borg",
            "van Rossum",
            "Clarke",
            "Stroustrup",
            "Goldwasser",
            "Gosling",
            "Conway",
            "Cunningham",
            "Shaw",
            "Kernighan",
            "Sammet",
            "O'Neil");
    private static final List<String> STREETS = List.of(
            "Main St",
            "Oak Ave",
            "Elm Rd",
            "Harbour Way",
            "Mill Lane",
            "Station Rd",
            "Park Blvd",
            "River Walk",
            "Church St",
            "Market Sq");
    private static final List<String> CITIES = List.of(
            "Springfield",
            "Riverton",
            "Lakeside",
            "Fairview",
            "Greenville",
            "Bristol",
            "Portland",
            "Madison",
            "Salem",
            "Franklin");
    private static final List<String> JOBS = List.of(
            "Software Engineer",
            "Engineer, Data",
            "Product Manager",
            "Designer",
            "Analyst, Finance",
            "Account Executive",
            "Support Specialist",
            "Recruiter",
            "Site Reliability Engineer",
            "Director, \"Special\" Projects",
            "Marketing Lead",
            "Accountant");
    private static final List<String> COMPANY_WORDS = List.of(
            "Acme",
            "Globex",
            "Initech",
            "Umbrella",
            "Hooli",
            "Vandelay",
            "Stark",
            "Wayne",
            "Tyrell",
            "Cyberdyne",
            "Soylent",
            "Wonka",
            "Aperture",
            "Oscorp",
            "Massive",
            "Pied Piper",
            "Gringotts",
            "Monarch",
            "Nakatomi",
            "Dunder");
    private static final List<String> COMPANY_SUFFIXES = List.of("Inc", "LLC", "Ltd", "Group", "Labs", "Systems");
    private static final List<String> INDUSTRIES =
            List.of("Software", "Retail", "Finance", "Healthcare", "Manufacturing", "Logistics", "Media", "Energy");
    private static final List<String> DEPARTMENTS =
            List.of("Engineering", "Sales", "Marketing", "Finance", "Support", "People", "Legal", "Operations");

    private final Random random;

    FakeValues(Random random) {
        this.random = random;
    }

    String uuid() {
        long high = (random.nextLong() & ~0xF000L) | 0x4000L;
        long low = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(high, low).toString();
    }

    String firstName() {
        return pick(FIRST);
    }

    String lastName() {
        return pick(LAST);
    }

    String email(String first, String last, int serial) {
        String local = (first + "." + last).toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z.]", "");
        return local + serial + "@example.com";
    }

    String address() {
        return (1 + random.nextInt(999)) + " " + pick(STREETS) + ", " + pick(CITIES) + ", "
                + (10000 + random.nextInt(89999));
    }

    String job() {
        return pick(JOBS);
    }

    String companyName(int index) {
        String word = COMPANY_WORDS.get(index % COMPANY_WORDS.size());
        int round = index / COMPANY_WORDS.size();
        return word + (round == 0 ? "" : " " + (round + 1)) + " " + pick(COMPANY_SUFFIXES);
    }

    String industry() {
        return pick(INDUSTRIES);
    }

    /** @return {@code count} distinct department names */
    List<String> departmentNames(int count) {
        List<String> names = new java.util.ArrayList<>(DEPARTMENTS);
        java.util.Collections.shuffle(names, random);
        return List.copyOf(names.subList(0, Math.min(count, names.size())));
    }

    int between(int min, int max) {
        return min + random.nextInt(max - min + 1);
    }

    long below(long bound) {
        return Math.floorMod(random.nextLong(), bound);
    }

    private <T> T pick(List<T> values) {
        return values.get(random.nextInt(values.size()));
    }
}
