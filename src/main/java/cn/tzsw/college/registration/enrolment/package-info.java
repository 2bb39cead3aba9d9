/**
 * The registration path, a measured hot path (RegistrationBenchmark, docs/performance.md: 2,000 trainees register
 * for a 500-seat lecture from 64 threads; the service must make at least half the bare seat claim's registrations
 * per second). Most of its cost is database round trips, so it bends the house rules where they cost round trips
 * or lock time (decision 0002, the SQL seat claim):
 * <ul>
 * <li>one query reads everything the decision needs ({@code RegistrationRows.standingOfAccount}): catalog's terms
 * and trainees' trainee by account through the SQL text they publish for it ({@code catalog.LectureTermsSql},
 * {@code trainees.TraineeRefSql}; the declared exception to the read-model rule: MariaDB parses a view again for
 * every statement, and with the views this was the costliest statement of a registration), the trainee's earlier
 * row, an overlapping lecture and a fresh id from the sequence, instead of one service call per capability;</li>
 * <li>a new registration row is written by one INSERT that claims the seat while it computes the row's status:
 * catalog's claim, published as a SQL expression ({@code catalog.LectureSeats.CLAIM}, the function claim_seat that
 * catalog's changelog owns), locks the lecture row and takes the seat, and the row follows in the same statement,
 * so the lock is held only for that statement's rest and the commit, with no round trip between claim and row
 * (measured with the dispatcher's plain batch reads: 1,419 → 1,600 registrations/s, docs/performance.md); a
 * cancelled row that rejoins is claimed through {@code LectureSeats.claim} and then updated; {@code LectureSeats}
 * checks in code that it runs in the caller's transaction (no transaction proxy);</li>
 * <li>the path calls the statements of {@code RegistrationRowsImpl} and catalog's {@code LectureSeatCounterImpl}
 * directly, not through their repositories' proxies (no repository invocation metrics for these calls);</li>
 * <li>the mail is a {@code mail_notice} row written by notification's in-transaction listener
 * ({@code RegistrationNotices}, without a transaction proxy of its own), not an event stored in Modulith's
 * registry;</li>
 * <li>{@link cn.tzsw.college.registration.enrolment.Enrolments} has no method-security or transaction proxy of its
 * own: {@code RegistrationService} checks the role and opens the transaction.</li>
 * <li>{@code RegistrationService.register} checks the trainee role with {@code @RolesAllowed}, not a
 * {@code @PreAuthorize} expression (the same check, without evaluating an expression for every registration).</li>
 * </ul>
 */
package cn.tzsw.college.registration.enrolment;
