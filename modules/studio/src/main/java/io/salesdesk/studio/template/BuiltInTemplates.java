package io.salesdesk.studio.template;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/** The scenario templates that ship with SalesDesk, as template files among the module's resources. */
public final class BuiltInTemplates {

    /** The files under {@code builtin/}, in gallery order. */
    static final List<String> FILES = List.of(
            "medical-regional", "key-account", "industrial-tiering", "edtech-trial", "saas-renewal",
            "project-collection", "store-sales", "fmcg-promotion", "new-hire-90-days");

    private BuiltInTemplates() {
    }

    /** Every built-in template, read and checked (a built-in this SalesDesk cannot read is a bug of the build). */
    public static List<Template> all(String appVersion) {
        List<Template> all = new ArrayList<>();
        for (String file : FILES) {
            try (InputStream in = BuiltInTemplates.class.getResourceAsStream("builtin/" + file + ".json")) {
                if (in == null) {
                    throw new IllegalStateException("built-in template missing from the build: " + file);
                }
                all.add(TemplateFile.read(in, appVersion));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return all;
    }
}
