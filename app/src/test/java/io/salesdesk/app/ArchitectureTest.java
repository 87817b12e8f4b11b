package io.salesdesk.app;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.dependencies.SlicesRuleDefinition;

/** The layering rules of ARCHITECTURE.md §2, checked on every build. */
@AnalyzeClasses(packages = "io.salesdesk", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule modulesDoNotUseJavaFx = noClasses()
            .that().resideOutsideOfPackage("io.salesdesk.app..")
            .should().dependOnClassesThat().resideInAnyPackage("javafx..", "atlantafx..", "org.controlsfx..",
                    "org.kordamp.ikonli..")
            .because("all UI lives in app, so the logic runs and is tested without a display");

    @ArchTest
    static final ArchRule onlyDbAndRepositoriesTouchJooq = noClasses()
            .that().resideOutsideOfPackage("io.salesdesk.db..")
            .and().haveSimpleNameNotEndingWith("Repository")
            .and().doNotHaveFullyQualifiedName("io.salesdesk.crm.Visibility")
            .and().resideOutsideOfPackage("..demo..")
            .should().dependOnClassesThat().resideInAnyPackage("io.salesdesk.db.jooq..")
            .because("services see domain records, never generated jOOQ records (demo seeders write rows directly)");

    @ArchTest
    static final ArchRule appIsNotUsedByModules = noClasses()
            .that().resideOutsideOfPackage("io.salesdesk.app..")
            .should().dependOnClassesThat().resideInAPackage("io.salesdesk.app..")
            .because("dependencies point one way: app → feature modules → db → core");

    @ArchTest
    static final ArchRule coreDependsOnNoOtherModule = noClasses()
            .that().resideInAPackage("io.salesdesk.core..")
            .should().dependOnClassesThat().resideInAnyPackage("io.salesdesk.db..", "io.salesdesk.crm..")
            .because("core is the bottom layer every module may use");

    @ArchTest
    static final ArchRule dbDependsOnNoFeatureModule = noClasses()
            .that().resideInAPackage("io.salesdesk.db..")
            .should().dependOnClassesThat().resideInAnyPackage("io.salesdesk.crm..")
            .because("feature modules build on db, not the other way round");

    @ArchTest
    static final ArchRule noSystemOutOutsideTheCommandLine = noClasses()
            .that().resideOutsideOfPackages("io.salesdesk.app.cli..")
            .and().doNotHaveFullyQualifiedName("io.salesdesk.app.cli.SalesDeskCommand")
            .should().accessField(System.class, "out")
            .because("logging goes through SLF4J; only the command line prints");

    @ArchTest
    static final ArchRule noRawThreadsInTheUi = noClasses()
            .that().resideInAPackage("io.salesdesk.app..")
            .and().resideOutsideOfPackage("io.salesdesk.app.cli..")
            .should().callConstructor(Thread.class, Runnable.class)
            .because("long work goes through the injected executor, which tests replace");

    @ArchTest
    static final ArchRule featurePackagesAreFreeOfCycles = SlicesRuleDefinition.slices()
            .matching("io.salesdesk.(*)..")
            .should().beFreeOfCycles()
            .because("modules depend one way; Maven refuses cycles between them and this keeps packages honest too");
}
