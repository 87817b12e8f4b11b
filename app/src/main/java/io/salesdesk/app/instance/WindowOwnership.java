package io.salesdesk.app.instance;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One window per workspace: the first start of SalesDesk on a folder takes an OS lock on
 * {@code window.lock} there and listens for later starts ({@link InstanceServer}); a later start
 * finds the lock taken and hands its request over ({@link InstanceClient}) instead of opening the
 * workspace a second time. The OS drops the lock when a window's process ends, crash or not, so an
 * address file a crash left behind is simply replaced by the next start. A lock of its own, not the
 * database's {@code salesdesk.lock}: a command such as {@code salesdesk import} holds that one and
 * has no window to show.
 */
public final class WindowOwnership implements AutoCloseable {

    /** The lock file's name in the workspace's folder. */
    public static final String LOCK_FILE = "window.lock";

    private static final Logger LOG = LoggerFactory.getLogger(WindowOwnership.class);
    private static final Duration RETRY = Duration.ofMillis(100);

    private final FileChannel channel;
    private final FileLock lock;
    private final InstanceServer server;
    private final boolean handedOff;

    private WindowOwnership(FileChannel channel, FileLock lock, InstanceServer server, boolean handedOff) {
        this.channel = channel;
        this.lock = lock;
        this.server = server;
        this.handedOff = handedOff;
    }

    /**
     * Takes the window of the workspace in {@code dir}, with requests of later starts going to
     * {@code requests}; or, if a window has it, hands {@code request} to that window. A window that
     * is still starting (locked, no address yet) is waited for up to {@code patience}. When neither
     * works (a folder that cannot be written, a window that does not answer) the start goes on as
     * before this existed: the result owns nothing and was not handed off.
     */
    public static WindowOwnership claim(Path dir, WindowRequest request, Consumer<WindowRequest> requests,
                                        Duration patience) {
        long deadline = System.nanoTime() + patience.toNanos();
        try {
            Files.createDirectories(dir);
            while (true) {
                FileChannel channel = FileChannel.open(dir.resolve(LOCK_FILE),
                        StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                FileLock lock = tryLock(channel);
                if (lock != null) {
                    return owner(dir, channel, lock, requests);
                }
                channel.close();
                var address = InstanceAddress.read(dir);
                if (address.isPresent()) {
                    InstanceClient.Outcome outcome = InstanceClient.send(address.get(), request);
                    if (outcome == InstanceClient.Outcome.HANDED_OFF) {
                        LOG.info("SalesDesk is already open on {}: handed it {}", dir, request);
                        return new WindowOwnership(null, null, null, true);
                    }
                    if (outcome == InstanceClient.Outcome.REFUSED) {
                        LOG.warn("The SalesDesk window open on {} refused this start's request", dir);
                        return none();
                    }
                }
                if (System.nanoTime() > deadline) {
                    LOG.warn("SalesDesk's window on {} is locked but does not answer", dir);
                    return none();
                }
                Thread.sleep(RETRY.toMillis());
            }
        } catch (IOException e) {
            LOG.warn("Cannot tell whether SalesDesk is already open on {}: {}", dir, e.getMessage());
            return none();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return none();
        }
    }

    /**
     * Whether a window holds the workspace in {@code dir} right now: a quick look, taking nothing, for a
     * start to skip work it will not need if it hands over.
     */
    public static boolean isTaken(Path dir) {
        try (FileChannel channel = FileChannel.open(dir.resolve(LOCK_FILE), StandardOpenOption.WRITE)) {
            FileLock lock = tryLock(channel);
            if (lock == null) {
                return true;
            }
            lock.release();
            return false;
        } catch (IOException e) {
            // No lock file (never opened) or no folder: nobody holds it.
            return false;
        }
    }

    private static WindowOwnership owner(Path dir, FileChannel channel, FileLock lock,
                                         Consumer<WindowRequest> requests) throws IOException {
        try {
            return new WindowOwnership(channel, lock, InstanceServer.start(dir, requests), false);
        } catch (IOException e) {
            channel.close();
            throw e;
        }
    }

    private static FileLock tryLock(FileChannel channel) throws IOException {
        try {
            return channel.tryLock();
        } catch (OverlappingFileLockException e) {
            // Held by this very process (a window opened in the same JVM, as in tests).
            return null;
        }
    }

    private static WindowOwnership none() {
        return new WindowOwnership(null, null, null, false);
    }

    /** Whether the window already open took this start's request, so this start is done. */
    public boolean handedOff() {
        return handedOff;
    }

    /** Whether this start owns the workspace's window (and listens for later starts). */
    public boolean owns() {
        return server != null;
    }

    /** Where this start listens, if it owns the window. */
    public java.util.Optional<InstanceAddress> address() {
        return java.util.Optional.ofNullable(server).map(InstanceServer::address);
    }

    /** Stops listening and lets the next start have the window. */
    @Override
    public void close() {
        if (server == null) {
            return;
        }
        server.close();
        try {
            lock.release();
            channel.close();
        } catch (IOException e) {
            LOG.debug("Releasing {} failed", LOCK_FILE, e);
        }
    }
}
