package org.camelevolink.component.store;

import java.nio.file.Path;

class InMemoryTaskStoreContractTest extends TaskStoreContractTest {

    @Override
    TaskStore create(Path dir) {
        return new InMemoryTaskStore();
    }
}
