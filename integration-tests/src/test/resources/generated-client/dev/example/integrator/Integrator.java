package dev.example.integrator;

import dev.example.orion.ApiClient;
import dev.example.orion.ApiResponse;
import dev.example.orion.api.OrdersApi;
import dev.example.orion.api.OrdersApi.APICreateOrderRequest;
import dev.example.orion.api.ProductsApi;
import dev.example.orion.api.ProductsApi.APIListProductsRequest;
import dev.example.orion.model.CustomerBody;
import dev.example.orion.model.LineBody;
import dev.example.orion.model.OrderBody;
import dev.example.orion.model.OrderJson;
import dev.example.orion.model.ProductJson;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What a B2B integrator writes against the Java client generated from Orion's live /openapi (OpenApiContractIT
 * generates the client, compiles it with this class and runs it against the server). Only generated types are
 * used: if an operation id, tag, parameter or schema changes, this stops compiling.
 * In: base_url, token, sku, idempotency_key. Out: what it saw, for the test to check.
 */
public final class Integrator implements Function<Map<String, String>, Map<String, String>> {

    @Override
    public Map<String, String> apply(Map<String, String> in) {
        ApiClient client = new ApiClient();
        client.updateBaseUri(in.get("base_url"));
        client.setRequestInterceptor(request -> request.header("Authorization", "Bearer " + in.get("token")));
        var products = new ProductsApi(client);
        var orders = new OrdersApi(client);
        Map<String, String> out = new LinkedHashMap<>();
        try {
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
        } catch (dev.example.orion.ApiException e) {
            out.put("error", e.getCode() + " " + e.getResponseBody());
        }
        return out;
    }
}
