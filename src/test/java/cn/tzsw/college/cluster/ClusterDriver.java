package cn.tzsw.college.cluster;

import cn.tzsw.college.WebClient;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.scheduling.support.CronExpression;

/**
 * Drives the loopback cluster of {@code src/deploy/cluster-test.sh} through HAProxy as trainees do: sign in, press
 * 立即报名 on a small lecture and on a recorded one (Vaadin's own requests), watch the recording (the player's
 * heartbeats), while the mail outbox and the scheduled jobs run on both nodes; a third into the recording it queues a
 * bulk certificate job of some hundred certificates and kills (kill -9) the node working on it once it is under way;
 * then checks what the cluster must guarantee and exits 1 if any check fails. Which node ran a cluster-once job, and
 * which worked a chunk of the bulk job, it reads from the nodes' logs (ShedLock's and the bulk worker's debug lines).
 *
 * <p>Arguments: haproxy port, pids of node 1 and node 2, their log files, primary JDBC url, replica JDBC url, user,
 * password, file of the mail catcher (one Message-ID per delivered mail), trainees, seats of the small lecture,
 * seconds of the recording, the nodes' {@code app.reporting.refresh-cron}.
 */
public final class ClusterDriver {

    private static final Pattern UI_ID = Pattern.compile("\"v-uiId\":(\\d+)");
    private static final Pattern UI_KEY = Pattern.compile("\"Vaadin-Security-Key\":\"([^\"]+)\"");
    private static final Pattern SYNC_ID = Pattern.compile("\"syncId\":(\\d+)");
    private static final Pattern REGISTER = Pattern.compile("\\{[^{}]*\"value\":\"register\"[^{}]*}");
    private static final Pattern NODE = Pattern.compile("\"node\":(\\d+)");
    private static final Pattern TOKEN = Pattern.compile("token[\\\\\"]*:[\\\\\"]*([A-Za-z0-9_-]{8,})");
    private static final Pattern CREDIT = Pattern.compile("\"creditedSeconds\":([0-9.]+)");
    private static final String PASSWORD = "Trainee@2026";
    /** Lectures of the bulk job's course, each completed by every trainee: some hundred certificates. */
    private static final int BULK_LECTURES = 5;
    /** The nodes' app.time-zone (its default), in which the refresh cron fires. */
    private static final ZoneId COLLEGE_ZONE = ZoneId.of("Asia/Shanghai");
    /** AttemptLimiter.sweep's lockAtLeastFor: no two sweeps of the cluster are closer. */
    private static final Duration SWEEP_LOCKED_FOR = Duration.ofMinutes(5);

    private final int port;
    private final long[] pids;
    private final Path[] logs;
    private final String primaryUrl;
    private final String replicaUrl;
    private final String user;
    private final String password;
    private final Path mails;
    private final int trainees;
    private final int seats;
    private final int videoSeconds;
    private final CronExpression refreshCron;

    /** Registrations the cluster acknowledged: trainee phone + lecture -> status shown. */
    private final Map<String, String> acknowledgedRegistrations = new ConcurrentHashMap<>();
    /** Per trainee phone: the most credit an acknowledged heartbeat reported. */
    private final Map<String, Double> acknowledgedCredit = new ConcurrentHashMap<>();
    private final AtomicInteger heartbeats = new AtomicInteger();
    private final AtomicInteger signInsAgain = new AtomicInteger();
    private final AtomicInteger failedRequests = new AtomicInteger();
    private final List<String> failures = new ArrayList<>();

    private ClusterDriver(String[] args) {
        port = Integer.parseInt(args[0]);
        pids = new long[] {Long.parseLong(args[1]), Long.parseLong(args[2])};
        logs = new Path[] {Path.of(args[3]), Path.of(args[4])};
        primaryUrl = args[5];
        replicaUrl = args[6];
        user = args[7];
        password = args[8];
        mails = Path.of(args[9]);
        trainees = Integer.parseInt(args[10]);
        seats = Integer.parseInt(args[11]);
        videoSeconds = Integer.parseInt(args[12]);
        refreshCron = CronExpression.parse(args[13]);
    }

    public static void main(String[] args) throws Exception {
        System.exit(new ClusterDriver(args).run() ? 0 : 1);
    }

    private boolean run() throws Exception {
        ZonedDateTime driveStart = ZonedDateTime.now(COLLEGE_ZONE);
        long small;
        long recorded;
        long bulkCourse;
        try (Connection db = primary()) {
            small = setUpSmallLecture(db);
            recorded = setUpRecordedLecture(db);
            bulkCourse = setUpCompletedCourse(db, small, recorded);
        }
        System.out.printf("small lecture %d (%d seats), recorded lecture %d (%d s), %d trainees%n", small, seats,
                recorded, videoSeconds, trainees);
        long watchStart = System.currentTimeMillis();
        AtomicBoolean watching = new AtomicBoolean(true);
        ExecutorService pool = Executors.newFixedThreadPool(trainees);
        for (int i = 1; i <= trainees; i++) {
            String phone = "138%08d".formatted(i);
            pool.submit(() -> trainee(phone, small, recorded, watching));
        }
        // Node 1 dies a third into the video, once most players are under way (signing in is slow on a busy machine).
        long deadline = System.currentTimeMillis() + 300_000;
        while (acknowledgedCredit.size() < trainees * 3 / 4 && System.currentTimeMillis() < deadline) {
            sleepSeconds(1);
        }
        sleepSeconds(videoSeconds / 3);
        Interrupted interrupted;
        try (Connection db = primary()) {
            interrupted = killTheNodeWorkingOnABulkJob(db, bulkCourse);
        }
        System.out.printf("kill -9 node %d (pid %d) after %d s, %d players under way; bulk job %d at %d of %d%n",
                interrupted.node(), pids[interrupted.node() - 1], (System.currentTimeMillis() - watchStart) / 1000,
                acknowledgedCredit.size(), interrupted.job(), interrupted.processed(), interrupted.total());
        sleepSeconds(videoSeconds - videoSeconds / 3 + 20);
        watching.set(false);
        pool.shutdown();
        pool.awaitTermination(2, TimeUnit.MINUTES);
        long wallSeconds = (System.currentTimeMillis() - watchStart) / 1000 + 1;
        System.out.printf("%d heartbeats acknowledged, %d requests failed, %d sign-ins again%n", heartbeats.get(),
                failedRequests.get(), signInsAgain.get());
        expect("users of the killed node signed in again on the other", signInsAgain.get() > 0 ? 0 : 1, 0);
        try (Connection db = primary()) {
            long job = queueBulkJob(db, "LECTURE", recorded);
            awaitJobsAndMails(db);
            check(db, small, recorded, wallSeconds, job);
            checkInterruptedJob(db, interrupted);
        }
        checkScheduledJobs(driveStart, interrupted);
        System.out.println(failures.isEmpty() ? "CLUSTER TEST PASSED" : "CLUSTER TEST FAILED: " + failures);
        return failures.isEmpty();
    }

    // ---------------------------------------------------------------- a trainee

    private void trainee(String phone, long small, long recorded, AtomicBoolean watching) {
        try {
            WebClient web = signedIn(phone);
            register(web, phone, recorded);
            String token = token(web, recorded);
            long seq = 0;
            double position = 0;
            long last = System.currentTimeMillis();
            boolean registeredSmall = false;
            while (watching.get()) {
                sleepSeconds(2);
                long now = System.currentTimeMillis();
                double from = position;
                position = Math.min(videoSeconds, position + (now - last) / 1000.0);
                last = now;
                try {
                    HttpResponse<String> reply = web.postJson("/api/attendance/heartbeat", String.format(Locale.ROOT,
                            "{\"token\":\"%s\",\"seq\":%d,\"from\":%.3f,\"position\":%.3f,\"playing\":true,"
                                    + "\"hidden\":false,\"rate\":1}", token, ++seq, from, position));
                    if (reply.statusCode() == 200) {
                        heartbeats.incrementAndGet();
                        Matcher credit = CREDIT.matcher(reply.body());
                        if (credit.find()) {
                            acknowledgedCredit.merge(phone, Double.parseDouble(credit.group(1)), Math::max);
                        }
                    } else {
                        // the session or the player died with its node: sign in again, open the player again
                        failedRequests.incrementAndGet();
                        web = signedIn(phone);
                        signInsAgain.incrementAndGet();
                        token = token(web, recorded);
                        seq = 0;
                    }
                } catch (IOException e) {
                    failedRequests.incrementAndGet();
                }
                // the small lecture: the first half registers before the kill, the others after it
                if (!registeredSmall && seq >= (Integer.parseInt(phone.substring(3)) % 2 == 0 ? 2 : 20)) {
                    registeredSmall = true;
                    try {
                        register(web, phone, small);
                    } catch (IOException | RuntimeException e) {
                        failedRequests.incrementAndGet();
                        web = signedIn(phone);
                        signInsAgain.incrementAndGet();
                        register(web, phone, small);
                        token = token(web, recorded);
                        seq = 0;
                    }
                }
            }
        } catch (Exception e) {
            synchronized (failures) {
                failures.add(phone + ": " + e);
            }
        }
    }

    private WebClient signedIn(String phone) throws IOException, InterruptedException {
        for (int attempt = 1; ; attempt++) {
            WebClient web = new WebClient(port);
            try {
                HttpResponse<String> reply = web.signIn(phone, PASSWORD);
                if (reply.statusCode() == 302 && !reply.headers().firstValue("Location").orElse("").contains("error")) {
                    return web;
                }
            } catch (IOException e) {
                if (attempt == 5) {
                    throw e;
                }
            }
            if (attempt == 5) {
                throw new IllegalStateException("sign-in of " + phone + " refused");
            }
            sleepSeconds(1);
        }
    }

    /** Opens the lecture's page and presses its register button, as the browser does; records what was shown. */
    private void register(WebClient web, String phone, long lecture) throws IOException, InterruptedException {
        Ui ui = open(web, "lectures/" + lecture);
        Matcher button = REGISTER.matcher(ui.response());
        if (!button.find()) {
            if (ui.response().contains("watch/" + lecture)) {
                return; // registered before (the demo data): the page offers the player instead
            }
            throw new IllegalStateException("no register button for " + phone + " on lecture " + lecture);
        }
        Matcher node = NODE.matcher(button.group());
        node.find();
        String click = """
                {"csrfToken":"%s","rpc":[{"type":"event","node":%s,"event":"click","data":{"event.shiftKey":false,\
                "event.metaKey":false,"event.detail":1,"event.ctrlKey":false,"event.clientX":0,"event.clientY":0,\
                "event.altKey":false,"event.button":0,"event.screenY":0,"event.screenX":0}}],"syncId":%d,\
                "clientId":1}""".formatted(ui.key(), node.group(1), ui.syncId());
        HttpResponse<String> reply = web.postJson("/?v-r=uidl&v-uiId=" + ui.id(), click);
        String body = reply.body();
        if (reply.statusCode() == 200 && body.contains("报名成功")) {
            acknowledgedRegistrations.put(phone + "/" + lecture, "REGISTERED");
        } else if (reply.statusCode() == 200 && body.contains("候补名单")) {
            acknowledgedRegistrations.put(phone + "/" + lecture, "WAITLISTED");
        } else {
            throw new IllegalStateException("registration of " + phone + " not acknowledged: " + reply.statusCode()
                    + " " + body.substring(0, Math.min(300, body.length())));
        }
    }

    private String token(WebClient web, long lecture) throws IOException, InterruptedException {
        Ui ui = open(web, "watch/" + lecture);
        Matcher token = TOKEN.matcher(ui.response());
        if (!token.find()) {
            throw new IllegalStateException("no player token: " + ui.response().substring(0,
                    Math.min(400, ui.response().length())));
        }
        return token.group(1);
    }

    private record Ui(String id, String key, int syncId, String response) {
    }

    /** A new UI on the route, as the browser makes it after loading the page (init, then navigation). */
    private static Ui open(WebClient web, String route) throws IOException, InterruptedException {
        String init = web.get("/?v-r=init&location=" + route + "&query=").body();
        Matcher uiId = UI_ID.matcher(init);
        Matcher key = UI_KEY.matcher(init);
        if (!uiId.find() || !key.find()) {
            throw new IllegalStateException("not a Vaadin UI: " + init.substring(0, Math.min(300, init.length())));
        }
        String navigate = """
                {"csrfToken":"%s","rpc":[{"type":"event","node":1,"event":"ui-navigate","data":{"route":"%s",\
                "query":"","appShellTitle":"","historyState":{"idx":0},"trigger":""}}],"syncId":0,"clientId":0}"""
                .formatted(key.group(1), route);
        String response = web.postJson("/?v-r=uidl&v-uiId=" + uiId.group(1), navigate).body();
        Matcher sync = SYNC_ID.matcher(response);
        int syncId = sync.find() ? Integer.parseInt(sync.group(1)) : 1;
        return new Ui(uiId.group(1), key.group(1), syncId, init + response);
    }

    // ---------------------------------------------------------------- setting up (as an administrator would)

    private Connection primary() throws SQLException {
        return DriverManager.getConnection(primaryUrl, user, password);
    }

    /** A lecture open for registration, made small: fewer seats than trainees. */
    private long setUpSmallLecture(Connection db) throws SQLException {
        long id = single(db, "SELECT l.id FROM lecture l JOIN course c ON c.id = l.course_id WHERE c.format = 'IN_PERSON'"
                + " AND l.taken = 0 AND l.registration_opens < NOW() AND l.registration_closes > NOW() AND l.status <> 'CANCELLED'"
                + " ORDER BY l.capacity DESC LIMIT 1");
        update(db, "UPDATE lecture SET capacity = ? WHERE id = ?", seats, id);
        return id;
    }

    /** The recorded lecture, open now, with a short video. */
    private long setUpRecordedLecture(Connection db) throws SQLException {
        long id = single(db, "SELECT l.id FROM lecture l JOIN course c ON c.id = l.course_id"
                + " WHERE c.format = 'RECORDED_VIDEO' ORDER BY l.id LIMIT 1");
        update(db, "UPDATE lecture SET starts_at = NOW() - INTERVAL 1 HOUR, registration_opens = NOW() - INTERVAL 1 DAY,"
                + " registration_closes = NOW() + INTERVAL 1 DAY, cancellation_deadline = NOW() + INTERVAL 1 DAY,"
                + " capacity = 1000 WHERE id = ?", id);
        update(db, "INSERT INTO attendance_lecture (lecture_id, video_url, video_seconds, updated_at)"
                + " VALUES (?, 'https://video.example.cn/cluster.mp4', ?, NOW())"
                + " ON DUPLICATE KEY UPDATE video_url = VALUES(video_url), video_seconds = VALUES(video_seconds)",
                id, videoSeconds);
        return id;
    }

    /**
     * A course outside the other two lectures, with {@link #BULK_LECTURES} lectures (copies of its own) that every
     * trainee completed, as the ledger records it: the bulk job the kill interrupts.
     */
    private long setUpCompletedCourse(Connection db, long small, long recorded) throws SQLException {
        long course = single(db, "SELECT MIN(course_id) FROM lecture WHERE course_id NOT IN"
                + " (SELECT course_id FROM lecture WHERE id IN (?, ?))", small, recorded);
        long lecture = single(db, "SELECT MIN(id) FROM lecture WHERE course_id = ?", course);
        String columns;
        try (PreparedStatement statement = db.prepareStatement("SELECT COLUMN_NAME FROM information_schema.COLUMNS"
                + " WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'lecture' AND COLUMN_NAME <> 'id'"
                + " AND IS_GENERATED = 'NEVER'"); ResultSet rs = statement.executeQuery()) {
            List<String> names = new ArrayList<>();
            while (rs.next()) {
                names.add(rs.getString(1));
            }
            columns = String.join(", ", names);
        }
        for (long n = single(db, "SELECT COUNT(*) FROM lecture WHERE course_id = ?", course); n < BULK_LECTURES; n++) {
            update(db, "INSERT INTO lecture (" + columns + ") SELECT " + columns + " FROM lecture WHERE id = ?",
                    lecture);
        }
        update(db, "INSERT IGNORE INTO hours_entry (trainee_id, lecture_id, course_id, title, source, hours, earned_on,"
                + " recorded_at, recorded_by) SELECT t.id, l.id, c.id, c.title, 'IN_PERSON', c.credit_hours, CURDATE(),"
                + " NOW(), 'cluster test' FROM trainee t JOIN lecture l JOIN course c ON c.id = l.course_id"
                + " WHERE c.id = ?", course);
        return course;
    }

    /** Queues a bulk issue as 「批量发证」 does (its row; the workers of both nodes take it from the table). */
    private long queueBulkJob(Connection db, String scope, long subject) throws SQLException {
        long total = single(db, "SELECT COUNT(*) FROM hours_entry WHERE lecture_id IS NOT NULL AND "
                + (scope.equals("COURSE") ? "course_id" : "lecture_id") + " = ?", subject);
        update(db, "INSERT INTO certificate_job (scope, subject_id, subject_title, state, total, created_at, created_by)"
                + " VALUES (?, ?, 'cluster test', 'QUEUED', ?, NOW(6), 'admin')", scope, subject, total);
        long id = single(db, "SELECT MAX(id) FROM certificate_job");
        System.out.printf("bulk certificate job %d queued for %s %d (%d completions)%n", id,
                scope.toLowerCase(Locale.ROOT), subject, total);
        return id;
    }

    /** The bulk job the kill interrupted: which node died, the job's progress then, certificates made before it. */
    private record Interrupted(int node, OffsetDateTime killedAt, long job, long course, long processed, long total,
                               long certifiedBefore, boolean chunkInFlight) {
    }

    /**
     * Queues the course's bulk job, waits until a node has worked a chunk of it (its log says so) and the job row is
     * locked (the next chunk's transaction is open), and kills that node with kill -9: the row's lock and the chunk's
     * certificates die with the connection, and the other node must carry on from the last committed cursor.
     */
    private Interrupted killTheNodeWorkingOnABulkJob(Connection db, long course) throws Exception {
        long certifiedBefore = certificatesOfCourse(db, course);
        long job = queueBulkJob(db, "COURSE", course);
        long deadline = System.currentTimeMillis() + 120_000;
        int worker = 0;
        boolean locked = false;
        // a chunk logs before it commits: wait for one committed too, so the kill cannot undo the only chunk done
        while ((worker == 0 || !locked || single(db, "SELECT processed FROM certificate_job WHERE id = ?", job) == 0)
                && System.currentTimeMillis() < deadline) {
            sleepMillis(worker == 0 ? 100 : 20);
            worker = chunkLines(job).stream().max(Comparator.comparing(LogLine::at)).map(LogLine::node).orElse(0);
            // a worker holds the row for the length of its chunk: SKIP LOCKED passes over it then
            locked = single(db, "SELECT COUNT(*) FROM certificate_job WHERE id = ? FOR UPDATE SKIP LOCKED", job) == 0;
        }
        if (worker == 0) {
            throw new IllegalStateException("no node worked on bulk job " + job + " within 2 minutes");
        }
        ProcessHandle.of(pids[worker - 1]).ifPresent(ProcessHandle::destroyForcibly);
        OffsetDateTime killedAt = OffsetDateTime.now();
        long processed = single(db, "SELECT processed FROM certificate_job WHERE id = ?", job);
        long total = single(db, "SELECT total FROM certificate_job WHERE id = ?", job);
        return new Interrupted(worker, killedAt, job, course, processed, total, certifiedBefore, locked);
    }

    private static long certificatesOfCourse(Connection db, long course) throws SQLException {
        return single(db, "SELECT COUNT(*) FROM certificate c JOIN lecture l ON l.id = c.lecture_id"
                + " WHERE l.course_id = ? AND c.kind = 'COMPLETION'", course);
    }

    private void awaitJobsAndMails(Connection db) throws Exception {
        long deadline = System.currentTimeMillis() + 300_000;
        while (System.currentTimeMillis() < deadline) {
            long jobs = single(db, "SELECT COUNT(*) FROM certificate_job WHERE state IN ('QUEUED', 'RUNNING')");
            long mailsWaiting = single(db, "SELECT COUNT(*) FROM mail_outbox WHERE status <> 'SENT'");
            if (jobs == 0 && mailsWaiting == 0) {
                return;
            }
            sleepSeconds(2);
        }
    }

    // ---------------------------------------------------------------- the checks

    private void check(Connection db, long small, long recorded, long wallSeconds, long lastJob) throws Exception {
        expect("no lecture over capacity", single(db,
                "SELECT COUNT(*) FROM lecture l WHERE l.taken > l.capacity OR (SELECT COUNT(*) FROM registration r"
                        + " WHERE r.lecture_id = l.id AND r.status = 'REGISTERED') > l.capacity"), 0);
        long registeredSmall = single(db, "SELECT COUNT(*) FROM registration WHERE lecture_id = ? AND status = 'REGISTERED'", small);
        System.out.printf("  small lecture: %d registered of %d seats, %d waitlisted%n", registeredSmall, seats,
                single(db, "SELECT COUNT(*) FROM registration WHERE lecture_id = ? AND status = 'WAITLISTED'", small));

        long missing = 0;
        for (Map.Entry<String, String> ack : acknowledgedRegistrations.entrySet()) {
            String[] key = ack.getKey().split("/");
            missing += 1 - Math.min(1, single(db, "SELECT COUNT(*) FROM registration r JOIN trainee t ON t.id = r.trainee_id"
                    + " WHERE t.phone = ? AND r.lecture_id = ? AND r.status IN ('REGISTERED', 'WAITLISTED')",
                    key[0], Long.parseLong(key[1])));
        }
        System.out.printf("  %d registrations acknowledged%n", acknowledgedRegistrations.size());
        expect("every acknowledged registration stored", missing, 0);

        long lostCredit = 0;
        for (Map.Entry<String, Double> ack : acknowledgedCredit.entrySet()) {
            double stored = decimal(db, "SELECT COALESCE(MAX(w.credited_seconds), 0) FROM watch_progress w"
                    + " JOIN trainee t ON t.id = w.trainee_id WHERE t.phone = ? AND w.lecture_id = ?", ack.getKey(), recorded);
            if (stored + 0.01 < ack.getValue()) {
                lostCredit++;
                System.out.printf("  %s: acknowledged %.2f s, stored %.2f s%n", ack.getKey(), ack.getValue(), stored);
            }
        }
        expect("every acknowledged heartbeat stored (credit)", lostCredit, 0);
        double most = decimal(db, "SELECT COALESCE(MAX(credited_seconds), 0) FROM watch_progress WHERE lecture_id = ?", recorded);
        System.out.printf("  most credit %.1f s; video %d s, watched for %d s%n", most, videoSeconds, wallSeconds);
        expect("no double credit (credit <= video length and <= wall clock)",
                most <= Math.min(videoSeconds, wallSeconds) + 0.01 ? 0 : 1, 0);

        expect("each certificate once (serials)", single(db, "SELECT COUNT(*) - COUNT(DISTINCT serial) FROM certificate"), 0);
        expect("each certificate once (trainee and lecture)", single(db,
                "SELECT COUNT(*) FROM (SELECT trainee_id, lecture_id FROM certificate WHERE lecture_id IS NOT NULL"
                        + " GROUP BY trainee_id, lecture_id HAVING COUNT(*) > 1) d"), 0);
        expect("bulk jobs finished", single(db, "SELECT COUNT(*) FROM certificate_job WHERE state <> 'DONE'"), 0);
        System.out.printf("  certificates: %d; last job issued %d%n", single(db, "SELECT COUNT(*) FROM certificate"),
                single(db, "SELECT issued FROM certificate_job WHERE id = ?", lastJob));

        List<String> delivered = Files.exists(mails) ? Files.readAllLines(mails) : List.of();
        long sent = single(db, "SELECT COUNT(*) FROM mail_outbox WHERE status = 'SENT'");
        System.out.printf("  mails: %d in the outbox, %d sent, %d delivered to the catcher%n",
                single(db, "SELECT COUNT(*) FROM mail_outbox"), sent, delivered.size());
        expect("each mail delivered once", delivered.size() - delivered.stream().distinct().count(), 0);
        expect("every sent mail delivered", sent - delivered.stream().distinct().count(), 0);

        try (Connection replica = DriverManager.getConnection(replicaUrl, user, password)) {
            long deadline = System.currentTimeMillis() + 60_000;
            String primaryGtid = text(db, "SELECT @@gtid_binlog_pos");
            String replicaGtid = text(replica, "SELECT @@gtid_slave_pos");
            while (!primaryGtid.equals(replicaGtid) && System.currentTimeMillis() < deadline) {
                sleepSeconds(1);
                replicaGtid = text(replica, "SELECT @@gtid_slave_pos");
            }
            System.out.printf("  GTID primary %s, replica %s%n", primaryGtid, replicaGtid);
            expect("the replica caught up (GTID)", primaryGtid.equals(replicaGtid) ? 0 : 1, 0);
            expect("the replica holds every registration", single(replica, "SELECT COUNT(*) FROM registration")
                    - single(db, "SELECT COUNT(*) FROM registration"), 0);
        }
    }

    /**
     * The job the kill interrupted: under way then, finished by the surviving node, and every certificate it was to
     * issue issued once: the dead node's chunk in flight left nothing behind (its transaction rolled back and its
     * lock on the job row went with the connection, else the other node would skip the row for good).
     */
    private void checkInterruptedJob(Connection db, Interrupted job) throws Exception {
        System.out.printf("  bulk job %d: killed node %d at %d of %d processed; then %d processed, %d issued, %s%n",
                job.job(), job.node(), job.processed(), job.total(),
                single(db, "SELECT processed FROM certificate_job WHERE id = ?", job.job()),
                single(db, "SELECT issued FROM certificate_job WHERE id = ?", job.job()),
                text(db, "SELECT state FROM certificate_job WHERE id = " + job.job()));
        expect("the kill landed mid-job (items done and items pending)",
                job.processed() > 0 && job.processed() < job.total() ? 0 : 1, 0);
        expect("the kill landed inside a chunk (the job row locked just before it)", job.chunkInFlight() ? 0 : 1, 0);
        int survivor = 3 - job.node();
        expect("the interrupted job was finished by the other node", chunkLines(job.job()).stream()
                .anyMatch(line -> line.node() == survivor) && single(db, "SELECT COUNT(*) FROM certificate_job"
                + " WHERE id = ? AND state = 'DONE' AND processed = total", job.job()) == 1 ? 0 : 1, 0);
        expect("the interrupted job issued each missing certificate once", job.certifiedBefore()
                + single(db, "SELECT issued FROM certificate_job WHERE id = ?", job.job())
                - certificatesOfCourse(db, job.course()), 0);
        expect("every completion of the interrupted job's course has its certificate", single(db,
                "SELECT COUNT(*) FROM hours_entry h WHERE h.course_id = ? AND h.lecture_id IS NOT NULL AND NOT EXISTS"
                        + " (SELECT 1 FROM certificate c WHERE c.trainee_id = h.trainee_id"
                        + " AND c.lecture_id = h.lecture_id)", job.course()), 0);
    }

    /**
     * Each cluster-once job ran once: the refresh, whose cron fires on both nodes at the same due times, ran at each
     * due time of the drive on exactly one node, and after the kill on the survivor; the attempt sweep, on its own
     * delay per node, never ran twice within its lock. ShedLock logs "Locked 'job'" for a run and "Not executing
     * 'job'" for a node that found it locked.
     */
    private void checkScheduledJobs(ZonedDateTime driveStart, Interrupted interrupted) throws IOException {
        List<LogLine> refresh = logLines("Locked 'report-nightly-refresh'");
        Map<ZonedDateTime, List<Integer>> byDue = new TreeMap<>(refresh.stream().collect(Collectors.groupingBy(
                line -> dueTime(line.at().atZoneSameInstant(COLLEGE_ZONE)),
                Collectors.mapping(LogLine::node, Collectors.toList()))));
        // due times from the drive's start until one period ago (the last may be running now)
        ZonedDateTime end = ZonedDateTime.now(COLLEGE_ZONE);
        List<ZonedDateTime> due = new ArrayList<>();
        for (ZonedDateTime at = refreshCron.next(driveStart); at != null && refreshCron.next(at).isBefore(end);
                at = refreshCron.next(at)) {
            due.add(at);
        }
        long twice = byDue.values().stream().filter(nodes -> nodes.size() > 1).count();
        long missed = due.stream().filter(at -> !byDue.containsKey(at)).count();
        long skipped = logLines("Not executing 'report-nightly-refresh'").size();
        System.out.printf("  nightly refresh: %d due times in the drive, ran %d times (node 1: %d, node 2: %d),"
                        + " skipped %d times by a node that found it locked%n", due.size(), refresh.size(),
                refresh.stream().filter(line -> line.node() == 1).count(),
                refresh.stream().filter(line -> line.node() == 2).count(), skipped);
        byDue.forEach((at, nodes) -> {
            if (nodes.size() > 1) {
                System.out.printf("  refresh due %s ran on nodes %s%n", at.toLocalTime(), nodes);
            }
        });
        expect("nightly refresh: no due time ran on two nodes", twice, 0);
        expect("nightly refresh: every due time of the drive ran", missed, 0);
        expect("nightly refresh: both nodes fired it (one found it locked)", due.isEmpty() || skipped > 0 ? 0 : 1, 0);
        int survivor = 3 - interrupted.node();
        expect("nightly refresh: the surviving node ran it after the kill", refresh.stream()
                .anyMatch(line -> line.node() == survivor && line.at().isAfter(interrupted.killedAt())) ? 0 : 1, 0);

        List<LogLine> sweeps = logLines("Locked 'attempt-sweep'");
        sweeps.sort(Comparator.comparing(LogLine::at));
        long tooClose = 0;
        for (int i = 1; i < sweeps.size(); i++) {
            // a second's slack: the lock's times are the database's, the log's the node's (one machine here)
            if (Duration.between(sweeps.get(i - 1).at(), sweeps.get(i).at())
                    .compareTo(SWEEP_LOCKED_FOR.minusSeconds(1)) < 0) {
                tooClose++;
            }
        }
        System.out.printf("  attempt sweep: ran %d times (nodes %s), skipped %d times by a node that found it locked%n",
                sweeps.size(), sweeps.stream().map(LogLine::node).toList(),
                logLines("Not executing 'attempt-sweep'").size());
        expect("attempt sweep: ran, and never twice within its lock", sweeps.isEmpty() ? 1 : tooClose, 0);
    }

    /** The refresh's due time of a run: the cron's last firing at or before it. */
    private ZonedDateTime dueTime(ZonedDateTime run) {
        ZonedDateTime due = refreshCron.next(run.minusHours(1));
        ZonedDateTime next = refreshCron.next(due);
        while (next != null && !next.isAfter(run)) {
            due = next;
            next = refreshCron.next(due);
        }
        return due;
    }

    /** A line of a node's log: when, and which node. */
    private record LogLine(OffsetDateTime at, int node) {
    }

    /** Both nodes' log lines that contain the text, with their time stamps (ISO, the first word of a line). */
    private List<LogLine> logLines(String text) throws IOException {
        List<LogLine> found = new ArrayList<>();
        for (int node = 1; node <= 2; node++) {
            // a node's log may end in half a line (killed, or writing now); malformed bytes are replaced
            String log = new String(Files.readAllBytes(logs[node - 1]), StandardCharsets.UTF_8);
            for (String line : log.lines().toList()) {
                if (line.contains(text) && line.indexOf(' ') > 0) {
                    try {
                        found.add(new LogLine(OffsetDateTime.parse(line.substring(0, line.indexOf(' '))), node));
                    } catch (DateTimeParseException e) {
                        // a stack trace's line that quotes the text: not a log line of its own
                    }
                }
            }
        }
        return found;
    }

    /** The bulk worker's debug lines of the job's chunks. */
    private List<LogLine> chunkLines(long job) throws IOException {
        return logLines("Bulk job " + job + ": ");
    }

    private void expect(String check, long found, long wanted) {
        boolean ok = found == wanted;
        System.out.printf("%s %s%s%n", ok ? "PASS" : "FAIL", check, ok ? "" : " (found " + found + ")");
        if (!ok) {
            failures.add(check);
        }
    }

    private static long single(Connection db, String sql, Object... params) throws SQLException {
        try (PreparedStatement statement = prepare(db, sql, params); ResultSet rs = statement.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static double decimal(Connection db, String sql, Object... params) throws SQLException {
        try (PreparedStatement statement = prepare(db, sql, params); ResultSet rs = statement.executeQuery()) {
            rs.next();
            return rs.getDouble(1);
        }
    }

    private static String text(Connection db, String sql) throws SQLException {
        try (PreparedStatement statement = db.prepareStatement(sql); ResultSet rs = statement.executeQuery()) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static void update(Connection db, String sql, Object... params) throws SQLException {
        try (PreparedStatement statement = prepare(db, sql, params)) {
            statement.executeUpdate();
        }
    }

    private static PreparedStatement prepare(Connection db, String sql, Object... params) throws SQLException {
        PreparedStatement statement = db.prepareStatement(sql);
        for (int i = 0; i < params.length; i++) {
            statement.setObject(i + 1, params[i]);
        }
        return statement;
    }

    /** The driver paces simulated players in wall-clock time, as real players do. */
    private static void sleepSeconds(long seconds) {
        sleepMillis(seconds * 1000);
    }

    private static void sleepMillis(long millis) {
        try {
            TimeUnit.MILLISECONDS.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
