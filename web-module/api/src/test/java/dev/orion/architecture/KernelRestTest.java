package dev.orion.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The API's share of the kernel rule, until one architecture test covers every module: the REST plumbing every
 * capability uses (problem mapping, the authenticated caller, rate limits, idempotency) names no capability.
 */
@AnalyzeClasses(packages = "dev.orion.platform.rest", importOptions = ImportOption.DoNotIncludeTests.class)
class KernelRestTest {

    @ArchTest
    static final ArchRule restPlumbingKnowsNoCapability = noClasses().that().resideInAPackage("dev.orion.platform.rest..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.orion.catalog..", "dev.orion.orders..",
                    "dev.orion.vendors..", "dev.orion.billing..", "dev.orion.notifications..", "dev.orion.reporting..",
                    "dev.orion.identity..")
            .because("a capability's refusal names its own problem (DomainException), so the kernel needs none of them");
}
