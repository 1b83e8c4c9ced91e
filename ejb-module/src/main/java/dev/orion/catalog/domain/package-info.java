/**
 * The product and its value objects (money, GTIN, availability, stock movement): the rules a product keeps
 * itself (stock never below zero, a valid GTIN), free of JAX-RS, Faces, Batch, EJB and JMS.
 */
package dev.orion.catalog.domain;
