package org.camelevolink.component.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A {@link TaskRecord} as the persistent stores keep it: JSON, read leniently, so that a record written by an older
 * version (fewer fields) or a newer one (more fields) still reads.
 */
final class RecordJson {

    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private RecordJson() {
    }

    static String write(TaskRecord record) throws JsonProcessingException {
        return JSON.writeValueAsString(record);
    }

    static TaskRecord read(String json) throws JsonProcessingException {
        return JSON.readValue(json, TaskRecord.class);
    }
}
