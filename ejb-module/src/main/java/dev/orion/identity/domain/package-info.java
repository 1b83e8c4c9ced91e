/**
 * Identity's entities: {@code ConsoleUser} with its {@code Role}, and {@code ApiClient}.
 */
package dev.orion.identity.domain;
