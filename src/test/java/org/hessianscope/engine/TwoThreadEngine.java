package org.hessianscope.engine;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.TestInstance;

/**
 * One two-thread engine per test class, closed after it: the fixture of the engine's own tests
 * ({@link EngineTestBase}) and of the DL4J comparisons in interop.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class TwoThreadEngine {
    protected final Engine engine = new Engine(2);

    @AfterAll
    protected void closeEngine() {
        engine.close();
    }
}
