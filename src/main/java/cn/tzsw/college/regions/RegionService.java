package cn.tzsw.college.regions;

import cn.tzsw.college.regions.domain.RegionEntity;
import cn.tzsw.college.regions.domain.RegionRepository;
import cn.tzsw.college.shared.BusinessRuleException;
import cn.tzsw.college.shared.RegionCodes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Read access to the region tree. The tree is public reference data: no method here needs a role. */
@Service
@Transactional(readOnly = true)
public class RegionService {

    private final RegionRepository regions;
    private final RegionsProperties properties;

    RegionService(RegionRepository regions, RegionsProperties properties) {
        this.regions = regions;
        this.properties = properties;
    }

    public Optional<Region> find(String code) {
        if (!RegionCodes.isWellFormed(code)) {
            return Optional.empty();
        }
        return regions.findByCode(code).map(RegionEntity::toRegion);
    }

    public Region get(String code) {
        return find(code).orElseThrow(() -> new BusinessRuleException("region.unknown", String.valueOf(code)));
    }

    /** The college's home unit, where pickers and reports start. */
    public Region home() {
        return get(properties.home());
    }

    public List<Region> children(String parentCode) {
        return regions.findByParentCodeOrderByCode(parentCode).stream().map(RegionEntity::toRegion).toList();
    }

    /** The unit and its ancestors, from the province down to the unit itself. */
    public List<Region> path(String code) {
        List<String> codes = new ArrayList<>(RegionCodes.ancestors(code));
        codes.add(code);
        return regions.findByCodeIn(codes).stream().map(RegionEntity::toRegion)
                .sorted(Comparator.comparingInt(r -> r.subtreePrefix().length()))
                .toList();
    }

    /** "Is Y inside X": true when {@code code} names an existing unit in the subtree of {@code ancestorCode}. */
    public boolean isWithin(String code, String ancestorCode) {
        if (!RegionCodes.isWellFormed(code) || !RegionCodes.isWellFormed(ancestorCode)) {
            return false;
        }
        return regions.existsWithPrefix(code, RegionCodes.subtreePrefix(ancestorCode));
    }

    /** How many units of each level lie in the subtree (the unit itself included). */
    public Map<RegionLevel, Long> countSubtreeByLevel(String code) {
        Map<RegionLevel, Long> counts = new EnumMap<>(RegionLevel.class);
        for (Object[] row : regions.countByLevelWithPrefix(RegionCodes.subtreePrefix(code))) {
            counts.put((RegionLevel) row[0], (Long) row[1]);
        }
        return counts;
    }

    /** The names from the city down, joined: 台州市/椒江区/海门街道. */
    public String displayPath(String code) {
        return path(code).stream().filter(r -> r.level() != RegionLevel.PROVINCE).map(Region::name)
                .reduce((a, b) -> a + "/" + b).orElse(code);
    }
}
