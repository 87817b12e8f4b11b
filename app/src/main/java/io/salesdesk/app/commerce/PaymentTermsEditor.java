package io.salesdesk.app.commerce;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import atlantafx.base.theme.Styles;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

import io.salesdesk.app.common.I18n;
import io.salesdesk.app.common.Pickers;
import io.salesdesk.commerce.contract.Milestone;
import io.salesdesk.commerce.contract.PaymentTerm;

/**
 * 付款条件: the milestones a contract is paid on — share of the amount and days allowed after the
 * event — with their running total, which must come to 100 %.
 */
final class PaymentTermsEditor extends VBox {

    private final VBox rows = new VBox(6);
    private final Label total = new Label();
    private final List<Row> lines = new ArrayList<>();

    private record Row(HBox box, ComboBox<Milestone> milestone, TextField share, TextField days) {
    }

    PaymentTermsEditor(List<PaymentTerm> initial) {
        super(8);
        setId("paymentTerms");
        initial.forEach(this::add);
        Button add = new Button(I18n.get("terms.add"), new FontIcon(Feather.PLUS));
        add.setId("termsAdd");
        add.getStyleClass().addAll(Styles.FLAT, Styles.SMALL);
        add.setOnAction(e -> add(new PaymentTerm(Milestone.ACCEPTANCE, BigDecimal.ZERO, 30)));
        total.setId("termsTotal");
        HBox foot = new HBox(12, add, total);
        foot.setAlignment(Pos.CENTER_LEFT);
        getChildren().addAll(rows, foot);
        updateTotal();
    }

    private void add(PaymentTerm term) {
        ComboBox<Milestone> milestone = Pickers.of(List.of(Milestone.values()), m -> I18n.label("milestone", m), "");
        milestone.setValue(term.milestone());
        milestone.setPrefWidth(130); // "acceptance" whole in English too
        TextField share = new TextField(term.sharePct().stripTrailingZeros().toPlainString());
        share.setPrefColumnCount(4);
        share.textProperty().addListener((obs, was, now) -> updateTotal());
        TextField days = new TextField(Integer.toString(term.dueDays()));
        days.setPrefColumnCount(3);
        Button remove = new Button(null, new FontIcon(Feather.X));
        remove.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT, Styles.SMALL);
        HBox box = new HBox(6, milestone, share, new Label("%"), new Label(I18n.get("terms.within")), days,
                new Label(I18n.get("terms.days")), remove);
        box.setAlignment(Pos.CENTER_LEFT);
        Row row = new Row(box, milestone, share, days);
        int index = lines.size();
        share.setId("termShare-" + index);
        days.setId("termDays-" + index);
        remove.setOnAction(e -> {
            lines.remove(row);
            rows.getChildren().remove(box);
            updateTotal();
        });
        lines.add(row);
        rows.getChildren().add(box);
        updateTotal();
    }

    private void updateTotal() {
        BigDecimal sum = BigDecimal.ZERO;
        for (Row row : lines) {
            BigDecimal share = Amounts.parse(row.share().getText());
            sum = share == null ? sum : sum.add(share);
        }
        boolean right = sum.compareTo(BigDecimal.valueOf(100)) == 0;
        total.setText(I18n.get("terms.total", sum.stripTrailingZeros().toPlainString()));
        total.getStyleClass().removeAll(Styles.SUCCESS, Styles.DANGER);
        total.getStyleClass().add(right ? Styles.SUCCESS : Styles.DANGER);
    }

    /**
     * The terms as typed; a share or day count that is not a number goes through as an impossible
     * value so the service names the line.
     */
    List<PaymentTerm> terms() {
        List<PaymentTerm> terms = new ArrayList<>();
        for (Row row : lines) {
            BigDecimal share = Amounts.parse(row.share().getText());
            int days;
            try {
                days = Integer.parseInt(row.days().getText().strip());
            } catch (NumberFormatException e) {
                days = -1;
            }
            terms.add(new PaymentTerm(row.milestone().getValue(), share == null ? BigDecimal.valueOf(-1) : share, days));
        }
        return terms;
    }
}
