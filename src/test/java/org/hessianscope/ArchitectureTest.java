package org.hessianscope;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/** Keeps the layers apart: the science never depends on JavaFX, DL4J, the UI or the CLI. */
@AnalyzeClasses(packages = "org.hessianscope", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule javafxOnlyInUi = noClasses()
            .that().resideOutsideOfPackage("org.hessianscope.ui..")
            .should().dependOnClassesThat().resideInAPackage("javafx..")
            .because("the core and the CLI must run without a display");

    @ArchTest
    static final ArchRule dl4jOnlyInInterop = noClasses()
            .that().resideOutsideOfPackage("org.hessianscope.interop..")
            .should().dependOnClassesThat().resideInAnyPackage("org.deeplearning4j..", "org.nd4j..", "org.bytedeco..")
            .because("DL4J and its natives load only when interchange is used");

    @ArchTest
    static final ArchRule coreIndependentOfFrontEnds = noClasses()
            .that().resideOutsideOfPackages("org.hessianscope.ui..", "org.hessianscope.cli..")
            .should().dependOnClassesThat().resideInAnyPackage("org.hessianscope.ui..", "org.hessianscope.cli..")
            .because("the GUI and the CLI are thin layers over one core API");

    /** Every core package except figure (which draws) and interop (DL4J). */
    static final String[] NUMERIC_PACKAGES = {"org.hessianscope.arch..", "org.hessianscope.data..",
        "org.hessianscope.io..", "org.hessianscope.engine..", "org.hessianscope.train..", "org.hessianscope.run..",
        "org.hessianscope.landscape..", "org.hessianscope.curvature..", "org.hessianscope.bounds..",
        "org.hessianscope.analysis..", "org.hessianscope.experiment..", "org.hessianscope.linalg..",
        "org.hessianscope.task.."};

    @ArchTest
    static final ArchRule numericPackagesDrawNothing = noClasses()
            .that().resideInAnyPackage(NUMERIC_PACKAGES)
            .should().dependOnClassesThat().resideInAnyPackage("org.hessianscope.figure..", "org.jfree..")
            .because("the numbers are computed and tested without a chart library; figure draws them");

    @ArchTest
    static final ArchRule uiAndCliIndependent = noClasses()
            .that().resideInAPackage("org.hessianscope.ui..")
            .should().dependOnClassesThat().resideInAPackage("org.hessianscope.cli..")
            .because("both front ends call the core, not each other");

    @ArchTest
    static final ArchRule featuresFreeOfCycles = slices()
            .matching("org.hessianscope.(ui|cli).(*)..")
            .should().beFreeOfCycles()
            .because("the ui and cli feature packages depend on their common package and on each other one way only");

    @ArchTest
    static final ArchRule corePackagesFreeOfCycles = slices()
            .matching("org.hessianscope.(*)..")
            .should().beFreeOfCycles()
            .because("each core package builds on the ones below it");
}
