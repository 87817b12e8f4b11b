package io.salesdesk.app.help;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.filter.ThresholdFilter;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.rolling.RollingFileAppender;
import ch.qos.logback.core.rolling.SizeAndTimeBasedRollingPolicy;
import ch.qos.logback.core.spi.ContextAwareBase;
import ch.qos.logback.core.util.FileSize;
import java.nio.file.Path;

/**
 * The logging set-up, in code rather than a {@code logback.xml}: reading the XML (a parser, a model
 * and bean reflection) took up to half a second of a start on a busy two-core machine, on the
 * thread that opens the window. Warnings and errors go to the console; everything from SalesDesk at
 * INFO and up goes to rolling files in {@link LogFiles#folder()} (about ten files of at most 5 MB, a new one
 * each day or when one is full), which "report a problem" collects.
 *
 * <p>A {@code -Dlogback.configurationFile=...} or a {@code logback-test.xml} on the class path
 * still wins: this step then hands over to logback's own.
 */
public final class LogSetup extends ContextAwareBase implements Configurator {

    private static final String FLYWAY_SCRIPTS = "org.flywaydb.core.internal.sqlscript.DefaultSqlScriptExecutor";

    @Override
    public ExecutionStatus configure(LoggerContext context) {
        if (System.getProperty("logback.configurationFile") != null
                || LogSetup.class.getClassLoader().getResource("logback-test.xml") != null) {
            return ExecutionStatus.INVOKE_NEXT_IF_ANY;
        }
        ConsoleAppender<ILoggingEvent> console = new ConsoleAppender<>();
        console.setContext(context);
        console.setName("CONSOLE");
        console.setTarget("System.err");
        ThresholdFilter warnings = new ThresholdFilter();
        warnings.setLevel(Level.WARN.levelStr);
        warnings.start();
        console.addFilter(warnings);
        console.setEncoder(encoder(context, "%d{HH:mm:ss.SSS} %-5level %logger{24} - %msg%n"));
        console.start();

        Path folder = LogFiles.folder();
        RollingFileAppender<ILoggingEvent> file = new RollingFileAppender<>();
        file.setContext(context);
        file.setName("FILE");
        file.setFile(folder.resolve("salesdesk.log").toString());
        SizeAndTimeBasedRollingPolicy<ILoggingEvent> rolling = new SizeAndTimeBasedRollingPolicy<>();
        rolling.setContext(context);
        rolling.setParent(file);
        rolling.setFileNamePattern(folder.resolve("salesdesk-%d{yyyy-MM-dd}.%i.log").toString());
        rolling.setMaxFileSize(FileSize.valueOf("5MB"));
        rolling.setMaxHistory(10);
        rolling.setTotalSizeCap(FileSize.valueOf("50MB"));
        file.setRollingPolicy(rolling);
        rolling.start();
        file.setEncoder(encoder(context, "%d{yyyy-MM-dd HH:mm:ss.SSS} %-5level [%thread] %logger{36} - %msg%n"));
        file.start();

        context.getLogger("org.jooq.Constants").setLevel(Level.OFF);
        // HSQLDB reports a migration's UPDATE that matched no rows (normal on a new workspace) as SQL
        // warning 02000, which Flyway logs at WARN: seven lines of "no data" on the console.
        context.getLogger(FLYWAY_SCRIPTS).setLevel(Level.ERROR);
        context.getLogger("io.salesdesk").setLevel(Level.INFO);
        ch.qos.logback.classic.Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        root.setLevel(Level.WARN);
        root.addAppender(console);
        root.addAppender(file);
        return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
    }

    private static PatternLayoutEncoder encoder(LoggerContext context, String pattern) {
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern(pattern);
        encoder.start();
        return encoder;
    }
}
