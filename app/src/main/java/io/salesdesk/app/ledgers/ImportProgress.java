package io.salesdesk.app.ledgers;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import atlantafx.base.theme.Styles;
import javafx.application.Platform;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.HBox;

import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

import io.salesdesk.app.common.Formats;
import io.salesdesk.app.common.I18n;
import io.salesdesk.ledger.imports.ImportMonitor;
import io.salesdesk.ledger.imports.ImportPhase;

/**
 * The progress of the running read, validate or commit step, with a cancel button. Each run gets its
 * own {@link ImportMonitor}; the worker polls it, so a cancel stops the work at its next check and
 * the importer rolls back whatever it had begun.
 */
final class ImportProgress extends HBox {

    /** Fewer updates than rows: the FX thread only needs a few per second. */
    private static final long MIN_NANOS_BETWEEN_UPDATES = 100_000_000L;

    private final Label phase = new Label();
    private final ProgressBar bar = new ProgressBar();
    private final Button cancel = new Button(I18n.get("ledgers.progress.cancel"), new FontIcon(Feather.X_CIRCLE));
    private AtomicBoolean running = new AtomicBoolean();

    ImportProgress() {
        super(10);
        setId("ledgerProgressBox");
        setAlignment(Pos.CENTER_LEFT);
        phase.setId("ledgerProgressText");
        phase.getStyleClass().add(Styles.TEXT_MUTED);
        bar.setId("ledgerProgress");
        bar.setPrefWidth(220);
        cancel.setId("ledgerCancel");
        cancel.getStyleClass().addAll(Styles.SMALL, Styles.DANGER, Styles.FLAT);
        getChildren().setAll(bar, phase, cancel);
        hide();
    }

    /**
     * Shows the bar for a new run that can be cancelled and returns the monitor the worker reports to.
     *
     * @param startKey the message shown until the first progress arrives
     */
    ImportMonitor start(String startKey) {
        return start(startKey, true);
    }

    /** Tells whether the cancel button has the focus (it does while cancellable work runs). */
    boolean cancelFocused() {
        return cancel.isFocused();
    }

    /**
     * Shows the bar for a new run and returns the monitor the worker reports to.
     *
     * @param startKey    the message shown until the first progress arrives
     * @param cancellable whether the work checks the monitor, so the cancel button is offered
     */
    ImportMonitor start(String startKey, boolean cancellable) {
        AtomicBoolean cancelled = new AtomicBoolean();
        running = new AtomicBoolean(true);
        AtomicBoolean shown = running;
        phase.setText(I18n.get(startKey));
        bar.setProgress(ProgressBar.INDETERMINATE_PROGRESS);
        cancel.setDisable(false);
        cancel.setVisible(cancellable);
        cancel.setOnAction(e -> {
            cancelled.set(true);
            cancel.setDisable(true);
            phase.setText(I18n.get("ledgers.progress.cancelling"));
        });
        setVisible(true);
        // The step being disabled must not push the focus (and the page's scroll position) elsewhere.
        if (cancellable) {
            cancel.requestFocus();
        } else {
            requestFocus();
        }
        AtomicLong lastUpdate = new AtomicLong();
        return new ImportMonitor() {
            @Override
            public void progress(ImportPhase step, long done, long total) {
                long now = System.nanoTime();
                long last = lastUpdate.get();
                if (done != total && now - last < MIN_NANOS_BETWEEN_UPDATES || !lastUpdate.compareAndSet(last, now)) {
                    return;
                }
                String text = total > 0
                        ? I18n.get("ledgers.progress." + step.name(), Formats.count(done), Formats.count(total))
                        : I18n.get("ledgers.progress." + step.name() + ".unknown", Formats.count(done));
                double value = total > 0 ? (double) done / total : ProgressBar.INDETERMINATE_PROGRESS;
                Platform.runLater(() -> {
                    if (shown.get() && !cancelled.get()) {
                        phase.setText(text);
                        bar.setProgress(value);
                    }
                });
            }

            @Override
            public boolean cancelled() {
                return cancelled.get();
            }
        };
    }

    /** Hides the bar when the run has ended, however it ended. */
    void hide() {
        running.set(false);
        setVisible(false);
    }
}
