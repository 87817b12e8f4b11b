package io.salesdesk.app.help;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import atlantafx.base.theme.Styles;
import javafx.scene.Node;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;

/**
 * Renders the Markdown the user guide is written in to JavaFX nodes: headings, paragraphs, bullet
 * and numbered lists, quotes (tips), fenced commands, images, and in lines **bold**, `code` and links. Only what
 * the guide uses; tables and HTML are shown as plain text. Images and linked chapters are resolved
 * by the caller, so the same files read on GitHub render here from the jar.
 */
final class MarkdownView extends VBox {

    private static final Pattern INLINE = Pattern.compile("\\*\\*(.+?)\\*\\*|`(.+?)`|\\[(.+?)\\]\\((.+?)\\)");
    private static final Pattern IMAGE = Pattern.compile("!\\[(.*?)\\]\\((.+?)\\)");
    private static final Pattern NUMBERED = Pattern.compile("(\\d+)\\.\\s+(.*)");

    /** Where images come from and where a link goes. */
    interface Resolver {
        InputStream image(String path);

        void follow(String target);
    }

    private final Resolver resolver;

    MarkdownView(String markdown, Resolver resolver) {
        super(10);
        this.resolver = resolver;
        getStyleClass().add("markdown");
        render(markdown);
    }

    private void render(String markdown) {
        List<String> paragraph = new ArrayList<>();
        List<String> code = null;
        for (String raw : markdown.split("\\R")) {
            String line = raw.strip();
            if (line.startsWith("```")) {
                flush(paragraph);
                if (code == null) {
                    code = new ArrayList<>();
                } else {
                    codeBlock(code);
                    code = null;
                }
                continue;
            }
            if (code != null) {
                code.add(raw);
                continue;
            }
            if (line.isEmpty()) {
                flush(paragraph);
                continue;
            }
            if (line.startsWith("|")) {
                flush(paragraph);
                tableRow(line);
                continue;
            }
            Matcher image = IMAGE.matcher(line);
            Matcher numbered = NUMBERED.matcher(line);
            if (line.startsWith("#")) {
                flush(paragraph);
                heading(line);
            } else if (image.matches()) {
                flush(paragraph);
                image(image.group(2), image.group(1));
            } else if (line.startsWith("- ") || line.startsWith("* ")) {
                flush(paragraph);
                listItem("•", line.substring(2), raw.indexOf(line.charAt(0)) > 0);
            } else if (numbered.matches()) {
                flush(paragraph);
                listItem(numbered.group(1) + ".", numbered.group(2), raw.indexOf(line.charAt(0)) > 0);
            } else if (line.startsWith(">")) {
                flush(paragraph);
                TextFlow tip = flow(line.replaceFirst(">\\s?", ""));
                tip.getStyleClass().add("markdown-tip");
                getChildren().add(tip);
            } else {
                paragraph.add(line);
            }
        }
        flush(paragraph);
    }

    private void flush(List<String> paragraph) {
        if (!paragraph.isEmpty()) {
            getChildren().add(flow(String.join(" ", paragraph)));
            paragraph.clear();
        }
    }

    /**
     * A table row as a line of its cells (the notices have a table; the guide has none): the
     * separator row is dropped, the first row (the column titles) is bold.
     */
    private void tableRow(String line) {
        if (line.matches("\\|[-:|\\s]+\\|")) {
            return;
        }
        String cells = String.join("  ·  ", java.util.Arrays.stream(line.replaceAll("^\\||\\|$", "").split("\\|"))
                .map(String::strip).toList());
        boolean header = getChildren().isEmpty() || !(getChildren().get(getChildren().size() - 1) instanceof HBox);
        listItem("•", header ? "**" + cells + "**" : cells, false);
    }

    /** A command to type, as it is: one line each, in a monospaced box. */
    private void codeBlock(List<String> lines) {
        Label block = new Label(String.join("\n", lines));
        block.getStyleClass().add("markdown-code-block");
        block.setMaxWidth(Double.MAX_VALUE);
        getChildren().add(block);
    }

    private void heading(String line) {
        int level = 0;
        while (level < line.length() && line.charAt(level) == '#') {
            level++;
        }
        Label heading = new Label(line.substring(level).strip());
        heading.setWrapText(true);
        heading.getStyleClass().add(level == 1 ? Styles.TITLE_2 : level == 2 ? Styles.TITLE_3 : Styles.TITLE_4);
        heading.getStyleClass().add("markdown-heading");
        getChildren().add(heading);
    }

    private void image(String path, String alt) {
        InputStream in = resolver.image(path);
        if (in == null) {
            getChildren().add(new Label("[" + alt + "]"));
            return;
        }
        ImageView view = new ImageView(new Image(in));
        view.setPreserveRatio(true);
        view.setSmooth(true);
        // Screenshots are taken at 1400 px wide; shown at the reading width, never wider than taken.
        view.fitWidthProperty().bind(widthProperty().subtract(8).map(w -> Math.min(w.doubleValue(),
                view.getImage().getWidth())));
        view.setAccessibleText(alt);
        VBox figure = new VBox(view);
        // Else the picture's own width is the page's least width and the page never narrows to the window.
        figure.setMinWidth(0);
        figure.getStyleClass().add("markdown-figure");
        getChildren().add(figure);
    }

    /** A list item; {@code nested} ones (indented in the source) sit under their parent item. */
    private void listItem(String bullet, String text, boolean nested) {
        Label mark = new Label(bullet);
        mark.setMinWidth(22);
        TextFlow body = flow(text);
        HBox item = new HBox(4, mark, body);
        item.setPadding(new javafx.geometry.Insets(0, 0, 0, nested ? 40 : 12));
        getChildren().add(item);
    }

    /** A line of text with its bold, code and link parts. */
    private TextFlow flow(String text) {
        TextFlow flow = new TextFlow();
        flow.getStyleClass().add("markdown-text");
        Matcher inline = INLINE.matcher(text);
        int at = 0;
        while (inline.find()) {
            if (inline.start() > at) {
                flow.getChildren().add(text(text.substring(at, inline.start()), null));
            }
            if (inline.group(1) != null) {
                flow.getChildren().add(text(inline.group(1), "markdown-bold"));
            } else if (inline.group(2) != null) {
                flow.getChildren().add(text(inline.group(2), "markdown-code"));
            } else {
                flow.getChildren().add(link(inline.group(3), inline.group(4)));
            }
            at = inline.end();
        }
        if (at < text.length()) {
            flow.getChildren().add(text(text.substring(at), null));
        }
        return flow;
    }

    private Node link(String label, String target) {
        Hyperlink link = new Hyperlink(label);
        link.setPadding(javafx.geometry.Insets.EMPTY);
        // A focused link is scrolled into view: the chapter would open at its "next chapter" link.
        link.setFocusTraversable(false);
        link.setOnAction(e -> resolver.follow(target));
        return link;
    }

    private static Text text(String value, String style) {
        Text text = new Text(value);
        text.getStyleClass().add("markdown-run");
        if (style != null) {
            text.getStyleClass().add(style);
        }
        return text;
    }
}
