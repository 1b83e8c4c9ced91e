/**
 * Identity over the API: the token endpoint, bearer-token authentication and the admin resources for
 * API clients and signing keys; thin, delegating to {@code identity.application}.
 */
package dev.orion.identity.rest;
