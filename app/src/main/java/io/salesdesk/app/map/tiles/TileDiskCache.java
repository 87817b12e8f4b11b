package io.salesdesk.app.map.tiles;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

import javax.imageio.ImageIO;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tiles the user has viewed, kept under the data folder as {@code tiles/z/x/y.png}. A hit stamps the
 * file's modification time (access times are switched off on many disks), so eviction removes the
 * tiles looked at longest ago until the cache is back under 90 % of its limit. A file that does not
 * decode as an image is deleted, and the tile is fetched or drawn again.
 */
final class TileDiskCache {

    private static final Logger LOG = LoggerFactory.getLogger(TileDiskCache.class);
    /** Remembers which server the tiles came from, so another server's tiles are never shown. */
    static final String SOURCE_FILE = "source.txt";

    private final Path root;
    private final long limitBytes;
    private final Clock clock;
    private final AtomicLong size = new AtomicLong(-1);

    TileDiskCache(Path root, long limitBytes, Clock clock) {
        this.root = root;
        this.limitBytes = limitBytes;
        this.clock = clock;
    }

    Path file(int zoom, long x, long y) {
        return root.resolve(Integer.toString(zoom)).resolve(Long.toString(x)).resolve(y + ".png");
    }

    /** The cached tile, if there is one that decodes; a corrupt one is deleted. */
    Optional<BufferedImage> read(int zoom, long x, long y) {
        Path file = file(zoom, x, y);
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            LOG.warn("Cannot read cached tile {}: {}", file, e.toString());
            discard(file);
            return Optional.empty();
        }
        BufferedImage image = decode(bytes);
        if (image == null) {
            LOG.warn("Discarding corrupt cached tile {} ({} bytes)", file, bytes.length);
            discard(file);
            return Optional.empty();
        }
        try {
            Files.setLastModifiedTime(file, FileTime.from(clock.instant()));
        } catch (IOException e) {
            LOG.debug("Cannot stamp {}: {}", file, e.toString());
        }
        return Optional.of(image);
    }

    /** The image in the bytes, or {@code null} when they are not a whole image. */
    static BufferedImage decode(byte[] bytes) {
        try {
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(bytes));
            return image == null || image.getWidth() <= 0 || image.getHeight() <= 0 ? null : image;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** Stores a fetched tile (whole or not at all: written beside it, then moved in place). */
    void write(int zoom, long x, long y, byte[] bytes) {
        Path file = file(zoom, x, y);
        try {
            Files.createDirectories(file.getParent());
            Path part = Files.createTempFile(file.getParent(), y + "-", ".part");
            Files.write(part, bytes);
            Files.setLastModifiedTime(part, FileTime.from(clock.instant()));
            long before = Files.exists(file) ? Files.size(file) : 0;
            try {
                Files.move(part, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(part, file, StandardCopyOption.REPLACE_EXISTING);
            }
            size.getAndUpdate(s -> s < 0 ? s : s + bytes.length - before);
        } catch (IOException e) {
            LOG.warn("Cannot cache tile {}: {}", file, e.toString());
        }
    }

    private void discard(Path file) {
        try {
            long bytes = Files.size(file);
            Files.deleteIfExists(file);
            size.getAndUpdate(s -> s < 0 ? s : Math.max(0, s - bytes));
        } catch (IOException e) {
            LOG.warn("Cannot delete cached tile {}: {}", file, e.toString());
        }
    }

    /** The bytes the cache holds (counted from the disk on first use). */
    long size() {
        long known = size.get();
        if (known < 0) {
            known = tiles().stream().mapToLong(CachedTile::bytes).sum();
            size.set(known);
        }
        return known;
    }

    boolean overLimit() {
        return size() > limitBytes;
    }

    /** Deletes the tiles viewed longest ago until the cache holds at most 90 % of its limit. */
    void evict() {
        List<CachedTile> tiles = tiles();
        long total = tiles.stream().mapToLong(CachedTile::bytes).sum();
        long target = limitBytes / 10 * 9;
        if (total <= limitBytes) {
            size.set(total);
            return;
        }
        tiles.sort(Comparator.comparing(CachedTile::touched));
        int removed = 0;
        for (CachedTile tile : tiles) {
            if (total <= target) {
                break;
            }
            try {
                Files.deleteIfExists(tile.file());
                total -= tile.bytes();
                removed++;
            } catch (IOException e) {
                LOG.warn("Cannot evict cached tile {}: {}", tile.file(), e.toString());
            }
        }
        size.set(total);
        LOG.info("Tile cache over its limit of {} MB: {} tiles removed, {} MB kept", limitBytes >> 20, removed,
                total >> 20);
    }

    /** Deletes every cached tile. */
    void clear() {
        if (!Files.isDirectory(root)) {
            size.set(0);
            return;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            walk.sorted(Comparator.reverseOrder()).filter(p -> !p.equals(root)).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    LOG.warn("Cannot delete {}: {}", p, e.toString());
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        size.set(0);
    }

    /**
     * Empties the cache when its tiles came from another server than {@code template}, then notes
     * the template: tiles of two servers must never mix on one map.
     */
    void useSource(String template) {
        Path marker = root.resolve(SOURCE_FILE);
        try {
            String before = Files.exists(marker) ? Files.readString(marker).strip() : null;
            if (template.equals(before)) {
                return;
            }
            if (before != null || hasTiles()) {
                LOG.info("Tile server changed from '{}' to '{}': clearing the tile cache", before, template);
                clear();
            }
            Files.createDirectories(root);
            Files.writeString(marker, template);
        } catch (IOException e) {
            LOG.warn("Cannot note the tile source in {}: {}", marker, e.toString());
        }
    }

    private boolean hasTiles() throws IOException {
        if (!Files.isDirectory(root)) {
            return false;
        }
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(root, Files::isDirectory)) {
            return entries.iterator().hasNext();
        }
    }

    private record CachedTile(Path file, long bytes, FileTime touched) {
    }

    private List<CachedTile> tiles() {
        List<CachedTile> tiles = new ArrayList<>();
        if (!Files.isDirectory(root)) {
            return tiles;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            walk.filter(p -> p.getFileName().toString().endsWith(".png")).forEach(p -> {
                try {
                    BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class);
                    tiles.add(new CachedTile(p, a.size(), a.lastModifiedTime()));
                } catch (IOException e) {
                    LOG.debug("Skipping {}: {}", p, e.toString());
                }
            });
        } catch (IOException | UncheckedIOException e) {
            LOG.warn("Cannot list the tile cache {}: {}", root, e.toString());
        }
        return tiles;
    }
}
