package dev.orion.platform.audit;

/** Who acts: an API client, a console user or the system itself, and from which address. */
public record Actor(String name, String type, String ip) {

    public static Actor system(String task) {
        return new Actor(task, "system", null);
    }
}
