package dev.orion.platform.rest;

import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.MessageBodyReader;
import jakarta.ws.rs.ext.Provider;
import java.io.InputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;

/**
 * Reads merge-patch bodies as plain JSON-P objects. JSON-B would otherwise claim every {@code +json} body and
 * lose the difference between a member set to null (clear it) and a member left out (keep it).
 */
@Provider
@Consumes(MergePatch.MEDIA_TYPE)
public class MergePatchReader implements MessageBodyReader<MergePatch> {

    @Override
    public boolean isReadable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
        return type == MergePatch.class;
    }

    @Override
    public MergePatch readFrom(Class<MergePatch> type, Type genericType, Annotation[] annotations, MediaType mediaType,
                               MultivaluedMap<String, String> headers, InputStream body) {
        try (var reader = Json.createReader(body)) {
            return new MergePatch(reader.readObject());
        } catch (JsonException | IllegalStateException e) {
            throw new BadRequestException("The body must be a JSON object (RFC 7396 merge patch)");
        }
    }
}
