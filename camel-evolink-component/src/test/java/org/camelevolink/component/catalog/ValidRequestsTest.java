package org.camelevolink.component.catalog;

import org.camelevolink.component.client.CreateTaskRequest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.camelevolink.component.catalog.TestRequests.CATALOG;
import static org.camelevolink.component.catalog.TestRequests.TASK_ID;
import static org.camelevolink.component.catalog.TestRequests.VALIDATOR;

/** For every model, the smallest request it documents and one with every field it takes both pass. */
class ValidRequestsTest {

    static Stream<String> models() {
        return CATALOG.all().stream().map(ModelSpec::id);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("models")
    void minimalRequestPasses(String model) {
        CreateTaskRequest request = TestRequests.minimal(model);
        assertThatCode(() -> VALIDATOR.validate(request)).doesNotThrowAnyException();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("models")
    void requestWithEveryFieldPasses(String model) {
        CreateTaskRequest request = TestRequests.rich(TestRequests.spec(model), TASK_ID);
        assertThatCode(() -> VALIDATOR.validate(request)).doesNotThrowAnyException();
    }

    /** The documented defaults are themselves valid values. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("models")
    void defaultsPass(String model) {
        ModelSpec spec = TestRequests.spec(model);
        CreateTaskRequest.Builder b = TestRequests.minimal(model).toBuilder();
        spec.params().values().stream().filter(p -> p.defaultValue() != null)
                .forEach(p -> b.modelParam(p.name(), p.defaultValue()));
        spec.defaultQuality().ifPresent(b::quality);
        assertThatCode(() -> VALIDATOR.validate(b.build())).doesNotThrowAnyException();
    }
}
