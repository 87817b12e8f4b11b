package io.salesdesk.ledger.read;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits CSV text into records per RFC 4180: fields in double quotes may hold delimiters, line
 * breaks and doubled quotes; lines end with CR, LF or CRLF. Lenient like Excel: a quote inside an
 * unquoted field is kept as text, and an unclosed quote runs to the end of the file.
 */
final class CsvRecordReader {

    private final Reader reader;
    private final char delimiter;
    private final char[] buffer = new char[1 << 14];
    private int position;
    private int limit;
    private final StringBuilder field = new StringBuilder();

    CsvRecordReader(Reader reader, char delimiter) {
        this.reader = reader;
        this.delimiter = delimiter;
    }

    /** The next record's fields, or {@code null} at the end of the input. */
    List<String> next() throws IOException {
        int c = read();
        if (c < 0) {
            return null;
        }
        List<String> fields = new ArrayList<>();
        field.setLength(0);
        boolean inQuotes = false;
        boolean quotedField = false;
        while (true) {
            if (c < 0) {
                fields.add(field.toString());
                return fields;
            }
            if (inQuotes) {
                if (c == '"') {
                    int after = read();
                    if (after == '"') {
                        append('"');
                    } else {
                        inQuotes = false;
                        c = after;
                        continue;
                    }
                } else {
                    append((char) c);
                }
            } else if (c == delimiter) {
                fields.add(field.toString());
                field.setLength(0);
                quotedField = false;
            } else if (c == '\n' || c == '\r') {
                if (c == '\r' && peek() == '\n') {
                    read();
                }
                fields.add(field.toString());
                return fields;
            } else if (c == '"' && field.length() == 0 && !quotedField) {
                inQuotes = true;
                quotedField = true;
            } else {
                append((char) c);
            }
            c = read();
        }
    }

    private void append(char c) {
        if (field.length() >= XmlText.MAX_TEXT_LENGTH) {
            // Usually an unclosed quote swallowing the rest of the file.
            throw new XmlText.TextTooLongException();
        }
        field.append(c);
    }

    private int read() throws IOException {
        if (position == limit && !fill()) {
            return -1;
        }
        return buffer[position++];
    }

    private int peek() throws IOException {
        if (position == limit && !fill()) {
            return -1;
        }
        return buffer[position];
    }

    private boolean fill() throws IOException {
        int n;
        do {
            n = reader.read(buffer, 0, buffer.length);
        } while (n == 0);
        position = 0;
        limit = Math.max(n, 0);
        return n > 0;
    }
}
