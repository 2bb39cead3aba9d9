package cn.tzsw.college.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class MagicBytesTest {

    @Test
    void a_file_is_recognised_by_its_first_bytes_read_as_unsigned() {
        assertThat(MagicBytes.starts("%PDF-1.7".getBytes(StandardCharsets.US_ASCII), 0x25, 0x50, 0x44, 0x46)).isTrue();
        assertThat(MagicBytes.starts(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, 0x00}, 0xFF, 0xD8, 0xFF)).isTrue();
        assertThat(MagicBytes.starts("PK\u0003\u0004".getBytes(StandardCharsets.US_ASCII), 0x25, 0x50, 0x44, 0x46))
                .isFalse();
    }

    @Test
    void a_file_shorter_than_the_signature_does_not_match() {
        assertThat(MagicBytes.starts(new byte[] {0x25, 0x50}, 0x25, 0x50, 0x44, 0x46)).isFalse();
        assertThat(MagicBytes.starts(new byte[0], 0x25)).isFalse();
    }
}
