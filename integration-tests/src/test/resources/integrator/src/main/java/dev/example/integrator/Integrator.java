package dev.example.integrator;

import com.sun.net.httpserver.HttpServer;
import dev.example.orion.ApiClient;
import dev.example.orion.ApiResponse;
import dev.example.orion.api.OrdersApi;
import dev.example.orion.api.OrdersApi.APICreateOrderRequest;
import dev.example.orion.api.ProductsApi;
import dev.example.orion.api.ProductsApi.APIListProductsRequest;
import dev.example.orion.api.WebhookEndpointsApi;
import dev.example.orion.api.WebhookEndpointsApi.APICreateWebhookEndpointRequest;
import dev.example.orion.model.CustomerBody;
import dev.example.orion.model.EndpointBody;
import dev.example.orion.model.LineBody;
import dev.example.orion.model.OrderBody;
import dev.example.orion.model.OrderJson;
import dev.example.orion.model.ProductJson;
import dev.example.orion.model.WebhookEndpointWithSecret;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What a B2B integrator writes against the Java client generated from Orion's live /openapi (OpenApiContractIT
 * builds this project with Maven, where openapi-generator's plugin generates the client and it compiles with this
 * class, then runs {@link #main} against the server). Only generated types are
 * used: if an operation id, tag, parameter or schema changes, this stops compiling. Webhooks as an integrator
 * receives them: an endpoint created through the client (its answer carries the signing secret, this once), a
 * receiver of its own (the JDK's HTTP server) that the order's {@code order.created} is delivered to, and the check
 * of docs/webhooks.md ({@code OrionSignature.verify}: the test compiles the documentation's snippet as it is).
 * In: base_url, token, sku, idempotency_key, webhook_host. Out: what it saw, for the test to check.
 */
public final class Integrator implements Function<Map<String, String>, Map<String, String>> {

    /** One delivery as it arrived: the signature header and the raw body. */
    record Delivery(String signature, String eventType, byte[] body) {
    }

    /**
     * Run as its own process: the arguments are {@code key=value} inputs plus {@code out=<file>}, where what it saw
     * is written as a properties file (bodies and headers kept exact, whatever characters they hold).
     */
    public static void main(String[] args) throws IOException {
        Map<String, String> in = new LinkedHashMap<>();
        for (String arg : args) {
            in.put(arg.substring(0, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
        }
        var seen = new Properties();
        seen.putAll(new Integrator().apply(in));
        try (var out = Files.newOutputStream(Path.of(in.get("out")))) {
            seen.store(out, "what the integrator saw");
        }
    }

    @Override
    public Map<String, String> apply(Map<String, String> in) {
        ApiClient client = new ApiClient();
        client.updateBaseUri(in.get("base_url"));
        client.setRequestInterceptor(request -> request.header("Authorization", "Bearer " + in.get("token")));
        var products = new ProductsApi(client);
        var orders = new OrdersApi(client);
        var webhooks = new WebhookEndpointsApi(client);
        Map<String, String> out = new LinkedHashMap<>();
        CompletableFuture<Delivery> delivered = new CompletableFuture<>();
        HttpServer receiver = receiver(in.get("webhook_host"), delivered);
        try {
            String url = "http://" + in.get("webhook_host") + ":" + receiver.getAddress().getPort() + "/orion-events";
            WebhookEndpointWithSecret endpoint = webhooks.createWebhookEndpoint(APICreateWebhookEndpointRequest.newBuilder()
                    .endpointBody(new EndpointBody().url(url).eventTypes(List.of("order.created"))).build());
            String secret = endpoint.getSecret();
            out.put("webhook_secret", secret);

            List<ProductJson> page = products.listProducts(APIListProductsRequest.newBuilder().limit(50).build()).getData();
            out.put("skus", page.stream().map(ProductJson::getSku).collect(Collectors.joining(",")));

            OrderBody order = new OrderBody()
                    .customer(new CustomerBody().email("buyer@example.com").name("Grace Buyer"))
                    .currency("EUR")
                    .lines(List.of(new LineBody().sku(in.get("sku")).quantity(2)));
            var request = APICreateOrderRequest.newBuilder().orderBody(order).idempotencyKey(in.get("idempotency_key")).build();
            ApiResponse<OrderJson> placed = orders.createOrderWithHttpInfo(request);
            out.put("status", Integer.toString(placed.getStatusCode()));
            out.put("order_id", placed.getData().getId().toString());
            out.put("order_status", placed.getData().getStatus());
            out.put("total", placed.getData().getTotal());

            // a retry after a lost response: the same key replays the first order instead of placing a second
            ApiResponse<OrderJson> retried = orders.createOrderWithHttpInfo(request);
            out.put("retry_order_id", retried.getData().getId().toString());
            out.put("retry_replayed", String.join(",", retried.getHeaders().getOrDefault("idempotent-replayed", List.of())));

            // the order's event, pushed to the receiver, checked as docs/webhooks.md tells a receiver to
            Delivery delivery = delivered.get(60, TimeUnit.SECONDS);
            out.put("webhook_event_type", delivery.eventType());
            out.put("webhook_signature", delivery.signature());
            out.put("webhook_body", new String(delivery.body(), StandardCharsets.UTF_8));
            out.put("webhook_order_id", client.getObjectMapper().readTree(delivery.body()).at("/data/order/id").asText());
            long now = Instant.now().getEpochSecond();
            long signedAt = Long.parseLong(delivery.signature().replaceAll("^t=(\\d+),.*$", "$1"));
            out.put("signature_valid", Boolean.toString(OrionSignature.verify(secret, delivery.signature(), delivery.body(), now)));
            // the same request replayed by someone who captured it, 5 minutes and 1 second later
            out.put("replay_accepted", Boolean.toString(OrionSignature.verify(secret, delivery.signature(), delivery.body(), signedAt + 301)));
            byte[] tampered = new String(delivery.body(), StandardCharsets.UTF_8).replace("\"PENDING\"", "\"CANCELLED\"")
                    .getBytes(StandardCharsets.UTF_8);
            out.put("tampered_accepted", Boolean.toString(OrionSignature.verify(secret, delivery.signature(), tampered, now)));
            out.put("other_secret_accepted", Boolean.toString(OrionSignature.verify(secret + "x", delivery.signature(), delivery.body(), now)));
        } catch (dev.example.orion.ApiException e) {
            out.put("error", e.getCode() + " " + e.getResponseBody());
        } catch (Exception e) {
            out.put("error", e.toString());
        } finally {
            receiver.stop(0);
        }
        return out;
    }

    /** The integrator's webhook endpoint: keeps the first delivery and answers 204. */
    private static HttpServer receiver(String host, CompletableFuture<Delivery> delivered) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(host, 0), 0);
            server.createContext("/orion-events", exchange -> {
                var headers = exchange.getRequestHeaders();
                delivered.complete(new Delivery(headers.getFirst("Orion-Signature"), headers.getFirst("Orion-Event-Type"),
                        exchange.getRequestBody().readAllBytes()));
                exchange.sendResponseHeaders(204, -1);
                exchange.close();
            });
            server.start();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
