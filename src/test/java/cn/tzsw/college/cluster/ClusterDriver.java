package cn.tzsw.college.cluster;

import cn.tzsw.college.WebClient;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Drives the loopback cluster of {@code src/deploy/cluster-test.sh} through HAProxy as trainees do: sign in, press
 * 立即报名 on a small lecture and on a recorded one (Vaadin's own requests), watch the recording (the player's
 * heartbeats), while two bulk certificate jobs and the mail outbox run on both nodes; kills node 1 (kill -9) half-way;
 * then checks what the cluster must guarantee and exits 1 if any check fails.
 *
 * <p>Arguments: haproxy port, pid of node 1, primary JDBC url, replica JDBC url, user, password, file of the mail
 * catcher (one Message-ID per delivered mail), trainees, seats of the small lecture, seconds of the recording.
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

    private final int port;
    private final long victimPid;
    private final String primaryUrl;
    private final String replicaUrl;
    private final String user;
    private final String password;
    private final Path mails;
    private final int trainees;
    private final int seats;
    private final int videoSeconds;

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
        victimPid = Long.parseLong(args[1]);
        primaryUrl = args[2];
        replicaUrl = args[3];
        user = args[4];
        password = args[5];
        mails = Path.of(args[6]);
        trainees = Integer.parseInt(args[7]);
        seats = Integer.parseInt(args[8]);
        videoSeconds = Integer.parseInt(args[9]);
    }

    public static void main(String[] args) throws Exception {
        System.exit(new ClusterDriver(args).run() ? 0 : 1);
    }

    private boolean run() throws Exception {
        long small;
        long recorded;
        try (Connection db = primary()) {
            small = setUpSmallLecture(db);
            recorded = setUpRecordedLecture(db);
            queueBulkJobOfMostCompletedLecture(db);
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
        ProcessHandle.of(victimPid).ifPresent(ProcessHandle::destroyForcibly);
        System.out.printf("kill -9 node 1 (pid %d) after %d s, %d players under way%n", victimPid,
                (System.currentTimeMillis() - watchStart) / 1000, acknowledgedCredit.size());
        sleepSeconds(videoSeconds - videoSeconds / 3 + 20);
        watching.set(false);
        pool.shutdown();
        pool.awaitTermination(2, TimeUnit.MINUTES);
        long wallSeconds = (System.currentTimeMillis() - watchStart) / 1000 + 1;
        System.out.printf("%d heartbeats acknowledged, %d requests failed, %d sign-ins again%n", heartbeats.get(),
                failedRequests.get(), signInsAgain.get());
        expect("users of the killed node signed in again on the other", signInsAgain.get() > 0 ? 0 : 1, 0);
        try (Connection db = primary()) {
            long job = queueBulkJob(db, recorded);
            awaitJobsAndMails(db);
            check(db, small, recorded, wallSeconds, job);
        }
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

    /** A bulk job that runs while node 1 dies: the lecture with the most completions in the demo data, if any. */
    private void queueBulkJobOfMostCompletedLecture(Connection db) throws SQLException {
        try (PreparedStatement most = db.prepareStatement("SELECT lecture_id FROM hours_entry WHERE lecture_id IS NOT NULL"
                + " GROUP BY lecture_id ORDER BY COUNT(*) DESC LIMIT 1"); ResultSet rs = most.executeQuery()) {
            if (rs.next()) {
                queueBulkJob(db, rs.getLong(1));
            }
        }
    }

    /** Queues a bulk issue as 「批量发证」 does (its row; the workers of both nodes take it from the table). */
    private long queueBulkJob(Connection db, long lecture) throws SQLException {
        long total = single(db, "SELECT COUNT(*) FROM hours_entry WHERE lecture_id = ?", lecture);
        update(db, "INSERT INTO certificate_job (scope, subject_id, subject_title, state, total, created_at, created_by)"
                + " VALUES ('LECTURE', ?, 'cluster test', 'QUEUED', ?, NOW(6), 'admin')", lecture, total);
        long id = single(db, "SELECT MAX(id) FROM certificate_job");
        System.out.printf("bulk certificate job %d queued for lecture %d (%d completions)%n", id, lecture, total);
        return id;
    }

    private void awaitJobsAndMails(Connection db) throws Exception {
        long deadline = System.currentTimeMillis() + 180_000;
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
        try {
            TimeUnit.SECONDS.sleep(seconds);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
