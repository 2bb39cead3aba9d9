package cn.tzsw.college.attendance.api;

/**
 * The JSON a player posts every 10-15 s; see {@code cn.tzsw.college.attendance.domain.Beat}. Checked here while
 * Jackson builds it (a refusal answers 400 "malformed"), not by Bean Validation: on the heartbeat path the
 * validator and its data binder cost more than reading the JSON.
 */
record HeartbeatRequest(String token, Long seq, Double from, Double position, boolean playing, boolean hidden,
                        Double rate) {

    static final int MAX_TOKEN_LENGTH = 32;
    static final double MAX_SECONDS = 360_000;
    static final double MIN_RATE = 0.0625;
    static final double MAX_RATE = 16;

    HeartbeatRequest {
        if (token == null || token.isBlank() || token.length() > MAX_TOKEN_LENGTH || seq == null || seq < 0
                || !seconds(from) || !seconds(position) || (rate != null && !(rate >= MIN_RATE && rate <= MAX_RATE))) {
            throw new IllegalArgumentException("malformed heartbeat");
        }
    }

    private static boolean seconds(Double value) {
        return value != null && value >= 0 && value <= MAX_SECONDS;
    }
}
