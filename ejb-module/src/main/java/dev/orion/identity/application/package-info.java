/**
 * Identity's use cases: console users and their administration, password resets, API clients and their
 * administration, token issue and signing keys; administrative changes are audited here with the caller's {@code Actor}.
 */
package dev.orion.identity.application;
