package dev.orion.platform.rest;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;

/** The B2B API, version 1, under {@code /api/v1}; callers authenticate with JWT bearer tokens (see BearerTokenAuthenticator). */
@ApplicationPath("v1")
@OpenAPIDefinition(info = @Info(title = "Orion B2B API", version = "1",
        description = "Catalogue, stock, orders, imports and reports for vendor systems and partners."))
@SecurityScheme(securitySchemeName = "bearer", type = SecuritySchemeType.HTTP, scheme = "bearer", bearerFormat = "JWT")
public class ApiApplication extends Application {
}
