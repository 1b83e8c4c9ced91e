package dev.orion.operations.rest;

import dev.orion.platform.flags.FeatureFlagSettings;
import dev.orion.platform.flags.FlagState;
import dev.orion.platform.rest.ApiCaller;
import dev.orion.vendors.application.VendorDirectory;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Feature flags for platform clients (vendor clients get 403): each flag the capabilities declare, its platform value
 * and the vendors' overrides; set or clear either. Each change is audited ({@code flag.set}, {@code flag.clear})
 * and served by every server within {@code ORION_FLAGS_CACHE_SECONDS}. See docs/flags.md.
 */
@Path("flags")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("platform")
@SecurityRequirement(name = "bearer")
@Tag(name = "feature-flags")
public class FeatureFlagsResource {

    @Inject
    FeatureFlagSettings settings;

    @Inject
    VendorDirectory vendors;

    @Inject
    ApiCaller caller;

    @Schema(name = "FeatureFlagValue")
    public record FlagValue(@NotNull Boolean enabled) {
    }

    @Schema(name = "FeatureFlagVendorOverride")
    public record VendorOverride(long vendorId, boolean enabled, Instant updatedAt, String updatedBy) {
    }

    /** A flag: {@code platform} null means nobody set it and {@code on_by_default} applies; {@code platform_on} is the outcome. */
    @Schema(name = "FeatureFlag")
    public record FlagJson(String name, String description, boolean onByDefault, Boolean platform, boolean platformOn,
                           Instant updatedAt, String updatedBy, List<VendorOverride> vendors) {

        static FlagJson of(FlagState state) {
            return new FlagJson(state.name(), state.description(), state.onByDefault(), state.platform(), state.platformOn(),
                    state.platformUpdatedAt(), state.platformUpdatedBy(), state.vendors().stream()
                    .map(v -> new VendorOverride(v.vendorId(), v.enabled(), v.updatedAt(), v.updatedBy())).toList());
        }
    }

    @Schema(name = "FeatureFlagList")
    public record FlagList(List<FlagJson> data) {
    }

    @GET
    @Operation(operationId = "listFeatureFlags", summary = "List the feature flags")
    public FlagList list() {
        return new FlagList(settings.list().stream().map(FlagJson::of).toList());
    }

    @GET
    @Path("{name}")
    @Operation(operationId = "getFeatureFlag", summary = "Get a feature flag")
    public FlagJson get(@PathParam("name") String name) {
        return FlagJson.of(settings.get(name));
    }

    /** Sets the platform value: on or off for every vendor without an override. */
    @PUT
    @Path("{name}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "setFeatureFlag", summary = "Switch a feature flag on or off for the platform")
    public FlagJson setPlatform(@PathParam("name") String name, @Valid @NotNull FlagValue body) {
        return FlagJson.of(settings.set(name, null, body.enabled(), caller.actor()));
    }

    /** Forgets the platform value: the flag's default applies again. */
    @DELETE
    @Path("{name}")
    @Operation(operationId = "clearFeatureFlag", summary = "Clear a feature flag's platform setting")
    public FlagJson clearPlatform(@PathParam("name") String name) {
        return FlagJson.of(settings.clear(name, null, caller.actor()));
    }

    /** Sets one vendor's override, which beats the platform value. */
    @PUT
    @Path("{name}/vendors/{vendorId}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "setVendorFeatureFlag", summary = "Switch a feature flag on or off for one vendor")
    public FlagJson setVendor(@PathParam("name") String name, @PathParam("vendorId") long vendorId, @Valid @NotNull FlagValue body) {
        return FlagJson.of(settings.set(name, existing(vendorId), body.enabled(), caller.actor()));
    }

    /** Removes one vendor's override: the platform value applies to it again. */
    @DELETE
    @Path("{name}/vendors/{vendorId}")
    @Operation(operationId = "clearVendorFeatureFlag", summary = "Clear a feature flag's setting for one vendor")
    public FlagJson clearVendor(@PathParam("name") String name, @PathParam("vendorId") long vendorId) {
        return FlagJson.of(settings.clear(name, existing(vendorId), caller.actor()));
    }

    private long existing(long vendorId) {
        return vendors.find(vendorId).map(v -> vendorId).orElseThrow(NotFoundException::new);
    }
}
