package io.salesdesk.ledger.read;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * How a CSV file is written: its encoding, how many BOM bytes to skip, and its delimiter.
 *
 * <p>Excel on Chinese Windows saves "CSV" in GB18030/GBK without a BOM, "CSV UTF-8" with a BOM,
 * and other tools write UTF-8 without one; a file that is not valid UTF-8 is taken as GB18030,
 * which contains GBK and GB2312.
 *
 * @param charset   the text encoding
 * @param bomLength bytes of byte-order mark at the start
 * @param delimiter comma, tab or semicolon
 */
record CsvDialect(Charset charset, int bomLength, char delimiter) {

    static final Charset GB18030 = Charset.forName("GB18030");
    private static final char[] DELIMITERS = {',', '\t', ';'};
    private static final int SAMPLE_LINES = 20;

    /** Detects the dialect of a file by reading it once to check the encoding and sampling its start. */
    static CsvDialect detect(Path file) throws IOException {
        byte[] head = new byte[4];
        int headLength;
        try (InputStream in = Files.newInputStream(file)) {
            headLength = in.readNBytes(head, 0, head.length);
        }
        Charset charset;
        int bom = 0;
        if (headLength >= 3 && (head[0] & 0xFF) == 0xEF && (head[1] & 0xFF) == 0xBB && (head[2] & 0xFF) == 0xBF) {
            charset = StandardCharsets.UTF_8;
            bom = 3;
        } else if (headLength >= 2 && (head[0] & 0xFF) == 0xFE && (head[1] & 0xFF) == 0xFF) {
            charset = StandardCharsets.UTF_16BE;
            bom = 2;
        } else if (headLength >= 2 && (head[0] & 0xFF) == 0xFF && (head[1] & 0xFF) == 0xFE) {
            charset = StandardCharsets.UTF_16LE;
            bom = 2;
        } else {
            charset = isValidUtf8(file) ? StandardCharsets.UTF_8 : GB18030;
        }
        return new CsvDialect(charset, bom, detectDelimiter(file, charset, bom));
    }

    /** Opens a reader positioned after the BOM. */
    Reader openReader(Path file) throws IOException {
        InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
        try {
            in.skipNBytes(bomLength);
        } catch (IOException e) {
            in.close();
            throw e;
        }
        return new InputStreamReader(in, charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE));
    }

    private static boolean isValidUtf8(Path file) throws IOException {
        CharsetDecoder strict = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        char[] buffer = new char[1 << 14];
        try (Reader reader = new InputStreamReader(new BufferedInputStream(Files.newInputStream(file), 1 << 16), strict)) {
            while (reader.read(buffer) >= 0) {
                // Reading through is the check: a malformed sequence throws.
            }
            return true;
        } catch (java.nio.charset.CharacterCodingException e) {
            return false;
        }
    }

    // Counts each candidate outside quotes on the first lines; the one that appears most often on
    // the most lines with the same count wins. A one-column file falls back to comma.
    private static char detectDelimiter(Path file, Charset charset, int bom) throws IOException {
        int[][] counts = new int[DELIMITERS.length][SAMPLE_LINES];
        int lines = 0;
        try (Reader reader = new CsvDialect(charset, bom, ',').openReader(file)) {
            boolean quoted = false;
            int c;
            int read = 0;
            while (lines < SAMPLE_LINES && (c = reader.read()) >= 0 && read++ < (1 << 20)) {
                if (c == '"') {
                    quoted = !quoted;
                } else if (!quoted && (c == '\n' || c == '\r')) {
                    lines++;
                } else if (!quoted) {
                    for (int d = 0; d < DELIMITERS.length; d++) {
                        if (c == DELIMITERS[d]) {
                            counts[d][lines]++;
                        }
                    }
                }
            }
            lines = Math.min(SAMPLE_LINES, lines + 1);
        }
        char best = ',';
        long bestScore = 0;
        for (int d = 0; d < DELIMITERS.length; d++) {
            long score = score(counts[d], lines);
            if (score > bestScore) {
                bestScore = score;
                best = DELIMITERS[d];
            }
        }
        return best;
    }

    private static long score(int[] counts, int lines) {
        int first = counts[0];
        if (first == 0) {
            return 0;
        }
        int consistent = 0;
        long total = 0;
        for (int i = 0; i < lines; i++) {
            total += counts[i];
            if (counts[i] == first) {
                consistent++;
            }
        }
        return consistent * 1_000_000L + total;
    }
}
