/**
 * {@code orion-admin.jar} ({@code ./orion admin}): creates the first ADMIN console user and platform API clients
 * straight in the database, with the server running or stopped, hashing as the identity capability does.
 */
package dev.orion.identity.cli;
