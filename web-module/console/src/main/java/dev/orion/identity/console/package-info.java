/**
 * Identity in the console: sign-in and sign-out, the signed-in user ({@code CurrentUser}), session stamps,
 * password reset pages, and the users and API clients admin pages.
 */
package dev.orion.identity.console;
