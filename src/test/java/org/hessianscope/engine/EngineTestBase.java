package org.hessianscope.engine;

import org.hessianscope.arch.ArchitectureSpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.TestInstance;

import java.util.List;

/** One two-thread engine per test class, closed after it, and the tiny nets every check runs on. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class EngineTestBase {
    final Engine engine = new Engine(2);

    @AfterAll
    void closeEngine() {
        engine.close();
    }

    static List<ArchitectureSpec> specs() {
        return TinyNets.all();
    }
}
