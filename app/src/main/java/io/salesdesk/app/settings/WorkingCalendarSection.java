package io.salesdesk.app.settings;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.TextStyle;
import java.util.List;
import java.util.stream.IntStream;

import atlantafx.base.theme.Styles;
import atlantafx.base.theme.Tweaks;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

import io.salesdesk.app.AppContext;
import io.salesdesk.app.common.BackgroundTask;
import io.salesdesk.app.common.ErrorDialogs;
import io.salesdesk.app.common.Formats;
import io.salesdesk.app.common.I18n;
import io.salesdesk.app.common.Pickers;
import io.salesdesk.core.ValidationException;
import io.salesdesk.workflow.sla.CalendarDay;

/**
 * 工作日历: the working hours and the days that break the working week — public holidays and the
 * weekend days worked instead (调休) — that rules counting working time go by. A span like the
 * National Day week is entered in one go, as the official notice gives it.
 */
final class WorkingCalendarSection extends VBox {

    private final AppContext context;
    private final ComboBox<LocalTime> start = timePicker("calendarWorkStart");
    private final ComboBox<LocalTime> end = timePicker("calendarWorkEnd");
    private final TableView<CalendarDay> table = new TableView<>();
    private final DatePicker from = new DatePicker();
    private final DatePicker to = new DatePicker();
    private final ComboBox<CalendarDay.Kind> kind = Pickers.of(List.of(CalendarDay.Kind.values()),
            k -> I18n.label("calendar.kind", k), "");
    private final TextField name = new TextField();
    private final Label status = new Label();

    WorkingCalendarSection(AppContext context) {
        this.context = context;
        setId("workingCalendarSection");
        Button saveHours = new Button(I18n.get("leadRules.save"));
        saveHours.setId("saveWorkingHours");
        saveHours.setOnAction(e -> saveHours());
        HBox hours = new HBox(8, new Label(I18n.get("calendar.hours")), start, new Label(I18n.get("calendar.hours.to")),
                end, saveHours);
        hours.setAlignment(Pos.CENTER_LEFT);

        from.setId("calendarFrom");
        to.setId("calendarTo");
        from.setPromptText(I18n.get("calendar.from"));
        to.setPromptText(I18n.get("calendar.to"));
        from.setPrefWidth(150);
        to.setPrefWidth(150);
        kind.setId("calendarKind");
        kind.setValue(CalendarDay.Kind.HOLIDAY);
        name.setId("calendarName");
        name.setPromptText(I18n.get("calendar.name.prompt"));
        name.setPrefColumnCount(12);
        Button add = new Button(I18n.get("calendar.add"), new FontIcon(Feather.PLUS));
        add.setId("calendarAdd");
        add.getStyleClass().add(Styles.ACCENT);
        add.setOnAction(e -> mark());
        HBox adder = new HBox(8, from, new Label("—"), to, kind, name, add);
        adder.setAlignment(Pos.CENTER_LEFT);

        status.setId("calendarStatus");
        status.getStyleClass().add(Styles.TEXT_MUTED);
        status.setWrapText(true);
        SettingsPage.fillSection(this, I18n.get("calendar.title"), I18n.get("calendar.hint"), hours, createTable(),
                adder, status);
        reload();
    }

    private TableView<CalendarDay> createTable() {
        table.setId("calendarTable");
        table.getStyleClass().addAll(Styles.STRIPED, Styles.DENSE, Tweaks.EDGE_TO_EDGE);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPrefHeight(220);
        TableColumn<CalendarDay, String> day = column("calendar.col.day", d -> Formats.date(d.day()), 120);
        TableColumn<CalendarDay, String> weekday = column("calendar.col.weekday",
                d -> d.day().getDayOfWeek().getDisplayName(TextStyle.SHORT, I18n.locale()), 70);
        TableColumn<CalendarDay, CalendarDay> type = new TableColumn<>(I18n.get("calendar.col.kind"));
        type.setCellValueFactory(f -> new ReadOnlyObjectWrapper<>(f.getValue()));
        type.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(CalendarDay item, boolean empty) {
                super.updateItem(item, empty);
                setText(null);
                if (empty || item == null) {
                    setGraphic(null);
                    return;
                }
                Label chip = new Label(I18n.label("calendar.kind", item.kind()));
                chip.getStyleClass().addAll("lead-chip",
                        item.kind() == CalendarDay.Kind.HOLIDAY ? "calendar-holiday" : "calendar-workday");
                setGraphic(chip);
            }
        });
        type.setPrefWidth(110);
        TableColumn<CalendarDay, String> label = column("calendar.col.name", CalendarDay::name, 200);
        TableColumn<CalendarDay, CalendarDay> remove = new TableColumn<>();
        remove.setCellValueFactory(f -> new ReadOnlyObjectWrapper<>(f.getValue()));
        remove.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(CalendarDay item, boolean empty) {
                super.updateItem(item, empty);
                if (empty || item == null) {
                    setGraphic(null);
                    return;
                }
                Button button = new Button(null, new FontIcon(Feather.TRASH_2));
                button.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT, Styles.SMALL);
                button.setId("calendarRemove-" + item.day());
                button.setOnAction(e -> unmark(item.day()));
                setGraphic(button);
            }
        });
        remove.setPrefWidth(50);
        remove.setSortable(false);
        table.getColumns().setAll(List.of(day, weekday, type, label, remove));
        table.setPlaceholder(new Label(I18n.get("calendar.empty")));
        return table;
    }

    private static TableColumn<CalendarDay, String> column(String key, java.util.function.Function<CalendarDay, String> value,
                                                           double width) {
        TableColumn<CalendarDay, String> column = new TableColumn<>(I18n.get(key));
        column.setCellValueFactory(f -> new ReadOnlyObjectWrapper<>(value.apply(f.getValue())));
        column.setPrefWidth(width);
        return column;
    }

    private static ComboBox<LocalTime> timePicker(String id) {
        List<LocalTime> halfHours = IntStream.range(0, 48).mapToObj(i -> LocalTime.of(i / 2, (i % 2) * 30)).toList();
        ComboBox<LocalTime> box = Pickers.of(halfHours, LocalTime::toString, "");
        box.setId(id);
        box.setVisibleRowCount(12);
        return box;
    }

    private void reload() {
        BackgroundTask.wrap(() -> new Loaded(context.calendar().workingHours(), context.calendar().days()))
                .onSuccess(loaded -> {
                    start.setValue(loaded.hours().get(0));
                    end.setValue(loaded.hours().get(1));
                    table.getItems().setAll(loaded.days());
                    // The coming days first in view: they are the ones people check.
                    LocalDate today = io.salesdesk.core.BusinessTime.today(context.clock());
                    loaded.days().stream().filter(d -> !d.day().isBefore(today)).findFirst()
                            .ifPresent(d -> table.scrollTo(d));
                })
                .executeWith(context.executor());
    }

    private record Loaded(List<LocalTime> hours, List<CalendarDay> days) {
    }

    private void saveHours() {
        var actor = context.currentUser().asActor();
        LocalTime s = start.getValue();
        LocalTime e = end.getValue();
        run(() -> context.calendar().saveWorkingHours(actor, s, e), I18n.get("calendar.hours.saved", s, e));
    }

    private void mark() {
        var actor = context.currentUser().asActor();
        LocalDate first = from.getValue();
        LocalDate last = to.getValue();
        CalendarDay.Kind k = kind.getValue();
        String label = name.getText();
        BackgroundTask.wrap(() -> context.calendar().mark(actor, first, last, k, label))
                .onSuccess(days -> {
                    status.getStyleClass().remove(Styles.DANGER);
                    status.setText(I18n.get("calendar.marked", days.size(), I18n.label("calendar.kind", k), label.strip()));
                    from.setValue(null);
                    to.setValue(null);
                    name.clear();
                    reload();
                })
                .onFailure(this::showProblem)
                .executeWith(context.executor());
    }

    private void unmark(LocalDate day) {
        var actor = context.currentUser().asActor();
        run(() -> context.calendar().unmark(actor, day), I18n.get("calendar.unmarked", Formats.date(day)));
    }

    private void run(Runnable change, String done) {
        BackgroundTask.wrap(() -> {
            change.run();
            return done;
        }).onSuccess(text -> {
            status.getStyleClass().remove(Styles.DANGER);
            status.setText(text);
            reload();
        }).onFailure(this::showProblem).executeWith(context.executor());
    }

    private void showProblem(Throwable error) {
        if (error instanceof ValidationException validation) {
            status.setText(validation.problems().stream()
                    .map(p -> I18n.get(p.messageKey(), p.arguments().toArray()))
                    .reduce((a, b) -> a + "\n" + b).orElse(""));
            status.getStyleClass().add(Styles.DANGER);
        } else {
            ErrorDialogs.show(error);
        }
    }
}
