package cn.tzsw.college.trainees;

import java.util.Locale;

/** How to reach a trainee: e-mail (may be null) and the language they chose. */
public record TraineeContact(long traineeId, String name, String email, Locale locale) {
}
