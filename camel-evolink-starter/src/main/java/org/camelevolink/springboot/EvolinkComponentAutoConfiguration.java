package org.camelevolink.springboot;

import org.apache.camel.CamelContext;
import org.apache.camel.spi.ComponentCustomizer;
import org.apache.camel.spring.boot.CamelAutoConfiguration;
import org.apache.camel.support.PropertyBindingSupport;
import org.camelevolink.component.EvolinkComponent;
import org.springframework.beans.BeanWrapper;
import org.springframework.beans.BeanWrapperImpl;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

import java.beans.PropertyDescriptor;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Binds {@code camel.component.evolink.*} onto the evolink component when Camel creates it. Camel Spring Boot
 * applies component options only through a starter's customizer like this one: without it those properties are
 * ignored (a plain camel-spring-boot application with the component jar fails with "No EvoLink API key").
 * Health checks need nothing here: the component registers them with Camel, and camel-spring-boot's
 * {@code camelHealth} indicator shows them in Actuator.
 */
@AutoConfiguration(after = CamelAutoConfiguration.class)
@EnableConfigurationProperties(EvolinkComponentProperties.class)
@ConditionalOnProperty(prefix = "camel.component.evolink", name = "enabled", matchIfMissing = true)
public class EvolinkComponentAutoConfiguration {

    @Bean
    public ComponentCustomizer evolinkComponentCustomizer(CamelContext camelContext,
            EvolinkComponentProperties properties) {
        return ComponentCustomizer.forType(EvolinkComponent.class,
                component -> bind(camelContext, component, setOptions(properties)));
    }

    /** The options a user set, by their Camel names; unset ones leave the component's defaults alone. */
    static Map<String, Object> setOptions(EvolinkComponentProperties properties) {
        BeanWrapper bean = new BeanWrapperImpl(properties);
        Map<String, Object> options = new LinkedHashMap<>();
        for (PropertyDescriptor property : bean.getPropertyDescriptors()) {
            String name = property.getName();
            Object value = bean.getPropertyValue(name);
            if (value != null && !name.equals("class") && !name.equals("enabled")) {
                options.put(name, value);
            }
        }
        return options;
    }

    private static void bind(CamelContext camelContext, EvolinkComponent component, Map<String, Object> options) {
        // through the component's generated configurer; mandatory: an option the component lacks fails the start
        PropertyBindingSupport.build().withCamelContext(camelContext).withTarget(component)
                .withProperties(new LinkedHashMap<>(options)).withMandatory(true).withRemoveParameters(false)
                .bind();
    }
}
