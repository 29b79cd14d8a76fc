package com.imprimatur;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;
import org.springframework.stereotype.Controller;

/** The module rules of STYLE.md, checked on the compiled classes. */
class ArchitectureTest {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("com.imprimatur");

    @Test
    void onlyTheWorkflowModuleTouchesTheEngine() {
        noClasses().that().resideOutsideOfPackage("com.imprimatur.workflow..")
                .should().dependOnClassesThat().resideInAPackage("org.camunda..")
                .because("the engine lives in one place (STYLE.md, habit 2)")
                .check(CLASSES);
    }

    @Test
    void modulesDoNotDependOnEachOtherInCircles() {
        slices().matching("com.imprimatur.(*)..").should().beFreeOfCycles().check(CLASSES);
    }

    @Test
    void noModuleButDemoWebAndWorkflowReachesIntoTheWorkflow() {
        noClasses().that().resideOutsideOfPackages("com.imprimatur.workflow..", "com.imprimatur.demo..", "com.imprimatur.web..")
                .should().dependOnClassesThat().resideInAPackage("com.imprimatur.workflow..")
                .because("other modules talk to the route through ports such as ReviewRoute; the pages use the task desk as the API does")
                .check(CLASSES);
    }

    @Test
    void nothingDependsOnThePages() {
        noClasses().that().resideOutsideOfPackage("com.imprimatur.web..")
                .should().dependOnClassesThat().resideInAPackage("com.imprimatur.web..")
                .because("the pages are an adapter on top of the modules' public services")
                .check(CLASSES);
    }

    @Test
    void theRoutesWordsDependOnNothingButTheJdk() {
        noClasses().that().resideInAPackage("com.imprimatur.route..")
                .should().dependOnClassesThat().resideOutsideOfPackages("com.imprimatur.route..", "java..")
                .because("every module names the route's task kinds and decisions; the type must not pull anything in with it")
                .check(CLASSES);
    }

    @Test
    void thePagesAreSortedByScreen() {
        noClasses().should().resideInAPackage("com.imprimatur.web")
                .because("each screen has its package (web.tasks, web.articles, web.site, web.account, web.reports, web.admin); "
                        + "what several screens share is in web.support")
                .check(CLASSES);
    }

    @Test
    void theStaffDirectoryDependsNeitherOnHttpSecurityNorOnThePages() {
        noClasses().that().resideInAPackage("com.imprimatur.staff..")
                .should().dependOnClassesThat().resideInAnyPackage("com.imprimatur.security..", "com.imprimatur.web..")
                .because("HTTP security builds on the staff directory, not the other way round: account changes reach "
                        + "sessions, tokens and the login throttle through the SignIns port")
                .check(CLASSES);
    }

    @Test
    void everyPageControllerIsInWeb() {
        // @Controller as such, not through @RestController: the API's controllers stay in their modules
        classes().that().areAnnotatedWith(Controller.class)
                .should().resideInAPackage("com.imprimatur.web..")
                .because("a controller that renders templates is a page, and the pages live in web, sorted by screen")
                .check(CLASSES);
    }
}
