package cn.tzsw.college.hours;

import cn.tzsw.college.hours.domain.HoursEntryRepository;
import cn.tzsw.college.shared.TraineeLecture;
import java.util.Collection;
import java.util.Set;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Which lectures have their hours booked, for the lecture-state computation. Internal API without a role check:
 * the caller checks who may ask; it answers with ids only.
 */
@Component
@Transactional(readOnly = true)
public class BookedLectures {

    private final HoursEntryRepository ledger;

    BookedLectures(HoursEntryRepository ledger) {
        this.ledger = ledger;
    }

    public Set<TraineeLecture> among(Collection<Long> traineeIds, Collection<Long> lectureIds) {
        return traineeIds.isEmpty() || lectureIds.isEmpty() ? Set.of() : ledger.booked(traineeIds, lectureIds);
    }
}
