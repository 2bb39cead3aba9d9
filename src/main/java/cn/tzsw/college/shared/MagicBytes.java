package cn.tzsw.college.shared;

/** A file's kind by its first bytes (its signature), which an upload cannot fake by its name. */
public final class MagicBytes {

    private MagicBytes() {
    }

    /** Whether the content begins with these bytes (given as unsigned values, e.g. 0x25, 0x50, 0x44, 0x46 for PDF). */
    public static boolean starts(byte[] content, int... magic) {
        if (content.length < magic.length) {
            return false;
        }
        for (int i = 0; i < magic.length; i++) {
            if ((content[i] & 0xFF) != magic[i]) {
                return false;
            }
        }
        return true;
    }
}
