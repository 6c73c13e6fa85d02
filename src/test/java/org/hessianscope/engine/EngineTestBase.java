package org.hessianscope.engine;

import org.hessianscope.arch.ArchitectureSpec;

import java.util.List;

/** One two-thread engine per test class ({@link TwoThreadEngine}) and the tiny nets every check runs on. */
abstract class EngineTestBase extends TwoThreadEngine {
    static List<ArchitectureSpec> specs() {
        return TinyNets.all();
    }
}
