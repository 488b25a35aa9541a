/// Candidates grouped for an integer program, the way `QuotaMIP` groups them: respondents with the same values and
/// no housemate among the candidates are interchangeable and share one integer variable (how many of them are
/// taken); people in shared households, and anybody listed as `individual`, keep a binary of their own, with a
/// row "at most one per household".
///
/// Units are in order of first appearance among the candidates (no hashing order), so programs built from them
/// are the same in every process.
struct CandidateUnits {
    /// The people each unit stands for.
    var people: [[Int]] = []
    /// Each unit's feature values.
    var category: [[Int]] = []
    /// Per shared household: its units.
    var householdRows: [[Int]] = []

    var count: Int { people.count }

    init(problem: SelectionProblem, candidates: [Int], individual: Set<Int> = []) {
        var sizes: [Int: Int] = [:]
        for i in candidates { sizes[problem.household[i], default: 0] += 1 }
        var typeUnit: [[Int]: Int] = [:]
        var householdIndex: [Int: Int] = [:]
        for i in candidates {
            let shared = sizes[problem.household[i]]! > 1
            if !shared && !individual.contains(i), let u = typeUnit[problem.category[i]] {
                people[u].append(i)
                continue
            }
            if !shared && !individual.contains(i) { typeUnit[problem.category[i]] = people.count }
            if shared {
                if let h = householdIndex[problem.household[i]] { householdRows[h].append(people.count) } else {
                    householdIndex[problem.household[i]] = householdRows.count
                    householdRows.append([people.count])
                }
            }
            people.append([i])
            category.append(problem.category[i])
        }
    }
}
