package cn.tzsw.college.security.domain;

import cn.tzsw.college.security.AccountRename;
import cn.tzsw.college.security.NewTraineeAccount;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Set-based reads and writes of accounts, for roster imports of thousands of rows and the mails of a registration
 * burst (one statement per batch, not per row).
 */
public interface UserAccountBatch {

    /** The language tag each of these accounts chose (accounts that do not exist are left out). */
    Map<Long, String> localesOf(Collection<Long> accountIds);

    /** Of the given user names, those that exist. */
    Set<String> existingUsernames(Collection<String> usernames);

    /** Inserts trainee accounts with the given password hash; returns user name → id. */
    Map<String, Long> insertTrainees(List<NewTraineeAccount> accounts, String passwordHash);

    void rename(List<AccountRename> renames);
}
