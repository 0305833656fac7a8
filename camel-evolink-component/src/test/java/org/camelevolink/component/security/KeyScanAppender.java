package org.camelevolink.component.security;

import org.apache.logging.log4j.core.Appender;
import org.apache.logging.log4j.core.Core;
import org.apache.logging.log4j.core.Layout;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.appender.AbstractAppender;
import org.apache.logging.log4j.core.config.Property;
import org.apache.logging.log4j.core.config.plugins.Plugin;
import org.apache.logging.log4j.core.config.plugins.PluginAttribute;
import org.apache.logging.log4j.core.config.plugins.PluginElement;
import org.apache.logging.log4j.core.config.plugins.PluginFactory;
import org.apache.logging.log4j.core.layout.PatternLayout;

import java.io.Serializable;
import java.nio.file.Path;

/**
 * Hands every log line, as its layout renders it (thread, logger, MDC, message, stack trace), to {@link KeyScan}.
 * Declared in log4j2-test.properties as {@code type = KeyScan}.
 */
@Plugin(name = "KeyScan", category = Core.CATEGORY_NAME, elementType = Appender.ELEMENT_TYPE)
public final class KeyScanAppender extends AbstractAppender {

    private KeyScanAppender(String name, Layout<? extends Serializable> layout) {
        super(name, null, layout, true, Property.EMPTY_ARRAY);
    }

    @PluginFactory
    public static KeyScanAppender create(@PluginAttribute("name") String name,
            @PluginAttribute("leakDirectory") String leakDirectory,
            @PluginElement("Layout") Layout<? extends Serializable> layout) {
        if (leakDirectory != null && !leakDirectory.isBlank()) {
            KeyScan.leakDirectory(Path.of(leakDirectory).toAbsolutePath());
        }
        return new KeyScanAppender(name, layout != null ? layout : PatternLayout.createDefaultLayout());
    }

    @Override
    public void append(LogEvent event) {
        KeyScan.record(event.getLoggerName(), event.getLevel().name(), String.valueOf(getLayout().toSerializable(event)));
    }
}
