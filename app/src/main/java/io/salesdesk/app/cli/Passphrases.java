package io.salesdesk.app.cli;

import io.salesdesk.app.common.I18n;
import io.salesdesk.core.SalesDeskException;
import io.salesdesk.db.crypt.WorkspaceKey;
import java.io.Console;
import java.util.Arrays;
import java.util.Map;

/**
 * Where the command line gets a data passphrase: the environment variable named by
 * {@code --passphrase-env} (never the command line itself, which other users can see), else a prompt
 * on the terminal without echo.
 */
final class Passphrases {

    private Passphrases() {
    }

    /** The passphrase of an existing encrypted workspace or backup. */
    static char[] existing(String envVar, Map<String, String> env, Console console) {
        if (envVar != null) {
            return fromEnv(envVar, env);
        }
        if (console == null) {
            throw new SalesDeskException("error.crypt.noPassphrase");
        }
        char[] typed = console.readPassword("%s", I18n.get("cli.crypt.prompt"));
        if (typed == null) {
            throw new SalesDeskException("error.crypt.noPassphrase");
        }
        return typed;
    }

    /** A new passphrase: from the variable, else typed twice. */
    static char[] chooseNew(String envVar, Map<String, String> env, Console console) {
        if (envVar != null) {
            return fromEnv(envVar, env);
        }
        if (console == null) {
            throw new SalesDeskException("error.crypt.noPassphrase");
        }
        char[] first = console.readPassword("%s", I18n.get("cli.crypt.promptNew", WorkspaceKey.MIN_PASSPHRASE));
        char[] second = console.readPassword("%s", I18n.get("cli.crypt.promptAgain"));
        if (first == null || second == null) {
            throw new SalesDeskException("error.crypt.noPassphrase");
        }
        boolean same = Arrays.equals(first, second);
        Arrays.fill(second, '\0');
        if (!same) {
            Arrays.fill(first, '\0');
            throw new SalesDeskException("error.crypt.passphraseMismatch");
        }
        return first;
    }

    private static char[] fromEnv(String envVar, Map<String, String> env) {
        String value = env.get(envVar);
        if (value == null) {
            throw new SalesDeskException("cli.passwordEnvMissing", envVar);
        }
        return value.toCharArray();
    }
}
