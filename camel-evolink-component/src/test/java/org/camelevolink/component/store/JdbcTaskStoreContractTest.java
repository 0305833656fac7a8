package org.camelevolink.component.store;

import java.nio.file.Path;

class JdbcTaskStoreContractTest extends TaskStoreContractTest {

    @Override
    TaskStore create(Path dir) {
        JdbcTaskStore jdbc = new JdbcTaskStore(TestDatabase.dataSource());
        jdbc.setTablePrefix(TestDatabase.freshPrefix());
        return jdbc;
    }
}
