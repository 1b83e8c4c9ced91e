package dev.orion.events.application;

import java.util.List;

/** What an endpoint is created with, or changed to (a null member stays as it is). */
public record EndpointChange(String url, String description, List<String> eventTypes, Boolean enabled) {
}
