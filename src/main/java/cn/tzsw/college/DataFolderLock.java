package cn.tzsw.college;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;

/**
 * Which JVM runs the database of a data folder: the one holding the lock on the folder's {@value #FILE}, which
 * also names it by process id. The OS drops the lock however that JVM ends (kill -9 included): a held lock means
 * a live instance of the app, and a server still running on a free folder is a leftover of a dead one.
 */
final class DataFolderLock implements AutoCloseable {

    static final String FILE = ".app-db.lock";

    private final FileChannel channel;

    private DataFolderLock(FileChannel channel) {
        this.channel = channel;
    }

    /** Takes the folder for this JVM, or fails at once, naming the process that has it. */
    static DataFolderLock take(Path folder) {
        FileChannel channel = open(folder);
        try {
            FileLock lock = channel.tryLock();
            if (lock == null) {
                channel.close();
                throw new IllegalStateException(inUse(folder, holderId(folder)));
            }
            channel.truncate(0);
            channel.write(ByteBuffer.wrap((ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.US_ASCII)));
            channel.force(false);
            return new DataFolderLock(channel);
        } catch (OverlappingFileLockException e) {
            closeQuietly(channel);
            throw new IllegalStateException("The database folder " + folder + " is already in use in this JVM", e);
        } catch (IOException e) {
            closeQuietly(channel);
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Whether another process, a live instance of the app, holds the folder. Never to be asked about a folder this
     * JVM holds: on Linux, closing any channel to the file drops every lock the process has on it.
     */
    static boolean heldElsewhere(Path folder) {
        if (!Files.exists(folder.resolve(FILE))) {
            return false;
        }
        try (FileChannel channel = open(folder)) {
            FileLock lock = channel.tryLock();
            if (lock == null) {
                return true;
            }
            lock.release();
            return false;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        closeQuietly(channel); // closing the channel releases the lock
    }

    private static FileChannel open(Path folder) {
        try {
            return FileChannel.open(folder.resolve(FILE),
                    EnumSet.of(StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE),
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String holderId(Path folder) {
        try {
            return Files.readString(folder.resolve(FILE), StandardCharsets.US_ASCII).strip();
        } catch (IOException e) {
            return "";
        }
    }

    private static String inUse(Path folder, String holderId) {
        String process = holderId.matches("\\d+")
                ? "process " + holderId + ProcessHandle.of(Long.parseLong(holderId))
                        .flatMap(handle -> handle.info().commandLine())
                        .map(command -> " (" + abbreviate(command) + ")").orElse("")
                : "another process";
        return "The database folder " + folder + " is in use by " + process + ": another instance of the app runs"
                + " with it. Stop that instance first, or give this one a folder of its own (app.db.data-dir,"
                + " APP_DB_DATA_DIR).";
    }

    private static String abbreviate(String command) {
        return command.length() <= 160 ? command : command.substring(0, 157) + "...";
    }

    private static void closeQuietly(FileChannel channel) {
        try {
            channel.close();
        } catch (IOException e) {
            // nothing held is left behind: the OS drops the lock with the descriptor
        }
    }
}
