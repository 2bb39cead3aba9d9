/**
 * Watching a video, and the heartbeat: a measured hot path (every playing trainee's player sends one every 10-15 s;
 * {@code HeartbeatBenchmark}: about 18,000 heartbeats/s on two cores, half the rate of a trivial endpoint of the
 * same app, see docs/performance.md). Rules that differ here, each for a measured reason:
 * <ul>
 * <li>The heartbeat endpoint reads its JSON body and writes its reply by hand ({@code HeartbeatRequest}, past Spring
 * MVC's converters) and checks the content type as text.</li>
 * <li>{@code WatchService.beat} checks the trainee role and the playback's owner in code from one read of the
 * caller, instead of a method-security proxy; every other method here keeps {@code @PreAuthorize}.</li>
 * <li>A watch's state lives in memory ({@code PlaybackRegistry}) and a heartbeat costs no query; its right to credit
 * is read again only when an event says it changed. Several nodes agree through the stored row: the upsert writes a
 * row only over the version its node read and reads the versions back in the same statement ({@code RETURNING});
 * a node whose write lost reads the watch again.</li>
 * <li>Writes are group-committed by one thread ({@code HeartbeatWriter}, multi-row upserts with typed setters
 * through {@code domain/WatchProgressRepository}); a request is answered only after its row committed, by the
 * writer thread on an asynchronous request ({@code AnsweredOnCommit}), so the request's thread does not wait.</li>
 * <li>The player API is not observed per request ({@code PlayerApiObservations}).</li>
 * </ul>
 * Why a heartbeat is stored this way: docs/decisions/0001-group-committed-heartbeats.md.
 */
package cn.tzsw.college.attendance.heartbeat;
