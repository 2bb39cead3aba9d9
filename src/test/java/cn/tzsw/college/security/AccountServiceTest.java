package cn.tzsw.college.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.tzsw.college.IntegrationTest;
import cn.tzsw.college.shared.BusinessRuleException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.test.context.support.WithUserDetails;

class AccountServiceTest extends IntegrationTest {

    @Autowired
    AccountService accounts;

    private static StaffAccountData coordinator(String username, String regionCode) {
        StaffAccountData data = new StaffAccountData();
        data.setUsername(username);
        data.setDisplayName("临海市协调员");
        data.setRole(Role.COORDINATOR);
        data.setRegionCode(regionCode);
        data.setPassword("Coordinator@1");
        return data;
    }

    @Test
    @WithUserDetails("admin")
    void an_administrator_creates_a_county_coordinator_and_finds_it() {
        accounts.createStaff(coordinator("lh-coord-test", "331082000000"));
        var found = accounts.search("lh-coord-test", Role.COORDINATOR, PageRequest.of(0, 10));
        assertThat(found.getContent()).singleElement()
                .satisfies(a -> assertThat(a.regionCode()).isEqualTo("331082000000"));
    }

    @Test
    @WithUserDetails("admin")
    void a_coordinator_cannot_be_bound_to_a_village() {
        assertThatThrownBy(() -> accounts.createStaff(coordinator("village-coord", "331002001003")))
                .isInstanceOfSatisfying(BusinessRuleException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("account.region.coordinatorLevel"));
    }

    @Test
    @WithUserDetails("admin")
    void a_taken_user_name_is_refused() {
        assertThatThrownBy(() -> accounts.createStaff(coordinator("jj-coord", "331002000000")))
                .isInstanceOfSatisfying(BusinessRuleException.class, e -> assertThat(e.field()).isEqualTo("username"));
    }

    @Test
    @WithUserDetails("jj-coord")
    void a_coordinator_cannot_create_accounts_or_list_users() {
        assertThatThrownBy(() -> accounts.createStaff(coordinator("sneaky", "331002000000")))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> accounts.search("", null, PageRequest.of(0, 10)))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    @WithUserDetails("admin")
    void the_user_list_is_paged() {
        var page = accounts.search("", null, PageRequest.of(0, 5));
        assertThat(page.getContent()).hasSize(5);
        assertThat(page.getTotalElements()).isGreaterThanOrEqualTo(54);
    }
}
