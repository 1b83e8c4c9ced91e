/**
 * Identity: who may sign in and call: console users (roles, lock-out, password resets), API clients
 * (client-credentials JWTs, signing keys). Uses vendors and notifications (reset emails); notifications
 * does not use identity.
 */
package dev.orion.identity;
