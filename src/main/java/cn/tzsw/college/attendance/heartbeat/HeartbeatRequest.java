package cn.tzsw.college.attendance.heartbeat;

import java.io.InputStream;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.ObjectMapper;

/**
 * The JSON a player posts every 10-15 s; see {@code cn.tzsw.college.attendance.domain.Beat}. Read with Jackson's
 * streaming parser and checked as it is built (a refusal answers 400 "malformed"): on the heartbeat path Jackson's
 * data binding (it calls a record's constructor through {@code MethodHandle.invokeWithArguments}, building an
 * invoker on every call) and Bean Validation each cost more than the rest of the request. Every number must fit
 * where it is stored (the heartbeat number is an {@code INT}), so nothing out of range reaches a batch of writes.
 */
record HeartbeatRequest(String token, Long seq, Double from, Double position, boolean playing, boolean hidden,
                        Double rate) {

    static final int MAX_TOKEN_LENGTH = 32;
    static final double MAX_SECONDS = 360_000;
    static final double MIN_RATE = 0.0625;
    static final double MAX_RATE = 16;

    /** A JSON body that is not a well-formed heartbeat. */
    static final class MalformedException extends RuntimeException {
        MalformedException(String message) {
            super(message, null, false, false);
        }
    }

    HeartbeatRequest {
        if (token == null || token.isBlank() || token.length() > MAX_TOKEN_LENGTH || seq == null || seq < 1
                || seq > Integer.MAX_VALUE || !seconds(from) || !seconds(position)
                || (rate != null && !(rate >= MIN_RATE && rate <= MAX_RATE))) {
            throw new MalformedException("malformed heartbeat");
        }
    }

    /** {@code application/json}, with or without parameters such as a charset. */
    static boolean isJson(String contentType) {
        String json = "application/json";
        return contentType != null && contentType.regionMatches(true, 0, json, 0, json.length())
                && (contentType.length() == json.length() || contentType.charAt(json.length()) == ';'
                || contentType.charAt(json.length()) == ' ');
    }

    /** Reads one JSON object; unknown fields are skipped, wrong types and broken JSON are malformed. */
    static HeartbeatRequest read(ObjectMapper json, InputStream body) {
        String token = null;
        Long seq = null;
        Double from = null;
        Double position = null;
        Double rate = null;
        boolean playing = false;
        boolean hidden = false;
        try (JsonParser parser = json.createParser(body)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new MalformedException("not an object");
            }
            for (JsonToken field = parser.nextToken(); field == JsonToken.PROPERTY_NAME; field = parser.nextToken()) {
                String name = parser.currentName();
                JsonToken value = parser.nextToken();
                switch (name) {
                    case "token" -> token = value == JsonToken.VALUE_STRING ? parser.getString() : malformed(name);
                    case "seq" -> seq = value == JsonToken.VALUE_NUMBER_INT ? parser.getLongValue() : malformed(name);
                    case "from" -> from = number(parser, value, name);
                    case "position" -> position = number(parser, value, name);
                    case "rate" -> rate = value == JsonToken.VALUE_NULL ? null : number(parser, value, name);
                    case "playing" -> playing = bool(value, name);
                    case "hidden" -> hidden = bool(value, name);
                    default -> parser.skipChildren();
                }
            }
            if (parser.currentToken() != JsonToken.END_OBJECT || parser.nextToken() != null) {
                throw new MalformedException("not one object");
            }
        } catch (JacksonException e) {
            throw new MalformedException("not JSON");
        }
        return new HeartbeatRequest(token, seq, from, position, playing, hidden, rate);
    }

    private static Double number(JsonParser parser, JsonToken value, String name) {
        return value == JsonToken.VALUE_NUMBER_INT || value == JsonToken.VALUE_NUMBER_FLOAT ? parser.getDoubleValue()
                : malformed(name);
    }

    private static boolean bool(JsonToken value, String name) {
        if (value == JsonToken.VALUE_TRUE || value == JsonToken.VALUE_FALSE) {
            return value == JsonToken.VALUE_TRUE;
        }
        return malformed(name);
    }

    private static <T> T malformed(String field) {
        throw new MalformedException("malformed " + field);
    }

    private static boolean seconds(Double value) {
        return value != null && value >= 0 && value <= MAX_SECONDS;
    }
}
