/// How a panel is chosen from a pool under quotas.
///
/// An algorithm receives the problem and the seeded generator, and returns the panel with each respondent's
/// chance of selection. Fair algorithms also return the distribution over panels they drew from.
public protocol SelectionAlgorithm: Sendable {
    /// The name used on the command line and in reports, e.g. `legacy` or `leximin`.
    var name: String { get }
    /// Draws a panel. Throws a `KleroterionError` if the quotas cannot be met.
    func select(_ problem: SelectionProblem, random: SeededRandom, options: SelectionOptions) throws -> SelectionOutcome
}

/// Settings shared by all algorithms.
public struct SelectionOptions: Sendable {
    /// Stop improving after this many seconds and use the best result so far (fair algorithms).
    public var timeLimit: Double?
    /// Receives progress lines (the CLI prints them on stderr).
    public var progress: (@Sendable (String) -> Void)?
    /// How many repeated draws estimate the chances under the legacy algorithm.
    public var legacyEstimateRuns: Int
    /// Asked at every pricing ILP and iteration of the fair algorithms (and between the legacy algorithm's draws);
    /// `true` stops the selection with `WorkflowCancelled` (a web app's cancel button). Nil: never cancelled.
    public var isCancelled: (@Sendable () -> Bool)?

    public init(timeLimit: Double? = nil, progress: (@Sendable (String) -> Void)? = nil, legacyEstimateRuns: Int = 1000,
                isCancelled: (@Sendable () -> Bool)? = nil) {
        self.timeLimit = timeLimit
        self.progress = progress
        self.legacyEstimateRuns = legacyEstimateRuns
        self.isCancelled = isCancelled
    }

    /// Throws `WorkflowCancelled` once `isCancelled` says so.
    public func checkCancelled() throws {
        if let isCancelled, isCancelled() { throw WorkflowCancelled() }
    }
}

/// A probability distribution over panels: `panels[j]` is chosen with probability `probabilities[j]`.
public struct PanelDistribution: Sendable, Equatable {
    /// Each panel as sorted person indices.
    public var panels: [[Int]]
    /// The probability of each panel; they sum to 1.
    public var probabilities: [Double]

    public init(panels: [[Int]], probabilities: [Double]) {
        self.panels = panels
        self.probabilities = probabilities
    }

    /// Each person's chance of selection: the sum of the probabilities of the panels they are on.
    public func marginals(personCount: Int) -> [Double] {
        var m = [Double](repeating: 0, count: personCount)
        for (panel, p) in zip(panels, probabilities) { for i in panel { m[i] += p } }
        return m
    }
}

/// Each respondent's chance of being selected, exact or estimated.
public struct SelectionProbabilities: Sendable, Equatable {
    /// Chance per person, in pool order.
    public var values: [Double]
    /// True when the chances come from repeated draws (legacy), not from an exact distribution.
    public var isEstimate: Bool
    /// The standard error of each estimate (only when `isEstimate`).
    public var standardErrors: [Double]?
    /// How many draws the estimate is based on (only when `isEstimate`).
    public var estimateRuns: Int?

    public init(values: [Double], isEstimate: Bool = false, standardErrors: [Double]? = nil, estimateRuns: Int? = nil) {
        self.values = values
        self.isEstimate = isEstimate
        self.standardErrors = standardErrors
        self.estimateRuns = estimateRuns
    }
}

/// What an algorithm returns.
public struct SelectionOutcome: Sendable {
    /// The drawn panel, as sorted person indices.
    public var panel: [Int]
    /// Everybody's chance of selection.
    public var probabilities: SelectionProbabilities
    /// The distribution the panel was drawn from (fair algorithms only).
    public var distribution: PanelDistribution?
    /// The algorithm's name.
    public var algorithm: String
    /// Remarks for the report, e.g. that a time limit stopped the optimisation early.
    public var notes: [OutcomeNote]

    public init(panel: [Int], probabilities: SelectionProbabilities, distribution: PanelDistribution? = nil, algorithm: String, notes: [OutcomeNote] = []) {
        self.panel = panel
        self.probabilities = probabilities
        self.distribution = distribution
        self.algorithm = algorithm
        self.notes = notes
    }
}

extension SelectionProblem {
    /// The rules a panel breaks, in English words; empty when it meets every quota and the household rule.
    public func violations(of panel: [Int]) -> [String] { panelViolations(of: panel).map { $0.text(.en) } }

    /// The rules a panel breaks (`PanelViolation.text(_:)` says each in a language).
    public func panelViolations(of panel: [Int]) -> [PanelViolation] {
        var problems: [PanelViolation] = []
        if panel.count != panelSize { problems.append(.size(members: panel.count, panelSize: panelSize)) }
        if Set(panel).count != panel.count { problems.append(.twice) }
        for (f, feature) in features.enumerated() {
            var counts = [Int](repeating: 0, count: feature.values.count)
            for i in panel { counts[category[i][f]] += 1 }
            for (v, n) in counts.enumerated() where n < feature.min[v] || n > feature.max[v] {
                problems.append(.quota(feature: feature.name, value: feature.values[v], seats: n, min: feature.min[v], max: feature.max[v]))
            }
        }
        var households = Set<Int>()
        for i in panel where !households.insert(household[i]).inserted { problems.append(.household(id: ids[i])) }
        return problems
    }
}
