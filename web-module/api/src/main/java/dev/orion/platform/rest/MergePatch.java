package dev.orion.platform.rest;

import jakarta.json.JsonObject;

/** An RFC 7396 JSON Merge Patch document, as read by {@link MergePatchReader}. */
public record MergePatch(JsonObject document) {

    public static final String MEDIA_TYPE = "application/merge-patch+json";
}
