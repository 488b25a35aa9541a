import Foundation

/// Writes a point of the relaxed panel polytope R as a mix of valid panels, or finds out that it cannot.
///
/// The target is an expected count `t_c` per class (chance × class size). Each step:
/// 1. notes which constraints of R are tight at `t` (a quota at its minimum or maximum, a class empty or full,
///    a household type's cap reached); they define the smallest face of R that contains `t`;
/// 2. asks the pricing ILP for a valid panel `y` on that face (the tight constraints held as equalities),
///    preferring classes with high chances so that the steps stay long;
/// 3. moves `t` away from `y` along the line through both, as far as R allows:
///    `t ← (t − θ·y) / (1 − θ)`, with `θ` the largest step that keeps every constraint; `y` gets weight `θ`
///    times the mass still to place.
/// The new `t` lies on a smaller face, so there are at most (number of classes + 1) steps. If some face holds
/// no valid panel, `t` is not a mix of panels (R has a fractional corner there) and the caller falls back to
/// column generation. Only the constraints of R and the ILP are used; no LP over panels is solved.
enum FaceDecomposition {
    /// A constraint counts as tight when its slack is below this (in people).
    static let tightness = 1e-7
    /// The marginals of the result must match the target this closely (in chance), or it is rejected.
    static let acceptance = 1e-8
    /// The face ILP stops within this relative gap of its best panel: any panel on the face will do, and the
    /// objective only tends to lengthen the steps.
    static let faceGap = 0.05

    /// Panel compositions and their weights (summing to 1) whose expected class counts equal
    /// `probabilities[c] × M_c`; `mix` is nil when a face holds no valid panel or the time limit ran out,
    /// and `tried` lists the panels found on the way (good first columns for column generation).
    static func decompose(_ probabilities: [Double], run: FairRun) throws -> (mix: PanelMix?, tried: [Composition]) {
        let classes = run.classes, rows = run.oracle.rows
        let size = classes.sizes
        let target = zip(probabilities, size).map { min($1, max(0, $0 * $1)) }
        var t = target
        var mass = 1.0
        var found: [Composition] = []
        var index: [Composition: Int] = [:]
        var weights: [Double] = []
        func rowValue(_ r: LinearModel.Row, _ x: [Double]) -> Double {
            var s = 0.0
            for (c, a) in zip(r.columns, r.coefficients) { s += a * x[c] }
            return s
        }
        for _ in 0...(classes.count + rows.count + 1) {
            if mass < 1e-12 { break }
            let at = rows.map { rowValue($0, t) }
            var rowBounds: [(row: Int, lower: Double, upper: Double)] = []
            for (r, row) in rows.enumerated() where row.lower < row.upper {
                if at[r] - row.lower < tightness { rowBounds.append((r, row.lower, row.lower)) }
                else if row.upper - at[r] < tightness { rowBounds.append((r, row.upper, row.upper)) }
            }
            var classBounds: [(class: Int, lower: Double, upper: Double)] = []
            for c in t.indices {
                if t[c] < tightness { classBounds.append((c, 0, 0)) }
                else if size[c] - t[c] < tightness { classBounds.append((c, size[c], size[c])) }
            }
            let prefer = zip(t, size).map { $0 / $1 }
            let y: Composition
            let priced = try run.price(prefer, rowBounds: rowBounds, classBounds: classBounds, relativeGap: faceGap)
            switch priced {
            case .found(let comp, _): y = comp
            case .timedOut: return (nil, found)
            case .noPanel:
                run.report("the face walk found no valid panel on a face of the relaxation after \(found.count) panels", force: true)
                return (nil, found)
            }
            var counts = [Double](repeating: 0, count: classes.count)
            for (c, n) in zip(y.classes, y.counts) { counts[c] = Double(n) }
            // The longest step θ ≤ 1 that keeps (t − θy)/(1 − θ) inside every constraint: for a bound b with
            // slack s_t at t and s_y at y (both ≥ 0 up to round-off), the condition is s_t ≥ θ·s_y.
            var theta = 1.0
            func limit(_ st: Double, _ sy: Double) { if sy > 1e-12 { theta = min(theta, max(0, st) / sy) } }
            for (r, row) in rows.enumerated() {
                let ay = rowValue(row, counts)
                if row.upper.isFinite { limit(row.upper - at[r], row.upper - ay) }
                if row.lower.isFinite { limit(at[r] - row.lower, ay - row.lower) }
            }
            for c in t.indices {
                limit(size[c] - t[c], size[c] - counts[c])
                limit(t[c], counts[c])
            }
            if let j = index[y] { weights[j] += mass * theta } else {
                index[y] = found.count; found.append(y); weights.append(mass * theta)
            }
            if theta >= 1 - 1e-12 { mass = 0; break }
            if theta <= 0 { return (nil, found) }   // no progress: round-off has left t outside R
            for c in t.indices {
                var v = (t[c] - theta * counts[c]) / (1 - theta)
                if abs(v) < 1e-12 { v = 0 } else if abs(v - size[c]) < 1e-12 { v = size[c] }
                t[c] = v
            }
            mass *= 1 - theta
        }
        guard !found.isEmpty else { return (nil, found) }
        let total = weights.reduce(0, +)
        weights = weights.map { $0 / total }
        // Accept only if the mix reproduces the target: then the relaxed optimum is attainable.
        var marginal = [Double](repeating: 0, count: classes.count)
        for (comp, w) in zip(found, weights) { for (c, n) in zip(comp.classes, comp.counts) { marginal[c] += w * Double(n) } }
        let error = zip(zip(marginal, target), size).map { abs($0.0 - $0.1) / $1 }.max() ?? 0
        guard error <= acceptance else {
            run.report("the face walk's panel mix misses the relaxed optimum by \(error)", force: true)
            return (nil, found)
        }
        return (PanelMix(compositions: found, weights: weights, byColumnGeneration: false), found)
    }
}

/// Panel compositions with weights summing to 1.
struct PanelMix {
    var compositions: [Composition]
    var weights: [Double]
    /// True when column generation, not the face walk, found the mix.
    var byColumnGeneration: Bool
}
