package cn.tzsw.college.regions;

import cn.tzsw.college.shared.RegionCodes;

/** One administrative unit as the rest of the product sees it. */
public record Region(String code, String name, RegionLevel level, String parentCode) {

    public String subtreePrefix() {
        return RegionCodes.subtreePrefix(code);
    }

    public boolean contains(String otherCode) {
        return RegionCodes.contains(code, otherCode);
    }
}
