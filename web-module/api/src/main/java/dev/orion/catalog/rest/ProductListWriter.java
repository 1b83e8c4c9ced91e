package dev.orion.catalog.rest;

import dev.orion.catalog.rest.ProductsResource.ProductList;
import jakarta.json.Json;
import jakarta.json.stream.JsonGenerator;
import jakarta.json.stream.JsonGeneratorFactory;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.MessageBodyWriter;
import jakarta.ws.rs.ext.Provider;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/**
 * Writes a page of products ({@code GET /products}, the API's busiest answer) with the JSON-P streaming API, straight
 * to the response, instead of through JSON-B. Yasson spent more of a page's time than the query: it reflects over
 * every record, hashes each one whole to guard against cycles (a product's description included), and RESTEasy's
 * JSON-B provider builds the whole body as a String before encoding it. The document is the one JSON-B writes for
 * {@link ProductList} under {@code JsonConfig} (snake_case names, null members left out, dates as JSON-B's default
 * {@code ISO_OFFSET_DATE_TIME}, written by {@link IsoOffsetDateTime}); {@code ProductListWriterTest} compares the two.
 */
@Provider
@Produces(MediaType.APPLICATION_JSON)
public class ProductListWriter implements MessageBodyWriter<ProductList> {

    private static final JsonGeneratorFactory GENERATORS = Json.createGeneratorFactory(Map.of());

    @Override
    public boolean isWriteable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
        return type == ProductList.class;
    }

    @Override
    public void writeTo(ProductList list, Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType,
                        MultivaluedMap<String, Object> headers, OutputStream entityStream) throws IOException {
        try (JsonGenerator json = GENERATORS.createGenerator(new Unclosed(entityStream), StandardCharsets.UTF_8)) {
            write(list, json);
        }
    }

    static void write(ProductList list, JsonGenerator json) {
        json.writeStartObject().writeStartArray("data");
        for (ProductJson product : list.data()) {
            write(product, json);
        }
        json.writeEnd().write("has_more", list.hasMore());
        optional(json, "next_cursor", list.nextCursor());
        json.writeEnd();
    }

    private static void write(ProductJson p, JsonGenerator json) {
        json.writeStartObject();
        optional(json, "sku", p.sku());
        optional(json, "gtin", p.gtin());
        optional(json, "title", p.title());
        optional(json, "description", p.description());
        optional(json, "brand", p.brand());
        optional(json, "price", p.price());
        optional(json, "currency", p.currency());
        json.write("stock", p.stock());
        optional(json, "availability", p.availability());
        images(json, p.imageLinks());
        optional(json, "created_at", p.createdAt());
        optional(json, "updated_at", p.updatedAt());
        json.writeEnd();
    }

    private static void images(JsonGenerator json, List<String> links) {
        if (links == null) {
            return;
        }
        json.writeStartArray("image_links");
        for (String link : links) {
            if (link == null) {
                json.writeNull(); // JSON-B keeps a null inside an array
            } else {
                json.write(link);
            }
        }
        json.writeEnd();
    }

    private static void optional(JsonGenerator json, String name, String value) {
        if (value != null) {
            json.write(name, value);
        }
    }

    private static void optional(JsonGenerator json, String name, OffsetDateTime value) {
        if (value != null) {
            json.write(name, IsoOffsetDateTime.format(value));
        }
    }

    /**
     * The container closes (and flushes) the response stream itself: closing the generator writes what it holds into
     * the stream and leaves it open, so the last bytes go out with the end of the response, not in a write of their own.
     */
    private static final class Unclosed extends FilterOutputStream {

        Unclosed(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            out.write(bytes, offset, length);
        }

        @Override
        public void close() {
        }
    }
}
