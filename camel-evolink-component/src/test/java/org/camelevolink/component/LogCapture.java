package org.camelevolink.component;

import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.Filter;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.WriterAppender;
import org.apache.logging.log4j.core.config.Configuration;
import org.apache.logging.log4j.core.config.LoggerConfig;
import org.apache.logging.log4j.core.filter.ThresholdFilter;
import org.apache.logging.log4j.core.layout.PatternLayout;

import java.io.StringWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

/**
 * The Log4j 2 lines of a test, kept in memory: an appender on one logger's configuration (the root's for every
 * logger that passes its lines up), and the levels the test needs; {@link #close()} puts the configuration back as
 * log4j2-test.properties made it. Use it in try-with-resources.
 */
public final class LogCapture implements AutoCloseable {

    private static final AtomicInteger APPENDERS = new AtomicInteger();

    private final StringWriter lines = new StringWriter();
    private final LoggerContext context = (LoggerContext) LogManager.getContext(false);
    private final Configuration config = context.getConfiguration();
    private final WriterAppender appender;
    private final LoggerConfig target;
    /** Loggers this capture added to the configuration, removed on close. */
    private final List<String> added = new ArrayList<>();
    /** Levels of configured loggers this capture changed, restored on close. */
    private final Map<LoggerConfig, Level> levelsBefore = new LinkedHashMap<>();

    private LogCapture(String logger, Level level, String pattern) {
        appender = WriterAppender.newBuilder().setName("log-capture-" + APPENDERS.incrementAndGet()).setTarget(lines)
                .setLayout(PatternLayout.newBuilder().withPattern(pattern).build()).build();
        appender.start();
        target = configure(logger, level);
        target.addAppender(appender, level, null);
        context.updateLoggers();
    }

    /** Every line that reaches the root logger, with the root at TRACE. */
    public static LogCapture everything(String pattern) {
        return new LogCapture(LogManager.ROOT_LOGGER_NAME, Level.TRACE, pattern);
    }

    /** The lines of {@code logger} and the loggers under it, at {@code level} and above. */
    public static LogCapture of(String logger, Level level, String pattern) {
        return new LogCapture(logger, level, pattern);
    }

    /** Sets {@code logger} to {@code level} while capturing. */
    public LogCapture level(String logger, Level level) {
        configure(logger, level);
        context.updateLoggers();
        return this;
    }

    /** Keeps {@code logger} below {@code level} out of every appender, the capture's included. */
    public LogCapture quiet(String logger, Level level) {
        addLogger(new LoggerConfig(logger, level, false));
        return this;
    }

    /**
     * Turns {@code logger} on at {@code level} (its isEnabled answers true) and drops its lines: for code that reacts
     * to a logger being on, without the lines it would print.
     */
    public LogCapture onButDropped(String logger, Level level) {
        LoggerConfig config = new LoggerConfig(logger, level, true);
        config.addFilter(ThresholdFilter.createFilter(Level.FATAL, Filter.Result.ACCEPT, Filter.Result.DENY));
        addLogger(config);
        return this;
    }

    /** What was captured so far. */
    public String text() {
        return lines.toString();
    }

    /** How often {@code text} occurs in what was captured so far. */
    public int count(String text) {
        return text().split(Pattern.quote(text), -1).length - 1;
    }

    @Override
    public void close() {
        target.removeAppender(appender.getName());
        added.forEach(config::removeLogger);
        levelsBefore.forEach(LoggerConfig::setLevel);
        context.updateLoggers();
        appender.stop();
    }

    /** The configuration of {@code logger} itself, at {@code level}: the existing one changed, else a new one. */
    private LoggerConfig configure(String logger, Level level) {
        LoggerConfig existing = config.getLoggerConfig(logger);
        if (existing.getName().equals(logger)) {
            levelsBefore.putIfAbsent(existing, existing.getLevel());
            existing.setLevel(level);
            return existing;
        }
        LoggerConfig created = new LoggerConfig(logger, level, true);
        addLogger(created);
        return created;
    }

    private void addLogger(LoggerConfig logger) {
        if (config.getLoggerConfig(logger.getName()).getName().equals(logger.getName())) {
            // removing it on close would remove the configured one
            throw new IllegalStateException(logger.getName() + " is configured already: use level(...)");
        }
        config.addLogger(logger.getName(), logger);
        added.add(logger.getName());
        context.updateLoggers();
    }
}
