package cn.tzsw.college.attendance;

import java.time.Instant;

/** What the room display shows: the QR's link, the short code to type instead, and when they change. */
public record RoomCode(String checkInUrl, String shortCode, Instant changesAt) {
}
