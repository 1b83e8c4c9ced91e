package dev.orion.demo;

import dev.orion.billing.domain.Subscription;
import dev.orion.catalog.domain.Availability;
import dev.orion.platform.domain.Money;
import dev.orion.catalog.domain.Product;
import dev.orion.identity.application.PasswordHasher;
import dev.orion.identity.domain.ApiClient;
import dev.orion.identity.domain.ConsoleUser;
import dev.orion.identity.domain.Role;
import dev.orion.orders.domain.Customer;
import dev.orion.orders.domain.Order;
import dev.orion.orders.domain.OrderStatus;
import dev.orion.vendors.domain.Vendor;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The demo world: a platform admin, two vendors with a few hundred products and orders each, a console
 * user and an API client per vendor, and a platform API client. Seeded, so every machine gets the same data.
 * The credentials are documented in the README and printed by the run command.
 */
@Dependent
public class DemoCatalogue {

    static final String ADMIN_EMAIL = "admin@orion.local";
    static final String ADMIN_PASSWORD = "orion-admin";
    private static final int PRODUCTS_PER_VENDOR = 300;
    private static final int ORDERS_PER_VENDOR = 250;
    private static final String[] BRANDS = {"Alder", "Birch", "Cedar", "Dune", "Elm", "Fjord"};
    private static final String[] NOUNS = {"Backpack", "Lantern", "Mug", "Blanket", "Jacket", "Kettle", "Tent", "Scarf"};
    private static final String[] ADJECTIVES = {"Classic", "Compact", "Deluxe", "Light", "Rugged", "Travel"};

    @PersistenceContext
    EntityManager em;

    @Inject
    PasswordHasher hasher;

    @Transactional
    public void create() {
        var random = new Random(20261123L);
        em.persist(new ConsoleUser(ADMIN_EMAIL, "Platform Admin", hasher.hash(ADMIN_PASSWORD), Role.ADMIN, null));
        em.persist(new ConsoleUser("staff@orion.local", "Support Staff", hasher.hash("orion-staff"), Role.STAFF, null));
        em.persist(new ApiClient("platform-api", "Platform integration", hasher.hash("platform-secret"), ApiClient.ROLE_PLATFORM, null));
        vendor(random, "northwind", "Northwind Outfitters", "EUR");
        vendor(random, "acme", "Acme Home", "USD");
    }

    private void vendor(Random random, String code, String name, String currency) {
        var vendor = new Vendor(code, name);
        em.persist(vendor);
        em.flush();
        long id = vendor.getId();
        em.persist(new ConsoleUser("vendor@" + code + ".local", name + " manager", hasher.hash("orion-vendor"), Role.VENDOR, id));
        em.persist(new ApiClient(code + "-api", name + " ERP", hasher.hash(code + "-secret"), ApiClient.ROLE_VENDOR, id));
        em.persist(new Subscription(id, Subscription.Plan.GROWTH, Subscription.Period.MONTHLY, new BigDecimal("49.00"),
                currency, LocalDate.now().withDayOfMonth(1)));
        List<Product> products = products(random, id, code, currency);
        orders(random, id, code, currency, products);
    }

    private List<Product> products(Random random, long vendorId, String code, String currency) {
        List<Product> products = new ArrayList<>();
        for (int i = 1; i <= PRODUCTS_PER_VENDOR; i++) {
            String title = pick(random, ADJECTIVES) + " " + pick(random, NOUNS) + " " + i;
            var price = new Money(BigDecimal.valueOf(500 + random.nextInt(20_000), 2), currency);
            var product = new Product(vendorId, code.toUpperCase() + "-" + String.format("%05d", i), title, price);
            product.describe("A " + title.toLowerCase() + " from the demo catalogue.", pick(random, BRANDS), null);
            product.adjustStock(random.nextInt(10) == 0 ? 0 : 5 + random.nextInt(200));
            product.markAvailability(product.getStock() == 0 ? Availability.OUT_OF_STOCK : Availability.IN_STOCK);
            product.replaceImages(List.of("https://img.orion.local/" + code + "/" + i + ".jpg"));
            em.persist(product);
            products.add(product);
        }
        em.flush();
        return products;
    }

    private void orders(Random random, long vendorId, String code, String currency, List<Product> products) {
        List<Customer> customers = new ArrayList<>();
        for (int i = 1; i <= 80; i++) {
            var customer = new Customer(vendorId, "customer" + i + "@" + code + ".example", "Customer " + i,
                    i % 3 == 0 ? "fr" : i % 5 == 0 ? "de" : "en");
            em.persist(customer);
            customers.add(customer);
        }
        OrderStatus[][] paths = {
                {}, {OrderStatus.CONFIRMED}, {OrderStatus.CONFIRMED, OrderStatus.SHIPPED},
                {OrderStatus.CONFIRMED, OrderStatus.SHIPPED, OrderStatus.DELIVERED}, {OrderStatus.CANCELLED}};
        for (int i = 1; i <= ORDERS_PER_VENDOR; i++) {
            var order = new Order(customers.get(random.nextInt(customers.size())), currency, code + "-ext-" + i);
            int lines = 1 + random.nextInt(3);
            for (int l = 0; l < lines; l++) {
                Product p = products.get(random.nextInt(products.size()));
                order.addLine(p.getId(), p.getSku(), p.getTitle(), 1 + random.nextInt(3), p.getPrice());
            }
            for (OrderStatus step : paths[random.nextInt(paths.length)]) {
                order.moveTo(step, step == OrderStatus.SHIPPED ? "TRK" + (100000 + i) : null);
            }
            em.persist(order);
        }
    }

    private static String pick(Random random, String[] values) {
        return values[random.nextInt(values.length)];
    }
}
