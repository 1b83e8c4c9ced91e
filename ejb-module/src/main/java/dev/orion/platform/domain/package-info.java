/**
 * The shared kernel's value objects: types with business meaning that several capabilities share as they are
 * (an exact amount of money). Free of frameworks, like every domain package.
 */
package dev.orion.platform.domain;
