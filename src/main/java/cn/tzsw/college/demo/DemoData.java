package cn.tzsw.college.demo;

import cn.tzsw.college.regions.Region;
import cn.tzsw.college.regions.RegionService;
import cn.tzsw.college.security.AccountService;
import cn.tzsw.college.security.Role;
import cn.tzsw.college.security.StaffAccountData;
import cn.tzsw.college.security.SystemTasks;
import cn.tzsw.college.shared.CertificateLevel;
import cn.tzsw.college.shared.IdNumber;
import cn.tzsw.college.trainees.TraineeService;
import cn.tzsw.college.trainees.TraineeSignUp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * A living system for a newcomer (profile {@code demo}): coordinators for 台州市, 椒江区 and 海门街道, and 50
 * trainees spread over five counties. Written once; a restart finds them and adds nothing.
 */
@Component
@Profile("demo")
@Order(20)
class DemoData implements ApplicationRunner {

    static final String STAFF_PASSWORD = "Demo@2026";
    static final String TRAINEE_PASSWORD = "Trainee@2026";
    static final String TAIZHOU = "331000000000";
    static final String JIAOJIANG = "331002000000";
    static final String HAIMEN = "331002001000";
    /** 椒江区, 黄岩区, 路桥区, 临海市, 温岭市. */
    private static final List<String> COUNTIES = List.of(JIAOJIANG, "331003000000", "331004000000",
            "331082000000", "331081000000");
    private static final String SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗郑梁谢宋唐许韩冯邓曹彭";
    private static final String[] GIVEN_NAMES = {"晓燕", "建国", "丽华", "志强", "秀英", "海波", "佳怡", "文杰", "雨婷",
            "国平", "美玲", "子豪", "静", "伟", "芳", "敏", "磊", "洁", "涛", "琳"};
    private static final String[] WORK_UNITS = {"社工站", "社会工作服务中心", "社区居委会", "村民委员会", "社会组织服务中心"};
    private static final Logger log = LoggerFactory.getLogger(DemoData.class);

    private final AccountService accounts;
    private final TraineeService trainees;
    private final RegionService regions;

    DemoData(AccountService accounts, TraineeService trainees, RegionService regions) {
        this.accounts = accounts;
        this.trainees = trainees;
        this.regions = regions;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        if (accounts.usernameTaken("tz-coord")) {
            return;
        }
        SystemTasks.runAsSystem(() -> {
            createCoordinator("tz-coord", "台州市协调员", TAIZHOU);
            createCoordinator("jj-coord", "椒江区协调员", JIAOJIANG);
            createCoordinator("hm-coord", "海门街道协调员", HAIMEN);
            return null;
        });
        createTrainees();
        log.info("Demo data written: 3 coordinators, 50 trainees");
    }

    private void createCoordinator(String username, String name, String regionCode) {
        StaffAccountData data = new StaffAccountData();
        data.setUsername(username);
        data.setDisplayName(name);
        data.setRole(Role.COORDINATOR);
        data.setRegionCode(regionCode);
        data.setPassword(STAFF_PASSWORD);
        accounts.createStaff(data);
    }

    private void createTrainees() {
        Random random = new Random(20261129);
        List<Region> villages = new ArrayList<>();
        for (String county : COUNTIES) {
            for (Region township : regions.children(county).subList(0, 2)) {
                villages.addAll(regions.children(township.code()).subList(0, 3));
            }
        }
        for (int i = 0; i < 50; i++) {
            // The first trainee lives in 海门街道 so that every demo coordinator sees somebody.
            Region village = i == 0 ? regions.children(HAIMEN).getFirst() : villages.get(i % villages.size());
            LocalDate birth = LocalDate.of(1970 + random.nextInt(33), 1 + random.nextInt(12), 1 + random.nextInt(28));
            TraineeSignUp signUp = new TraineeSignUp();
            signUp.setName(SURNAMES.charAt(random.nextInt(SURNAMES.length()))
                    + GIVEN_NAMES[random.nextInt(GIVEN_NAMES.length)]);
            signUp.setPhone(demoPhone(i));
            signUp.setEmail("trainee%02d@example.cn".formatted(i + 1));
            signUp.setIdNumber(idNumber(village.code().substring(0, 6), birth, i));
            signUp.setWorkUnit(regions.get(village.parentCode()).name() + WORK_UNITS[i % WORK_UNITS.length]);
            signUp.setRegionCode(village.code());
            CertificateLevel level = CertificateLevel.values()[i % CertificateLevel.values().length];
            signUp.setCertificateLevel(level);
            signUp.setPeriodStart(level.certified() ? LocalDate.of(2024, 1, 1).plusMonths(i % 30) : null);
            signUp.setPassword(TRAINEE_PASSWORD);
            signUp.setPasswordConfirmation(TRAINEE_PASSWORD);
            trainees.signUp(signUp, Locale.SIMPLIFIED_CHINESE, null);
        }
    }

    /** 13800000001 ... : demo numbers, easy to type at the login. */
    static String demoPhone(int index) {
        return "138%08d".formatted(index + 1);
    }

    private static String idNumber(String area, LocalDate birth, int sequence) {
        String first17 = area + birth.format(java.time.format.DateTimeFormatter.BASIC_ISO_DATE)
                + "%03d".formatted(sequence % 1000);
        return IdNumber.of(first17 + IdNumber.checkCharacter(first17)).value();
    }
}
