package dev.orion.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.orion.billing.application.NotInvoiceableException;
import dev.orion.catalog.application.StaleVersionException;
import dev.orion.catalog.application.StockConflictException;
import dev.orion.catalog.application.UnknownSkusException;
import dev.orion.catalog.domain.InsufficientStockException;
import dev.orion.identity.application.InvalidClientException;
import dev.orion.notifications.application.NotResendableException;
import dev.orion.platform.jobs.JobOperationRefusedException;
import dev.orion.operations.scheduling.ScheduleBusyException;
import dev.orion.orders.application.DuplicateOrderException;
import dev.orion.orders.domain.IllegalTransitionException;
import dev.orion.orders.domain.OrderStatus;
import dev.orion.platform.imports.FeedUnavailableException;
import jakarta.ejb.ApplicationException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Each refusal answers the API as it did when the problem mapper named it, and keeps its transaction behaviour. */
class DomainExceptionTest {

    @Test
    void eachRefusalCarriesTheProblemTheApiAlwaysAnswered() {
        assertProblem(new InvalidClientException(), 401, "invalid-client", "Invalid client", Map.of("error", "invalid_client"));
        assertProblem(new IllegalTransitionException(1, OrderStatus.PENDING, OrderStatus.DELIVERED), 409, "illegal-transition",
                "Illegal status transition", Map.of());
        assertProblem(new InsufficientStockException("A-1", 2, -3), 409, "insufficient-stock", "Insufficient stock",
                Map.of("skus", List.of("A-1")));
        assertProblem(new StaleVersionException("Product 1", 4), 412, "precondition-failed", "Precondition failed", Map.of());
        assertProblem(new StockConflictException(List.of("A-1", "B-2")), 409, "insufficient-stock", "Insufficient stock",
                Map.of("skus", List.of("A-1", "B-2")));
        assertProblem(new UnknownSkusException(List.of("Z-9")), 422, "unknown-sku", "Unknown SKU", Map.of("skus", List.of("Z-9")));
        assertProblem(new DuplicateOrderException("ext-1", 42), 409, "duplicate-order", "Duplicate order", Map.of("order_id", 42L));
        assertProblem(FeedUnavailableException.notFetched("timeout"), 422, "feed-unavailable", "Feed unavailable", Map.of());
        assertProblem(new JobOperationRefusedException("completed"), 409, "job-state", "Not allowed in the execution's state", Map.of());
        assertProblem(new ScheduleBusyException("nightly"), 409, "schedule-busy", "Schedule is running", Map.of());
        assertProblem(new NotInvoiceableException(1, "PENDING"), 409, "not-invoiceable", "Order not invoiceable", Map.of());
        assertProblem(new NotResendableException(1, "SENT"), 409, "not-resendable", "Email not re-sendable", Map.of());
    }

    @Test
    void refusalsRollBackExceptTheThreeThatNeverDid() {
        for (Class<?> leavesTransaction : List.of(InvalidClientException.class, FeedUnavailableException.class,
                JobOperationRefusedException.class)) {
            assertEquals(false, rollsBack(leavesTransaction), leavesTransaction.getSimpleName());
        }
        for (Class<?> rollsBack : List.of(IllegalTransitionException.class, InsufficientStockException.class,
                StaleVersionException.class, StockConflictException.class, UnknownSkusException.class,
                DuplicateOrderException.class, ScheduleBusyException.class, NotInvoiceableException.class,
                NotResendableException.class)) {
            assertEquals(true, rollsBack(rollsBack), rollsBack.getSimpleName());
        }
    }

    private static void assertProblem(DomainException e, int status, String type, String title, Map<String, Object> members) {
        String name = e.getClass().getSimpleName();
        assertEquals(status, e.status(), name);
        assertEquals(type, e.problemType(), name);
        assertEquals(title, e.title(), name);
        assertEquals(members, e.problemMembers(), name);
    }

    /** The rule the EJB container applies: the nearest @ApplicationException, if it is inherited or on the class itself. */
    private static boolean rollsBack(Class<?> type) {
        for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            ApplicationException annotation = c.getDeclaredAnnotation(ApplicationException.class);
            if (annotation != null) {
                assertEquals(true, c == type || annotation.inherited(), type.getSimpleName() + " is an application exception");
                return annotation.rollback();
            }
        }
        throw new AssertionError(type.getSimpleName() + " is not an application exception");
    }
}
