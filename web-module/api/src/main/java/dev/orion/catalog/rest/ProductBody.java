package dev.orion.catalog.rest;

import dev.orion.catalog.application.ProductUpsert;
import dev.orion.catalog.application.ProductView;
import dev.orion.catalog.domain.Availability;
import dev.orion.platform.domain.Money;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BadRequestException;
import java.math.BigDecimal;
import java.util.List;

/** What a client sends to create or replace a product (PUT), and what a merge patch is applied to. */
@org.eclipse.microprofile.openapi.annotations.media.Schema(example = "{\"title\":\"Enamel mug\",\"description\":\"Blue, 350 ml\",\"brand\":\"Acme\",\"gtin\":\"4006381333931\",\"price\":\"12.50\",\"currency\":\"EUR\",\"stock\":42,\"availability\":\"in_stock\",\"image_links\":[\"https://cdn.example.com/mug-01.jpg\"]}")
public record ProductBody(
        @NotBlank @Size(max = 500) @Pattern(regexp = NO_NUL, message = NUL_MESSAGE) String title,
        @Size(max = 10_000) @Pattern(regexp = NO_NUL, message = NUL_MESSAGE) String description,
        @Size(max = 200) @Pattern(regexp = NO_NUL, message = NUL_MESSAGE) String brand,
        @Pattern(regexp = "\\d{8}|\\d{12,14}", message = "must be 8, 12, 13 or 14 digits") String gtin,
        @NotNull @Pattern(regexp = "\\d{1,12}(\\.\\d{1,2})?", message = "must be a decimal like 12.50") String price,
        @NotNull @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 4217 code like EUR") String currency,
        @PositiveOrZero Integer stock,
        @Pattern(regexp = "in_stock|out_of_stock|preorder|backorder|discontinued",
                message = "must be one of in_stock, out_of_stock, preorder, backorder, discontinued") String availability,
        @Size(max = 20) List<@Pattern(regexp = "https?://\\S+", message = "must be an http(s) URL") String> imageLinks) {

    /** PostgreSQL text cannot hold NUL: refused here rather than failing the write. */
    static final String NO_NUL = "[^\\x00]*";
    static final String NUL_MESSAGE = "must not contain NUL characters";

    ProductUpsert toUpsert(String sku) {
        return new ProductUpsert(sku, title, description, brand, gtin, new Money(new BigDecimal(price), currency), stock,
                availability == null ? null : Availability.fromWire(availability), imageLinks == null ? List.of() : imageLinks);
    }

    /** This body as the JSON object a merge patch applies to (snake_case member names, as on the wire). */
    JsonObject toJson() {
        var json = Json.createObjectBuilder();
        put(json, "title", title);
        put(json, "description", description);
        put(json, "brand", brand);
        put(json, "gtin", gtin);
        put(json, "price", price);
        put(json, "currency", currency);
        if (stock != null) {
            json.add("stock", stock);
        }
        put(json, "availability", availability);
        if (imageLinks != null) {
            json.add("image_links", Json.createArrayBuilder(imageLinks));
        }
        return json.build();
    }

    /** Reads a patched object back; a member of the wrong JSON type is a client error. */
    static ProductBody fromJson(JsonObject json) {
        try {
            return new ProductBody(text(json, "title"), text(json, "description"), text(json, "brand"), text(json, "gtin"),
                    text(json, "price"), text(json, "currency"),
                    json.isNull("stock") || !json.containsKey("stock") ? null : json.getJsonNumber("stock").intValueExact(),
                    text(json, "availability"),
                    !json.containsKey("image_links") || json.isNull("image_links") ? null
                            : json.getJsonArray("image_links").getValuesAs(JsonString.class).stream().map(JsonString::getString).toList());
        } catch (ClassCastException | ArithmeticException e) {
            throw new BadRequestException("A member of the patch has the wrong JSON type");
        }
    }

    private static void put(JsonObjectBuilder json, String name, String value) {
        if (value != null) {
            json.add(name, value);
        }
    }

    private static String text(JsonObject json, String name) {
        return !json.containsKey(name) || json.isNull(name) ? null : json.getString(name);
    }

    static ProductBody of(ProductView p) {
        return new ProductBody(p.title(), p.description(), p.brand(), p.gtin(), p.price().toPlainString(), p.currency(),
                p.stock(), p.availability(), p.imageLinks());
    }
}
