package io.camelwechat.component.wechat;

import java.io.StringWriter;

import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.WriterAppender;
import org.apache.logging.log4j.core.config.Configuration;
import org.apache.logging.log4j.core.layout.PatternLayout;

/**
 * Captures every log line of the component and of Camel (at every level, whatever the configuration says) with
 * its exception, so that a test can check what reached the log.
 */
public final class LogCapture implements AutoCloseable {

    private static final String[] LOGGERS = { "io.camelwechat", "org.apache.camel" };

    private final StringWriter captured = new StringWriter();
    private final WriterAppender appender;

    private LogCapture(String name) {
        appender = WriterAppender.newBuilder().setName(name).setTarget(captured)
                .setLayout(PatternLayout.newBuilder().withPattern("%c %m %throwable%n").build()).build();
    }

    public static LogCapture start(String name) {
        LogCapture capture = new LogCapture(name);
        capture.appender.start();
        LoggerContext logging = (LoggerContext) LogManager.getContext(false);
        Configuration configuration = logging.getConfiguration();
        configuration.getRootLogger().addAppender(capture.appender, Level.ALL, null);
        for (String logger : LOGGERS) {
            configuration.getLoggerConfig(logger).addAppender(capture.appender, Level.ALL, null);
        }
        logging.updateLoggers();
        return capture;
    }

    public synchronized String text() {
        return captured.toString();
    }

    synchronized void clear() {
        captured.getBuffer().setLength(0);
    }

    /** The first line holding the text, with the text itself masked, for a failure message. */
    String lineWith(String secret) {
        return text().lines().filter(line -> line.contains(secret)).findFirst().orElse("").replace(secret, "<SECRET>");
    }

    @Override
    public void close() {
        LoggerContext logging = (LoggerContext) LogManager.getContext(false);
        Configuration configuration = logging.getConfiguration();
        configuration.getRootLogger().removeAppender(appender.getName());
        for (String logger : LOGGERS) {
            configuration.getLoggerConfig(logger).removeAppender(appender.getName());
        }
        logging.updateLoggers();
        appender.stop();
    }
}
