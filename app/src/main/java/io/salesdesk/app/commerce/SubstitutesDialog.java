package io.salesdesk.app.commerce;

import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

import atlantafx.base.theme.Styles;
import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

import org.controlsfx.control.SearchableComboBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

import io.salesdesk.app.AppContext;
import io.salesdesk.app.common.BackgroundTask;
import io.salesdesk.app.common.ErrorDialogs;
import io.salesdesk.app.common.FormDialog;
import io.salesdesk.app.common.FormField;
import io.salesdesk.app.common.I18n;
import io.salesdesk.commerce.product.Product;

/**
 * 编辑替代品: a product's substitutes in the order the stock check offers them when it is short —
 * rank 1 first. Products are added from a search over the active catalogue (not the product itself,
 * not one listed already), removed, and moved up or down; the product service checks the list.
 */
final class SubstitutesDialog extends FormDialog<Product> {

    private final AppContext context;
    private final Product product;
    private final List<Product> catalogue;
    private final ListView<Product> ranked = new ListView<>();
    private final SearchableComboBox<Product> picker = new SearchableComboBox<>();

    private SubstitutesDialog(AppContext context, Product product, List<Product> substitutes, List<Product> catalogue) {
        super(I18n.get("substitutes.title", product.sku()), "substitutesSave");
        this.context = context;
        this.product = product;
        this.catalogue = catalogue;
        Label hint = new Label(I18n.get("substitutes.hint", product.name()));
        hint.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
        hint.setWrapText(true);
        createList(substitutes);
        VBox form = new VBox(12, hint,
                field("substitutes", I18n.get("substitutes.ranked"), new HBox(8, ranked, createMoves())),
                new FormField(I18n.get("substitutes.add.label"), createAdd()));
        form.setPrefWidth(560);
        setForm(form);
        offerCandidates();
    }

    /** Reads the substitutes and the active catalogue, then opens the dialog; {@code saved} gets the product. */
    static void open(AppContext context, Product product, Consumer<Product> saved) {
        BackgroundTask.wrap(() -> new Read(context.products().substitutes(product.id()),
                        context.products().list(null, null, true)))
                .onSuccess(read -> new SubstitutesDialog(context, product, read.substitutes(), read.catalogue())
                        .showAndWait().ifPresent(saved))
                .onFailure(ErrorDialogs::show)
                .executeWith(context.executor());
    }

    private record Read(List<Product> substitutes, List<Product> catalogue) {
    }

    private void createList(List<Product> substitutes) {
        ranked.setId("substituteList");
        ranked.getItems().setAll(substitutes);
        ranked.setPrefHeight(200);
        HBox.setHgrow(ranked, Priority.ALWAYS);
        Label none = new Label(I18n.get("substitutes.none"));
        none.getStyleClass().add(Styles.TEXT_MUTED);
        none.setWrapText(true);
        ranked.setPlaceholder(none);
        ranked.setCellFactory(list -> new ListCell<>() {
            @Override
            protected void updateItem(Product item, boolean empty) {
                super.updateItem(item, empty);
                if (empty || item == null) {
                    setText(null);
                    setGraphic(null);
                    return;
                }
                Label rank = new Label(Integer.toString(getIndex() + 1));
                rank.getStyleClass().add("substitute-rank");
                Label name = new Label(label(item));
                HBox line = new HBox(10, rank, name);
                line.setAlignment(Pos.CENTER_LEFT);
                if (!item.active()) {
                    // Kept as it was set; the stock check still names it, so say it is no longer sold.
                    line.getChildren().add(ProductDetailPane.activeChip(item));
                }
                setText(null);
                setGraphic(line);
            }
        });
    }

    private VBox createMoves() {
        Button up = button("substituteUp", "substitutes.up", Feather.ARROW_UP, () -> move(-1));
        Button down = button("substituteDown", "substitutes.down", Feather.ARROW_DOWN, () -> move(1));
        Button remove = button("substituteRemove", "substitutes.remove", Feather.TRASH_2, this::remove);
        remove.getStyleClass().add(Styles.DANGER);
        var selected = ranked.getSelectionModel().selectedIndexProperty();
        up.disableProperty().bind(selected.lessThanOrEqualTo(0));
        down.disableProperty().bind(selected.lessThan(0).or(selected.greaterThanOrEqualTo(
                Bindings.size(ranked.getItems()).subtract(1))));
        remove.disableProperty().bind(selected.lessThan(0));
        VBox moves = new VBox(6, up, down, remove);
        for (Button b : List.of(up, down, remove)) {
            b.setMaxWidth(Double.MAX_VALUE);
        }
        return moves;
    }

    private HBox createAdd() {
        picker.setId("substitutePicker");
        picker.setConverter(new StringConverter<>() {
            @Override
            public String toString(Product p) {
                return p == null ? "" : label(p);
            }

            @Override
            public Product fromString(String text) {
                return catalogue.stream().filter(p -> label(p).equals(text)).findFirst().orElse(null);
            }
        });
        String prompt = I18n.get("substitutes.add.prompt");
        picker.setPromptText(prompt);
        // A combo box emptied after a choice shows a blank instead of its prompt; this cell says it again.
        picker.setButtonCell(new ListCell<>() {
            @Override
            protected void updateItem(Product item, boolean empty) {
                super.updateItem(item, empty);
                boolean none = empty || item == null;
                setText(none ? prompt : label(item));
                getStyleClass().remove("prompt");
                if (none) {
                    getStyleClass().add("prompt");
                }
            }
        });
        picker.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(picker, Priority.ALWAYS);
        Button add = button("substituteAdd", "substitutes.add", Feather.PLUS, this::add);
        add.disableProperty().bind(picker.valueProperty().isNull());
        HBox row = new HBox(8, picker, add);
        row.setAlignment(Pos.CENTER_LEFT);
        return row;
    }

    private static String label(Product p) {
        return p.sku() + " · " + p.name();
    }

    /** What may still be added: active, not this product, not listed. */
    private void offerCandidates() {
        List<UUID> listed = ranked.getItems().stream().map(Product::id).toList();
        picker.setValue(null);
        picker.getItems().setAll(catalogue.stream()
                .filter(p -> p.active() && !p.id().equals(product.id()) && !listed.contains(p.id()))
                .toList());
    }

    private void add() {
        Product chosen = picker.getValue();
        if (chosen == null) {
            return;
        }
        ranked.getItems().add(chosen);
        ranked.getSelectionModel().select(chosen);
        offerCandidates();
    }

    private void remove() {
        int at = ranked.getSelectionModel().getSelectedIndex();
        if (at >= 0) {
            ranked.getItems().remove(at);
            ranked.refresh();
            offerCandidates();
        }
    }

    private void move(int by) {
        int from = ranked.getSelectionModel().getSelectedIndex();
        int to = from + by;
        if (from < 0 || to < 0 || to >= ranked.getItems().size()) {
            return;
        }
        Product moved = ranked.getItems().remove(from);
        ranked.getItems().add(to, moved);
        ranked.getSelectionModel().select(to);
        // The rank numbers of both rows change.
        ranked.refresh();
    }

    private static Button button(String id, String key, Feather icon, Runnable action) {
        Button button = new Button(I18n.get(key), new FontIcon(icon));
        button.setId(id);
        button.setOnAction(e -> action.run());
        return button;
    }

    @Override
    protected void save() {
        List<UUID> ids = ranked.getItems().stream().map(Product::id).toList();
        var actor = context.currentUser().asActor();
        BackgroundTask.wrap(() -> context.products().setSubstitutes(actor, product.id(), product.version(), ids))
                .onSuccess(this::finish)
                .onFailure(this::showFailure)
                .executeWith(context.executor());
    }
}
