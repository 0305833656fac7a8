package org.camelevolink.quarkus.deployment;

import io.quarkus.deployment.annotations.BuildStep;
import io.quarkus.deployment.builditem.FeatureBuildItem;
import io.quarkus.deployment.builditem.IndexDependencyBuildItem;
import io.quarkus.deployment.builditem.nativeimage.NativeImageResourceBuildItem;
import io.quarkus.deployment.builditem.nativeimage.ReflectiveClassBuildItem;

import java.util.List;

/**
 * Build steps of the Camel EvoLink extension. In JVM mode (the only mode verified here) the component runs without
 * them; they are what a native image needs, as far as the component's code shows: the classes Jackson binds and the
 * ones Camel or a {@code #class:} reference loads by name, and the resources read from the classpath at start.
 * Native mode is not verified: no GraalVM or Mandrel exists where this was built.
 */
class EvolinkProcessor {

    static final String FEATURE = "camel-evolink";

    /** Read and written by Jackson (the client's JSON, the task store's records), by field and constructor. */
    static final List<String> JSON_BOUND = List.of(
            "org.camelevolink.component.client.EvolinkTask",
            "org.camelevolink.component.client.EvolinkTask$TaskInfo",
            "org.camelevolink.component.client.EvolinkTask$Usage",
            "org.camelevolink.component.client.EvolinkTask$Cost",
            "org.camelevolink.component.client.EvolinkTask$TaskError",
            "org.camelevolink.component.client.CreateTaskRequest",
            "org.camelevolink.component.store.TaskRecord",
            "org.camelevolink.component.store.TaskRecord$Delivery",
            "org.camelevolink.component.store.TaskState");

    /** Created by name: by Camel's factory finder (META-INF/services/org/apache/camel/...) or a #class: option. */
    static final List<String> LOADED_BY_NAME = List.of(
            "org.camelevolink.component.EvolinkComponent",
            "org.camelevolink.component.EvolinkComponentConfigurer",
            "org.camelevolink.component.EvolinkEndpointConfigurer",
            "org.camelevolink.component.EvolinkEndpointUriFactory",
            "org.camelevolink.component.store.InMemoryTaskStore",
            "org.camelevolink.component.store.MVStoreTaskStore",
            "org.camelevolink.component.store.JdbcTaskStore");

    /** Read from the classpath: the catalog, the model catalog (read at start), the shared store's DDL. */
    static final List<String> RESOURCES = List.of(
            "META-INF/org/camelevolink/component/evolink.json",
            "META-INF/services/org/apache/camel/component/evolink",
            "META-INF/services/org/apache/camel/configurer/evolink-component",
            "META-INF/services/org/apache/camel/configurer/evolink-endpoint",
            "META-INF/services/org/apache/camel/urifactory/evolink-endpoint",
            "org/camelevolink/component/catalog/evolink-models.json",
            "org/camelevolink/component/store/jdbc-postgresql-v1.sql");

    @BuildStep
    FeatureBuildItem feature() {
        return new FeatureBuildItem(FEATURE);
    }

    /** The component's classes in Quarkus' index (the jar carries a Jandex index too). */
    @BuildStep
    IndexDependencyBuildItem indexComponent() {
        return new IndexDependencyBuildItem("org.camelevolink", "camel-evolink-component");
    }

    @BuildStep
    ReflectiveClassBuildItem jsonBound() {
        return ReflectiveClassBuildItem.builder(JSON_BOUND.toArray(String[]::new)).constructors().methods().fields()
                .build();
    }

    @BuildStep
    ReflectiveClassBuildItem loadedByName() {
        return ReflectiveClassBuildItem.builder(LOADED_BY_NAME.toArray(String[]::new)).constructors().methods()
                .build();
    }

    @BuildStep
    NativeImageResourceBuildItem resources() {
        return new NativeImageResourceBuildItem(RESOURCES);
    }
}
