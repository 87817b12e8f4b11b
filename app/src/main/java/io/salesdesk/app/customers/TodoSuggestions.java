package io.salesdesk.app.customers;

import atlantafx.base.theme.Styles;
import io.salesdesk.app.common.I18n;
import io.salesdesk.board.task.TaskDraft;
import io.salesdesk.studio.notes.NoteTodos;
import io.salesdesk.studio.notes.TodoProposal;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import javafx.geometry.Pos;
import javafx.scene.control.CheckBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * 建议待办 under a follow-up's note: the to-dos the note promises ("下周三下午给王主任发送报价"), each
 * ticked, with its title and due time to edit; saving the follow-up creates the ticked ones as tasks
 * for the customer. Read again as the note changes; a proposal the rep has touched keeps their edits.
 */
final class TodoSuggestions extends VBox {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");
    /** Reads 9:30 as well as 09:30. */
    private static final DateTimeFormatter TYPED_TIME = DateTimeFormatter.ofPattern("H:mm");

    private final Clock clock;
    private final Label heading = new Label();
    private final VBox rows = new VBox(6);
    /** The rows shown, by action and the due phrase they came from. */
    private final Map<String, Row> shown = new LinkedHashMap<>();

    TodoSuggestions(Clock clock) {
        super(6);
        this.clock = clock;
        setId("todoSuggestions");
        getStyleClass().add("todo-suggestions");
        heading.setGraphic(new FontIcon(Feather.CHECK_SQUARE));
        heading.getStyleClass().add(Styles.TEXT_BOLD);
        getChildren().addAll(heading, rows);
        update("");
    }

    /** Reads the note (and next step) again. */
    void update(String text) {
        List<TodoProposal> proposals = NoteTodos.propose(text, LocalDateTime.now(clock));
        Map<String, Row> next = new LinkedHashMap<>();
        for (TodoProposal p : proposals) {
            String key = p.action() + "|" + p.dueText();
            Row kept = shown.get(key);
            next.put(key, kept != null && kept.touched ? kept : new Row(p));
        }
        // Rows the rep edited stay even if the words that made them were changed.
        shown.forEach((key, row) -> {
            if (row.touched) {
                next.putIfAbsent(key, row);
            }
        });
        shown.clear();
        shown.putAll(next);
        rows.getChildren().setAll(shown.values().stream().map(r -> r.box).toList());
        heading.setText(I18n.get("followUp.todos", shown.size()));
        setVisible(!shown.isEmpty());
        setManaged(!shown.isEmpty());
    }

    /**
     * The ticked to-dos as task drafts for the customer, or a message naming the first row whose time
     * cannot be read.
     */
    List<TaskDraft> chosen(UUID customerId) {
        List<TaskDraft> drafts = new ArrayList<>();
        for (Row row : shown.values()) {
            if (row.take.isSelected()) {
                drafts.add(new TaskDraft(row.title.getText(), null, null, null, row.due().map(
                        d -> d.atZone(clock.getZone()).toOffsetDateTime()).orElse(null), customerId, null));
            }
        }
        return drafts;
    }

    /**
     * What is wrong with the first ticked row that cannot become a task (a blank title, a time that is
     * not HH:mm), as a message key and its argument; checked before anything is saved.
     */
    Optional<String> problem() {
        for (Row r : shown.values()) {
            if (!r.take.isSelected()) {
                continue;
            }
            if (r.title.getText() == null || r.title.getText().isBlank()) {
                return Optional.of(I18n.get("followUp.todo.titleRequired"));
            }
            if (!r.timeReadable()) {
                return Optional.of(I18n.get("followUp.todo.timeInvalid", r.time.getText()));
            }
        }
        return Optional.empty();
    }

    List<Row> rows() {
        return List.copyOf(shown.values());
    }

    /** One proposal: tick, title, due date and time. */
    static final class Row {

        final CheckBox take = new CheckBox();
        final TextField title = new TextField();
        final DatePicker date = new DatePicker();
        final TextField time = new TextField();
        final HBox box;
        boolean touched;

        Row(TodoProposal proposal) {
            take.setSelected(true);
            take.getStyleClass().add("todo-take");
            title.setText(proposal.title());
            title.getStyleClass().add("todo-title");
            date.setValue(proposal.due() == null ? null : proposal.due().toLocalDate());
            date.setPrefWidth(140);
            date.setPromptText(I18n.get("followUp.todo.noDate"));
            time.setText(proposal.due() == null ? "" : TIME.format(proposal.due().toLocalTime()));
            time.setPrefColumnCount(4);
            time.setPromptText("18:00");
            HBox.setHgrow(title, Priority.ALWAYS);
            box = new HBox(8, take, title, date, time);
            box.setAlignment(Pos.CENTER_LEFT);
            box.getStyleClass().add("todo-row");
            take.selectedProperty().addListener((o, a, b) -> touched = true);
            title.textProperty().addListener((o, a, b) -> touched = true);
            date.valueProperty().addListener((o, a, b) -> touched = true);
            time.textProperty().addListener((o, a, b) -> touched = true);
        }

        Optional<LocalDateTime> due() {
            if (date.getValue() == null) {
                return Optional.empty();
            }
            String text = time.getText() == null ? "" : time.getText().strip();
            LocalTime at = text.isEmpty() ? LocalTime.of(18, 0) : LocalTime.parse(text, TYPED_TIME);
            return Optional.of(date.getValue().atTime(at));
        }

        boolean timeReadable() {
            String text = time.getText() == null ? "" : time.getText().strip();
            if (text.isEmpty()) {
                return true;
            }
            try {
                LocalTime.parse(text, TYPED_TIME);
                return true;
            } catch (DateTimeParseException e) {
                return false;
            }
        }
    }
}
