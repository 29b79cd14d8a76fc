package com.imprimatur;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

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
}
