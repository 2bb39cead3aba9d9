package cn.tzsw.college.notification;

import static org.assertj.core.api.Assertions.assertThat;

import cn.tzsw.college.Fixtures;
import cn.tzsw.college.IntegrationTest;
import cn.tzsw.college.notification.domain.MailMessageBatches;
import cn.tzsw.college.notification.domain.MailMessageRepository;
import cn.tzsw.college.registration.RegistrationService;
import jakarta.mail.Address;
import jakarta.mail.internet.MimeMessage;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Two dispatchers (two app nodes) over one outbox and one mail server: every mail goes out, and only once. */
class OutboxOnTwoNodesTest extends IntegrationTest {

    private static final int MAILS = 300;

    @Autowired
    MailMessageRepository outbox;
    @Autowired
    MailProperties properties;
    @Autowired
    Fixtures fixtures;
    @Autowired
    Clock clock;
    @Autowired
    RegistrationService registrations;

    @Test
    void two_dispatchers_send_each_mail_of_one_outbox_exactly_once() throws Exception {
        String run = Long.toString(System.nanoTime(), 36);
        List<String> recipients = IntStream.range(0, MAILS).mapToObj(i -> "node-" + run + "-" + i + "@example.cn")
                .toList();
        outbox.insert(recipients.stream().map(to -> new MailMessageBatches.NewMail(to, "两个节点", "正文",
                properties.newMessageId())).toList(), LocalDateTime.now(clock));
        dispatchOnTwoNodesUntil(() -> fixtures.count("SELECT COUNT(*) FROM mail_outbox WHERE recipient LIKE ?"
                + " AND status <> 'SENT'", "node-" + run + "-%") == 0);

        Map<String, Long> received = MAIL.received().stream().flatMap(OutboxOnTwoNodesTest::recipients)
                .filter(to -> to.startsWith("node-" + run + "-"))
                .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
        assertThat(received).hasSize(MAILS);
        assertThat(received.values()).containsOnly(1L);
    }

    @Test
    void two_dispatchers_turn_each_registration_notice_into_one_mail() throws Exception {
        List<String> phones = fixtures.trainees(120, "331002001003", true);
        long lecture = fixtures.openLecture(200, Map.of());
        for (String phone : phones) {
            fixtures.as(phone, () -> registrations.register(lecture));
        }

        dispatchOnTwoNodesUntil(() -> fixtures.count("SELECT COUNT(*) FROM mail_notice") == 0
                && fixtures.count("SELECT COUNT(*) FROM mail_outbox WHERE status = 'PENDING'") == 0);

        Map<String, Long> received = MAIL.received().stream().flatMap(OutboxOnTwoNodesTest::recipients)
                .filter(to -> phones.contains(to.substring(0, to.indexOf('@'))))
                .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
        assertThat(received).hasSize(phones.size());
        assertThat(received.values()).containsOnly(1L);
    }

    /** Two more dispatchers (nodes) besides this application's scheduled one, each sending rounds until done. */
    private void dispatchOnTwoNodesUntil(BooleanSupplier done) throws Exception {
        List<MailDispatcher> nodes = List.of(onAnotherNode(MailDispatcher.class),
                onAnotherNode(MailDispatcher.class));
        ExecutorService pool = Executors.newFixedThreadPool(nodes.size());
        try {
            List<Callable<Void>> rounds = new ArrayList<>();
            for (MailDispatcher node : nodes) {
                rounds.add(() -> {
                    long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
                    while (!done.getAsBoolean() && System.nanoTime() < deadline) {
                        node.dispatch();
                    }
                    return null;
                });
            }
            for (Future<Void> round : pool.invokeAll(rounds)) {
                round.get();
            }
        } finally {
            pool.shutdown();
        }
    }

    private static java.util.stream.Stream<String> recipients(MimeMessage message) {
        try {
            return Arrays.stream(message.getAllRecipients()).map(Address::toString);
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
