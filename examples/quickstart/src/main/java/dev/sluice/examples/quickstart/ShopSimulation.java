package dev.sluice.examples.quickstart;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

/**
 * The emulated shop's life, day by day, recorded as two change feeds: {@code customers} and
 * {@code orders}. Everything follows from the seed and the initial number of customers, so the
 * same day always shows the same data.
 *
 * <p>Day 0 is the history: the initial customers and three orders each. Every later day, about
 * 2% new customers sign up, 2.5% change (tier, opt-in, lifetime value), 0.5% are deleted, 10%
 * place an order, and each open order moves to its next status with even odds.
 */
final class ShopSimulation {

    private final long seed;
    private final int initialCustomers;
    private final List<Change> customerFeed = new ArrayList<>();
    private final List<Change> orderFeed = new ArrayList<>();
    private final TreeMap<Long, Customer> customers = new TreeMap<>();
    private final TreeMap<Long, Order> openOrders = new TreeMap<>();
    private long lastCustomerId;
    private long lastOrderId;
    private long simulatedThrough = -1;
    private FakeData fake;

    ShopSimulation(long seed, int initialCustomers) {
        this.seed = seed;
        this.initialCustomers = initialCustomers;
    }

    /**
     * @param resource {@code customers} or {@code orders}
     * @param day the last day to include
     * @return the resource's changes from the start through that day, oldest first
     */
    List<Change> feed(String resource, long day) {
        while (simulatedThrough < day) {
            simulate(++simulatedThrough);
        }
        return switch (resource) {
            case "customers" -> customerFeed;
            case "orders" -> orderFeed;
            default -> throw new IllegalArgumentException("The shop has no resource '" + resource + "'");
        };
    }

    private void simulate(long day) {
        Random random = new Random(seed * 1_000_003L + day);
        fake = new FakeData(random);
        if (day == 0) {
            simulateHistory(random);
        } else {
            simulateCustomers(day, random);
            simulateOrders(day, random);
        }
    }

    private void simulateHistory(Random random) {
        Timeline signUps = new Timeline(random, ShopClock.startOf(0), ShopClock.endOf(0), initialCustomers);
        for (int i = 0; i < initialCustomers; i++) {
            signUp(signUps.next(), fake.money(2000));
        }
        int orders = 3 * initialCustomers;
        Instant since = ShopClock.HISTORY_END.minus(Duration.ofDays(90));
        Timeline updates = new Timeline(random, since, ShopClock.HISTORY_END, orders);
        for (int i = 0; i < orders; i++) {
            placeHistoricOrder(updates.next());
        }
    }

    private void simulateCustomers(long day, Random random) {
        int signUps = Math.max(1, initialCustomers / 50);
        int changes = Math.max(1, initialCustomers / 40);
        int deletions = Math.max(1, initialCustomers / 200);
        Timeline times =
                new Timeline(random, ShopClock.startOf(day), ShopClock.endOf(day), signUps + changes + deletions);
        for (int i = 0; i < signUps; i++) {
            signUp(times.next(), BigDecimal.ZERO.setScale(2));
        }
        for (int i = 0; i < changes; i++) {
            changeCustomer(randomCustomer(), times.next());
        }
        for (int i = 0; i < deletions; i++) {
            deleteCustomer(randomCustomer(), times.next());
        }
    }

    private void simulateOrders(long day, Random random) {
        List<Order> moving = new ArrayList<>();
        for (Order order : openOrders.values()) {
            if (random.nextBoolean()) {
                moving.add(order);
            }
        }
        int placed = Math.max(1, initialCustomers / 10);
        Timeline times = new Timeline(random, ShopClock.startOf(day), ShopClock.endOf(day), moving.size() + placed);
        for (Order order : moving) {
            advance(order, times.next());
        }
        for (int i = 0; i < placed; i++) {
            Instant at = times.next();
            publish(
                    orderFeed,
                    Change.Kind.SAVED,
                    at,
                    openOrder(new Order(
                                    ++lastOrderId,
                                    randomCustomer().id(),
                                    "pending",
                                    fake.items(),
                                    fake.tags(),
                                    dateOf(at),
                                    null,
                                    at))
                            .toApiRecord());
        }
    }

    private void signUp(Instant at, BigDecimal lifetimeValue) {
        long id = ++lastCustomerId;
        String name = fake.name();
        String country = fake.country();
        Customer customer = new Customer(
                id,
                name,
                FakeData.email(name, id),
                country,
                fake.tier(),
                fake.marketingOptIn(),
                lifetimeValue,
                fake.birthDateOrNull(),
                fake.address(country),
                at,
                at);
        customers.put(id, customer);
        publish(customerFeed, Change.Kind.SAVED, at, customer.toApiRecord());
    }

    private void changeCustomer(Customer customer, Instant at) {
        Customer changed = customer.withChanges(
                fake.tier(),
                !customer.marketingOptIn(),
                customer.lifetimeValue().add(fake.money(300)),
                at);
        customers.put(changed.id(), changed);
        publish(customerFeed, Change.Kind.SAVED, at, changed.toApiRecord());
    }

    private void deleteCustomer(Customer customer, Instant at) {
        customers.remove(customer.id());
        publish(customerFeed, Change.Kind.DELETED, at, Map.of("id", customer.id()));
    }

    /** An order of the history: its status follows from how long ago it last changed. */
    private void placeHistoricOrder(Instant updatedAt) {
        long ageDays = Duration.between(updatedAt, ShopClock.HISTORY_END).toDays();
        String status = ageDays > 3 ? "delivered" : fake.pick(Order.STATUSES.subList(0, 3));
        boolean shipped = status.equals("shipped") || status.equals("delivered");
        long customerId = 1L + fake.nextInt(Math.max(1, initialCustomers * 3 / 4));
        Order order = new Order(
                ++lastOrderId,
                customerId,
                status,
                fake.items(),
                fake.tags(),
                dateOf(updatedAt.minus(Duration.ofDays(3))),
                shipped ? updatedAt.minus(Duration.ofDays(1)) : null,
                updatedAt);
        publish(orderFeed, Change.Kind.SAVED, updatedAt, openOrder(order).toApiRecord());
    }

    private void advance(Order order, Instant at) {
        Order next = openOrder(order.advance(at));
        publish(orderFeed, Change.Kind.CHANGED, at, next.statusChange());
    }

    /** Tracks an order while it is not delivered; returns it. */
    private Order openOrder(Order order) {
        if (order.isDelivered()) {
            openOrders.remove(order.id());
        } else {
            openOrders.put(order.id(), order);
        }
        return order;
    }

    private Customer randomCustomer() {
        List<Long> ids = new ArrayList<>(customers.keySet());
        return customers.get(ids.get(fake.nextInt(ids.size())));
    }

    private static void publish(List<Change> feed, Change.Kind kind, Instant at, Map<String, Object> data) {
        feed.add(new Change(kind, at, data));
    }

    private static LocalDate dateOf(Instant instant) {
        return LocalDate.ofInstant(instant, ZoneOffset.UTC);
    }
}
