package cn.tzsw.college.security;

import cn.tzsw.college.regions.RegionsProperties;
import cn.tzsw.college.security.domain.UserAccountRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * A fresh installation has nobody who could create accounts: when no administrator exists and
 * {@code app.security.initial-admin-password} is set, the account {@code admin} of the home college is created.
 */
@Component
@Order(10)
class InitialAdmin implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(InitialAdmin.class);

    private final AccountService accountService;
    private final UserAccountRepository accounts;
    private final RegionsProperties regions;
    private final String password;

    InitialAdmin(AccountService accountService, UserAccountRepository accounts, RegionsProperties regions,
                 @Value("${app.security.initial-admin-password:}") String password) {
        this.accountService = accountService;
        this.accounts = accounts;
        this.regions = regions;
        this.password = password;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (password.isBlank() || accounts.existsByUsername("admin")) {
            return;
        }
        StaffAccountData admin = new StaffAccountData();
        admin.setUsername("admin");
        admin.setDisplayName("学院管理员");
        admin.setRole(Role.ADMIN);
        admin.setRegionCode(regions.home());
        admin.setPassword(password);
        SystemTasks.runAsSystem(() -> accountService.createStaff(admin));
        log.info("Created the initial administrator 'admin'");
    }
}
