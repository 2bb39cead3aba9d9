package cn.tzsw.college.security;

import cn.tzsw.college.security.domain.UserAccountRepository;
import java.util.Locale;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Signs people in by user name (trainees use their mobile number). */
@Service
class AccountUserDetailsService implements UserDetailsService {

    private final UserAccountRepository accounts;

    AccountUserDetailsService(UserAccountRepository accounts) {
        this.accounts = accounts;
    }

    @Override
    @Transactional(readOnly = true)
    public UserDetails loadUserByUsername(String username) {
        return accounts.findByUsername(username == null ? "" : username.strip())
                .map(a -> new AccountPrincipal(new CurrentUser(a.getId(), a.getUsername(), a.getDisplayName(),
                        a.getRole(), a.getRegionCode(), Locale.forLanguageTag(a.getLocale())), a.getPasswordHash(),
                        a.isEnabled()))
                .orElseThrow(() -> new UsernameNotFoundException("unknown user"));
    }
}
