package dev.orion.platform.rest;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.ExternalDocumentation;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Contact;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.info.License;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;
import org.eclipse.microprofile.openapi.annotations.servers.Server;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The B2B API, version 1, under {@code /api/v1}; callers authenticate with JWT bearer tokens (see BearerTokenAuthenticator).
 * Every resource class carries one of the tags declared here (lower-case, plural, kebab-case: a generated client
 * makes one API class per tag), and every operation an {@code operationId} an integrator would write
 * ({@code listProducts}, {@code createOrder}) and a summary; OpenApiContractIT checks both.
 * <p>License, contact and external docs are all given: WildFly's /openapi (the host's merged model) writes each of
 * them as an object even when no deployment sets it, and an empty license or externalDocs makes the document invalid
 * (their name, identifier and url are required). Orion ships under no public licence, hence an SPDX
 * {@code LicenseRef-} for a proprietary one.
 */
@ApplicationPath("v1")
@OpenAPIDefinition(
        info = @Info(title = "Orion B2B API", version = "1",
                description = "Catalogue, stock, orders, imports and reports for vendor systems and partners.",
                contact = @Contact(name = "Orion platform operators"),
                license = @License(name = "Proprietary", identifier = "LicenseRef-Orion-Proprietary")),
        externalDocs = @ExternalDocumentation(description = "Interactive reference (Swagger UI)", url = "/api/docs/"),
        // relative: the API is on the host that served this document (operators may set mp.openapi.servers)
        servers = @Server(url = "/", description = "The Orion server that served this document"),
        tags = {
            @Tag(name = "auth", description = "Access tokens for API clients, and who the caller is"),
            @Tag(name = "vendor", description = "The calling vendor and the settings it changes itself"),
            @Tag(name = "products", description = "The vendor's catalogue"),
            @Tag(name = "stock", description = "Stock adjustments in batches"),
            @Tag(name = "imports", description = "Product feed imports"),
            @Tag(name = "feed-sync", description = "The vendor's scheduled product feed sync"),
            @Tag(name = "events", description = "Events of the caller's business, and their redelivery"),
            @Tag(name = "webhook-endpoints", description = "Webhook endpoints and their delivery attempts"),
            @Tag(name = "orders", description = "Orders and their status changes"),
            @Tag(name = "order-imports", description = "Order feed imports (marketplaces)"),
            @Tag(name = "invoices", description = "Invoices of orders"),
            @Tag(name = "reports", description = "Sales reports, made in the background"),
            @Tag(name = "emails", description = "Outgoing emails (platform staff)"),
            @Tag(name = "batch-executions", description = "Batch job executions (platform staff)"),
            @Tag(name = "schedules", description = "Scheduled tasks (platform staff)"),
            @Tag(name = "feature-flags", description = "Feature flags (platform staff)"),
            @Tag(name = "request-logs", description = "The calling API client's own request log"),
            @Tag(name = "api-clients", description = "API clients and their secrets (platform staff)"),
            @Tag(name = "signing-keys", description = "Token signing keys (platform staff)")
        })
@SecurityScheme(securitySchemeName = "bearer", type = SecuritySchemeType.HTTP, scheme = "bearer", bearerFormat = "JWT")
public class ApiApplication extends Application {
}
