package cn.tzsw.college.attendance;

import cn.tzsw.college.attendance.domain.SigningKeyRepository;
import cn.tzsw.college.shared.SiteAddress;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Signed check-in codes for a lecture room or a viewing site: each names its target and a time slot of
 * {@code app.attendance.code-slot}; the current and the previous slot are accepted. The QR carries
 * "L42.1234567.mac" (or "S7..." for a site); the short code is six digits of the same signature.
 * The key is {@code app.attendance.signing-secret} if set; otherwise one kept in the database, made by the first
 * node that needs it, so that every node signs and checks with the same key and codes outlive a restart.
 */
@Component
class CheckInCodes {

    /** What a code names: a lecture room ('L') or a viewing site ('S'), and its id. */
    record Target(char kind, long id) {
    }

    private final String configuredSecret;
    private final SigningKeyRepository storedKeys;
    private volatile SecretKeySpec key;
    private final long slotSeconds;
    private final Clock clock;
    private final String baseUrl;

    CheckInCodes(AttendanceProperties properties, SigningKeyRepository storedKeys, Clock clock,
                 @Value("${app.mail.base-url:http://localhost:8080}") String baseUrl) {
        this.configuredSecret = properties.getSigningSecret();
        this.storedKeys = storedKeys;
        this.slotSeconds = properties.getCodeSlot().toSeconds();
        this.clock = clock;
        this.baseUrl = baseUrl;
    }

    /** What a room's or a site's screen shows now: the check-in link for the QR and the six digits beside it. */
    RoomCode roomCode(Target target) {
        long slot = currentSlot();
        return new RoomCode(SiteAddress.current(baseUrl) + "/checkin?code=" + token(target, slot),
                shortCode(target, slot), slotEnds(slot));
    }

    long currentSlot() {
        return clock.instant().getEpochSecond() / slotSeconds;
    }

    Instant slotEnds(long slot) {
        return Instant.ofEpochSecond((slot + 1) * slotSeconds);
    }

    String token(Target target, long slot) {
        return "" + target.kind() + target.id() + "." + slot + "." + Base64.getUrlEncoder().withoutPadding()
                .encodeToString(mac(target, slot)).substring(0, 16);
    }

    String shortCode(Target target, long slot) {
        byte[] mac = mac(target, slot);
        int number = ((mac[20] & 0x7f) << 24 | (mac[21] & 0xff) << 16 | (mac[22] & 0xff) << 8 | (mac[23] & 0xff));
        return "%06d".formatted(number % 1_000_000);
    }

    /** The target of a QR token, if it is well formed, signed by us and of the current or previous slot. */
    Optional<Target> verifyToken(String token) {
        String[] parts = token == null ? new String[0] : token.split("\\.");
        if (parts.length != 3 || parts[0].length() < 2 || (parts[0].charAt(0) != 'L' && parts[0].charAt(0) != 'S')) {
            return Optional.empty();
        }
        try {
            Target target = new Target(parts[0].charAt(0), Long.parseLong(parts[0].substring(1)));
            long slot = Long.parseLong(parts[1]);
            return fresh(slot) && MessageDigest.isEqual(token(target, slot).getBytes(StandardCharsets.US_ASCII),
                    token.getBytes(StandardCharsets.US_ASCII)) ? Optional.of(target) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** Whether the typed six digits are the target's code of the current or previous slot. */
    boolean verifyShortCode(Target target, String typed) {
        if (typed == null || !typed.strip().matches("\\d{6}")) {
            return false;
        }
        long now = currentSlot();
        byte[] given = typed.strip().getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(shortCode(target, now).getBytes(StandardCharsets.US_ASCII), given)
                || MessageDigest.isEqual(shortCode(target, now - 1).getBytes(StandardCharsets.US_ASCII), given);
    }

    private boolean fresh(long slot) {
        long now = currentSlot();
        return slot == now || slot == now - 1;
    }

    private byte[] mac(Target target, long slot) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key());
            return mac.doFinal((target.kind() + ":" + target.id() + ":" + slot).getBytes(StandardCharsets.US_ASCII));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Read on first use rather than at start: the database may be migrated after this bean is made. */
    private SecretKeySpec key() {
        SecretKeySpec known = key;
        if (known == null) {
            byte[] secret = configuredSecret.isBlank()
                    ? storedKeys.keyOr(randomSecret(), LocalDateTime.now(clock))
                    : configuredSecret.getBytes(StandardCharsets.UTF_8);
            known = new SecretKeySpec(secret, "HmacSHA256");
            key = known;
        }
        return known;
    }

    private static byte[] randomSecret() {
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        return secret;
    }
}
