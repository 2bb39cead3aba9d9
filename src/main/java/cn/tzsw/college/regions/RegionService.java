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
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Read access to the region tree. The tree is public reference data: no method here needs a role.
 * The tree does not change while the application runs (it is loaded once into an empty table), so the units and
 * child lists asked for are kept in memory: a report, a scope check or a region picker looks up the same few units
 * on every request.
 */
@Service
@Transactional(readOnly = true)
public class RegionService {

    private final RegionRepository regions;
    private final RegionsProperties properties;
    private final Map<String, Region> units = new ConcurrentHashMap<>();
    private final Map<String, List<Region>> childrenOf = new ConcurrentHashMap<>();

    RegionService(RegionRepository regions, RegionsProperties properties) {
        this.regions = regions;
        this.properties = properties;
    }

    public Optional<Region> find(String code) {
        if (!RegionCodes.isWellFormed(code)) {
            return Optional.empty();
        }
        Region known = units.get(code);
        if (known != null) {
            return Optional.of(known);
        }
        Optional<Region> found = regions.findByCode(code).map(RegionEntity::toRegion);
        found.ifPresent(region -> units.put(code, region));
        return found;
    }

    public Region get(String code) {
        return find(code).orElseThrow(() -> new BusinessRuleException("region.unknown", String.valueOf(code)));
    }

    /** The college's home unit, where pickers and reports start. */
    public Region home() {
        return get(properties.home());
    }

    public List<Region> children(String parentCode) {
        List<Region> known = childrenOf.get(parentCode);
        if (known != null) {
            return known;
        }
        List<Region> children = regions.findByParentCodeOrderByCode(parentCode).stream().map(RegionEntity::toRegion)
                .toList();
        childrenOf.put(parentCode, children);
        return children;
    }

    /** The unit and its ancestors, from the province down to the unit itself. */
    public List<Region> path(String code) {
        List<String> codes = new ArrayList<>(RegionCodes.ancestors(code));
        codes.add(code);
        List<Region> known = codes.stream().map(units::get).filter(Objects::nonNull).toList();
        if (known.size() == codes.size()) {
            return known;
        }
        List<Region> path = regions.findByCodeIn(codes).stream().map(RegionEntity::toRegion)
                .sorted(Comparator.comparingInt(r -> r.subtreePrefix().length()))
                .toList();
        path.forEach(region -> units.put(region.code(), region));
        return path;
    }

    /** Forgets what was looked up before the tree was loaded (an empty table answers "no such unit"). */
    void treeLoaded() {
        units.clear();
        childrenOf.clear();
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
