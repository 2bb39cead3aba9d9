package cn.tzsw.college.attendance.domain;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.OptionalDouble;

/**
 * Reads an MP4 file's type and length from its boxes (ISO/IEC 14496-12): "ftyp" first, and the movie header
 * "mvhd" inside "moov" (duration / timescale). Nothing else of the file is trusted or decoded.
 */
public final class Mp4Duration {

    private Mp4Duration() {
    }

    /** True when the file starts like an MP4 (an "ftyp" box). */
    public static boolean looksLikeMp4(byte[] head) {
        return head.length >= 8 && "ftyp".equals(new String(head, 4, 4, StandardCharsets.US_ASCII));
    }

    /** The length in seconds, if the file has a movie header. */
    public static OptionalDouble seconds(Path file) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            return find(channel, 0, channel.size(), 0);
        }
    }

    private static OptionalDouble find(FileChannel channel, long from, long to, int depth) throws IOException {
        long position = from;
        ByteBuffer header = ByteBuffer.allocate(16);
        while (position + 8 <= to && depth < 4) {
            header.clear().limit(16);
            channel.read(header, position);
            header.flip();
            if (header.remaining() < 8) {
                break;
            }
            long size = Integer.toUnsignedLong(header.getInt());
            String type = new String(new byte[] {header.get(), header.get(), header.get(), header.get()},
                    StandardCharsets.US_ASCII);
            int headerSize = 8;
            if (size == 1 && header.remaining() >= 8) {
                size = header.getLong();
                headerSize = 16;
            } else if (size == 0) {
                size = to - position;
            }
            if (size < headerSize) {
                break;
            }
            if (type.equals("moov")) {
                return find(channel, position + headerSize, position + size, depth + 1);
            }
            if (type.equals("mvhd")) {
                return movieHeader(channel, position + headerSize);
            }
            position += size;
        }
        return OptionalDouble.empty();
    }

    private static OptionalDouble movieHeader(FileChannel channel, long at) throws IOException {
        ByteBuffer body = ByteBuffer.allocate(32);
        channel.read(body, at);
        body.flip();
        int version = body.get() & 0xff;
        body.position(version == 1 ? 20 : 12);
        long timescale = Integer.toUnsignedLong(body.getInt());
        long duration = version == 1 ? body.getLong() : Integer.toUnsignedLong(body.getInt());
        return timescale == 0 ? OptionalDouble.empty() : OptionalDouble.of((double) duration / timescale);
    }
}
