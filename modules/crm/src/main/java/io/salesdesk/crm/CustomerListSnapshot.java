package io.salesdesk.crm;

import io.salesdesk.db.ChangeLog;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded database's customer list saved to a file when the app closes, so the next start
 * reads it in a fraction of the time a scan of the customer table takes.
 *
 * <p>The file is stamped with the audit chain's head. Every change to a business row moves the
 * head, so a file whose stamp equals the current head is exactly the table's content; any other
 * file is ignored and the list is read from the database.
 */
final class CustomerListSnapshot {

    private static final Logger LOG = LoggerFactory.getLogger(CustomerListSnapshot.class);
    private static final int FORMAT = 1;

    private final Path file;

    CustomerListSnapshot(Path dataDir) {
        this.file = dataDir.resolve("cache").resolve("customer-list.bin");
    }

    /** Writes the list stamped with the head it was read at; a failure only costs the next start time. */
    void save(ChangeLog.Head stamp, List<Customer> customers) {
        try {
            Files.createDirectories(file.getParent());
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(tmp), 1 << 16))) {
                out.writeInt(FORMAT);
                out.writeLong(stamp.seq());
                out.writeUTF(stamp.hash());
                out.writeInt(customers.size());
                for (Customer c : customers) {
                    write(out, c);
                }
            }
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            LOG.warn("Could not save the customer list snapshot {}", file, e);
        }
    }

    /** The saved list if the file is stamped with {@code current}; empty otherwise. */
    Optional<List<Customer>> load(ChangeLog.Head current, UnaryOperator<String> regionNames) {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16))) {
            if (in.readInt() != FORMAT || in.readLong() != current.seq() || !in.readUTF().equals(current.hash())) {
                return Optional.empty();
            }
            int size = in.readInt();
            List<Customer> customers = new ArrayList<>(size);
            for (int i = 0; i < size; i++) {
                customers.add(read(in, regionNames));
            }
            return Optional.of(customers);
        } catch (IOException | RuntimeException e) {
            LOG.warn("Ignoring an unreadable customer list snapshot {}", file, e);
            return Optional.empty();
        }
    }

    /** Removes the file, e.g. before the database is written by something that keeps no snapshot. */
    void discard() {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            LOG.warn("Could not delete {}", file, e);
        }
    }

    private static void write(DataOutputStream out, Customer c) throws IOException {
        writeUuid(out, c.id());
        out.writeUTF(c.name());
        writeText(out, c.creditCode());
        out.writeByte(c.tier().ordinal());
        writeText(out, c.industry());
        writeText(out, c.regionCode());
        writeText(out, c.address());
        writeText(out, c.phone());
        writeUuid(out, c.ownerId());
        writeText(out, c.ownerName());
        writeTime(out, c.lastFollowUpAt());
        out.writeLong(c.nextFollowUpOn() == null ? Long.MIN_VALUE : c.nextFollowUpOn().toEpochDay());
        out.writeLong(c.version());
        writeTime(out, c.updatedAt());
    }

    private static Customer read(DataInputStream in, UnaryOperator<String> regionNames) throws IOException {
        UUID id = readUuid(in);
        String name = in.readUTF();
        String creditCode = readText(in);
        Tier tier = Tier.values()[in.readByte()];
        String industry = readText(in);
        String regionCode = readText(in);
        String address = readText(in);
        String phone = readText(in);
        UUID ownerId = readUuid(in);
        String ownerName = readText(in);
        OffsetDateTime last = readTime(in);
        long nextDay = in.readLong();
        long version = in.readLong();
        OffsetDateTime updated = readTime(in);
        return new Customer(id, name, creditCode, tier, industry, regionCode,
                regionCode == null ? null : regionNames.apply(regionCode), address, phone, ownerId, ownerName, last,
                nextDay == Long.MIN_VALUE ? null : LocalDate.ofEpochDay(nextDay), version, updated);
    }

    private static void writeText(DataOutputStream out, String text) throws IOException {
        out.writeBoolean(text != null);
        if (text != null) {
            out.writeUTF(text);
        }
    }

    private static String readText(DataInputStream in) throws IOException {
        return in.readBoolean() ? in.readUTF() : null;
    }

    private static void writeUuid(DataOutputStream out, UUID id) throws IOException {
        out.writeBoolean(id != null);
        if (id != null) {
            out.writeLong(id.getMostSignificantBits());
            out.writeLong(id.getLeastSignificantBits());
        }
    }

    private static UUID readUuid(DataInputStream in) throws IOException {
        return in.readBoolean() ? new UUID(in.readLong(), in.readLong()) : null;
    }

    private static void writeTime(DataOutputStream out, OffsetDateTime time) throws IOException {
        out.writeBoolean(time != null);
        if (time != null) {
            Instant instant = time.toInstant();
            out.writeLong(instant.getEpochSecond());
            out.writeInt(instant.getNano());
        }
    }

    private static OffsetDateTime readTime(DataInputStream in) throws IOException {
        return in.readBoolean() ? OffsetDateTime.ofInstant(Instant.ofEpochSecond(in.readLong(), in.readInt()),
                ZoneOffset.UTC) : null;
    }
}
