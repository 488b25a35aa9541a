/// Turns a distribution over class-level compositions into explicit panels of people in which every member
/// of a class has exactly the class's chance.
///
/// Picture the distribution as the interval [0, 1): composition `j` owns a stretch of length `λ_j`.
/// For one household type, the compositions that take the same counts from its roles form a *region*
/// (its stretches laid end to end, length `ℓ`). Inside a region, the members are rotated:
/// - a class of `M` people living alone, `c` of whom sit on the panel, is cut into `P = M / gcd(c, M)` equal
///   pieces; piece `b` seats persons `⌊((b + ½)·g + i·M) / c⌋` for `i < c` (McNaughton's wrap-around rule),
///   so each person sits in exactly `c/M` of the region;
/// - a household type with several roles is cut into `M` pieces; piece `b` gives the `s`-th seat
///   (seats ordered by role) to household `(b + s) mod M`, so each household holds each role for `y_r / M` of
///   the region and never two seats at once.
/// Cutting [0, 1) at every region's piece boundaries gives the explicit panels; each is a valid panel
/// because it has the composition's counts and at most one person per household.
/// Every person's marginal is then `Σ_j λ_j y_jc / M_c`, the class's chance, exactly up to rounding.
enum PanelExpansion {
    /// Weights below this are treated as zero (they are LP round-off), and the rest renormalised to sum 1.
    static let negligibleWeight = 1e-12
    /// Cut points closer than this are merged, so that no panel has a round-off-sized probability.
    static let mergeDistance = 1e-12

    static func expand(_ compositions: [Composition], weights: [Double], classes: RespondentClasses) -> PanelDistribution {
        // 1. Clean the weights.
        var comps: [Composition] = [], lambda: [Double] = []
        for (comp, w) in zip(compositions, weights) where w > negligibleWeight { comps.append(comp); lambda.append(w) }
        let total = lambda.reduce(0, +)
        precondition(total > 0, "a distribution needs a positive weight")
        lambda = lambda.map { $0 / total }
        var start = [Double](repeating: 0, count: comps.count + 1)
        for j in comps.indices { start[j + 1] = start[j] + lambda[j] }
        start[comps.count] = 1

        // 2. Per household type: the counts per role in each composition.
        let types = classes.householdTypes
        // counts[j] maps household type → counts per role (only types the composition uses).
        var perComposition: [[(type: Int, counts: [Int])]] = []
        for comp in comps {
            var byType: [(type: Int, counts: [Int])] = []
            var position: [Int: Int] = [:]
            for (c, n) in zip(comp.classes, comp.counts) {
                let t = classes.householdType[c]
                if position[t] == nil { position[t] = byType.count; byType.append((t, [Int](repeating: 0, count: types[t].classes.count))) }
                byType[position[t]!].counts[classes.role[c]] = n
            }
            byType.sort { $0.type < $1.type }
            perComposition.append(byType)
        }

        // 3. Regions: (type, counts) → the compositions in it, in order; each composition's offset in its region.
        struct Region { var pieces: Int; var length: Double = 0; var members: [Int] = [] }
        var regions: [Region] = []
        var regionIndex: [[Int]: Int] = [:]   // key: [type] + counts
        var placement: [[(region: Int, offset: Double)]] = Array(repeating: [], count: comps.count)
        for j in comps.indices {
            for (t, counts) in perComposition[j] {
                let key = [t] + counts
                let r: Int
                if let existing = regionIndex[key] { r = existing } else {
                    r = regions.count
                    regionIndex[key] = r
                    regions.append(Region(pieces: pieces(counts, households: types[t].count)))
                }
                placement[j].append((r, regions[r].length))
                regions[r].length += lambda[j]
                regions[r].members.append(j)
            }
        }

        // 4. All cut points: composition boundaries and every region's piece boundaries.
        var cuts = Array(start[1..<comps.count])
        for region in regions where region.pieces > 1 {
            var b = 1, walked = 0.0
            for j in region.members {
                let end = walked + lambda[j]
                while b < region.pieces, region.length * Double(b) / Double(region.pieces) < end {
                    cuts.append(start[j] + (region.length * Double(b) / Double(region.pieces) - walked))
                    b += 1
                }
                walked = end
            }
        }
        cuts.sort()
        var bounds: [Double] = [0]
        for x in cuts where x - bounds.last! > mergeDistance && 1 - x > mergeDistance { bounds.append(x) }
        bounds.append(1)

        // 5. One panel per elementary interval, read off at its midpoint.
        var panels: [[Int]] = [], probabilities: [Double] = []
        var seen: [[Int]: Int] = [:]
        var j = 0
        for k in 0..<(bounds.count - 1) {
            let mid = (bounds[k] + bounds[k + 1]) / 2
            while j + 1 < comps.count && start[j + 1] <= mid { j += 1 }
            var panel: [Int] = []
            for (index, entry) in perComposition[j].enumerated() {
                let (r, offset) = placement[j][index]
                let region = regions[r]
                let theta = (offset + (mid - start[j])) / region.length
                let piece = min(region.pieces - 1, max(0, Int(theta * Double(region.pieces))))
                seat(entry.counts, of: types[entry.type], piece: piece, into: &panel)
            }
            panel.sort()
            let p = bounds[k + 1] - bounds[k]
            if let i = seen[panel] { probabilities[i] += p } else {
                seen[panel] = panels.count
                panels.append(panel)
                probabilities.append(p)
            }
        }
        return PanelDistribution(panels: panels, probabilities: probabilities)
    }

    /// How many equal pieces a region is cut into.
    static func pieces(_ counts: [Int], households m: Int) -> Int {
        if counts.count == 1 {
            let c = counts[0]
            return c == 0 || c == m ? 1 : m / gcd(c, m)
        }
        return m
    }

    /// Appends the people a region's piece seats.
    static func seat(_ counts: [Int], of type: RespondentClasses.HouseholdType, piece b: Int, into panel: inout [Int]) {
        let m = type.count
        if counts.count == 1 {
            let c = counts[0]
            guard c > 0 else { return }
            let g = gcd(c, m)
            for i in 0..<c { panel.append(type.households[((2 * b + 1) * g + 2 * i * m) / (2 * c)][0]) }
            return
        }
        var s = 0
        for (role, n) in counts.enumerated() {
            for _ in 0..<n {
                panel.append(type.households[(b + s) % m][role])
                s += 1
            }
        }
    }

    static func gcd(_ a: Int, _ b: Int) -> Int { b == 0 ? a : gcd(b, a % b) }
}
