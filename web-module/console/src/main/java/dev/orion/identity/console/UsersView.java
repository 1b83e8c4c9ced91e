package dev.orion.identity.console;

import dev.orion.platform.console.ConsoleActor;
import dev.orion.identity.application.ConsoleUserAdministration;
import dev.orion.identity.application.ConsoleUserView;
import dev.orion.identity.application.NewConsoleUser;
import dev.orion.identity.application.PasswordResets;
import dev.orion.identity.domain.Role;
import dev.orion.platform.InvalidFieldException;
import dev.orion.platform.console.AdminMessages;
import dev.orion.platform.console.LocaleSwitcher;
import dev.orion.platform.console.VendorMenu;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import dev.orion.platform.console.DatabasePage;
import org.primefaces.model.LazyDataModel;

/** The console users page (ADMIN): create, change role, deactivate; the safeguards are the service's. */
@Named
@ViewScoped
public class UsersView implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    ConsoleUserAdministration administration;

    @Inject
    VendorMenu vendorChoices;

    @Inject
    ConsoleActor actor;

    private String search;
    private final LazyDataModel<ConsoleUserView> users = new DatabasePage<>(() -> administration.count(search), (first, size) -> administration.page(search, first, size), user -> user.id());

    private String email;
    private String name;
    private Role role = Role.STAFF;
    private Long vendorId;
    private String locale = "en";
    private String password;

    private Long roleUserId;
    private String roleUserEmail;

    public void startNew() {
        email = null;
        name = null;
        role = Role.STAFF;
        vendorId = null;
        locale = "en";
        password = null;
    }

    public void create() {
        try {
            var created = administration.create(actor.get(), new NewConsoleUser(email, name, role, vendorId, locale, password));
            AdminMessages.info(password == null || password.isEmpty() ? "user.createdWithLink" : "user.created", created.email());
        } catch (InvalidFieldException e) {
            AdminMessages.refused(e, "user-form");
        } finally {
            password = null; // never kept in the view beyond this request
        }
    }

    public void chooseRole(ConsoleUserView user) {
        roleUserId = user.id();
        roleUserEmail = user.email();
        role = user.role();
        vendorId = user.vendorId();
    }

    public void saveRole() {
        try {
            var changed = administration.changeRole(actor.get(), roleUserId, role, vendorId);
            AdminMessages.info("user.roleChanged", changed.email(), changed.role());
        } catch (InvalidFieldException e) {
            AdminMessages.refused(e, "role-form");
        }
    }

    public void deactivate(ConsoleUserView user) {
        try {
            administration.deactivate(actor.get(), user.id());
            AdminMessages.info("user.deactivated", user.email());
        } catch (InvalidFieldException e) {
            AdminMessages.refused(e, "users-form");
        }
    }

    public String vendorName(Long id) {
        return vendorChoices.name(id);
    }

    public Role[] getRoles() { return Role.values(); }
    public List<String> getLocales() { return LocaleSwitcher.LANGUAGES; }
    public int getMinimumPasswordLength() { return PasswordResets.MIN_PASSWORD_LENGTH; }
    public LazyDataModel<ConsoleUserView> getUsers() { return users; }
    public String getSearch() { return search; }
    public void setSearch(String search) { this.search = search; }
    public String getEmail() { return email; }
    public void setEmail(String email) { this.email = email; }
    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public Role getRole() { return role; }
    public void setRole(Role role) { this.role = role; }
    public Long getVendorId() { return vendorId; }
    public void setVendorId(Long vendorId) { this.vendorId = vendorId; }
    public String getLocale() { return locale; }
    public void setLocale(String locale) { this.locale = locale; }
    public String getPassword() { return password; }
    public void setPassword(String password) { this.password = password; }
    public String getRoleUserEmail() { return roleUserEmail; }
}
