package dev.orion.platform.console;

/**
 * The vendors (tenants) a console page offers in its menus and names in its tables. The vendors capability
 * implements it (its {@code vendorChoices} bean, which pages also read from EL); pages of other capabilities
 * depend on this, not on the vendors capability's console.
 */
public interface VendorMenu {

    /** The first vendor of the menu, the default choice of a platform user (null when there is none). */
    Long firstId();

    /** The vendor's name for a table cell: "" for none, "#id" for a vendor not in the list. */
    String name(Long id);

    /** The vendor's code for a table cell: "" for none, "#id" for a vendor not in the list. */
    String code(Long id);
}
