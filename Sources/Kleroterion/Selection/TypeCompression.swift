/// Respondents grouped into classes of interchangeable people, so that the LPs and ILPs work on a few
/// hundred classes instead of thousands of persons.
///
/// Two households are interchangeable when their members have the same feature values (as multisets).
/// A *household type* is such a group of `M` households; its *roles* are the member positions, after
/// sorting each household's members by their feature values. A *class* is one role of one household type:
/// its `M` members (one per household) are interchangeable, so in the leximin, maximin and Nash optima they
/// can all be given the same chance (the optima are symmetric; see docs/algorithms.md).
/// A respondent who lives alone in the pool is a household of one, so everybody with the same feature
/// values and no housemate forms one class with one role.
///
/// Everything here is ordered by first appearance in the pool, never by hashing, so it is the same in
/// every process.
public struct RespondentClasses: Sendable {
    /// A household type: `households[h][r]` is the person in role `r` of the type's `h`-th household.
    public struct HouseholdType: Sendable {
        public var households: [[Int]]
        /// The class of each role.
        public var classes: [Int]
        /// How many interchangeable households there are (`M`).
        public var count: Int { households.count }
    }

    /// The household types, in order of first appearance.
    public var householdTypes: [HouseholdType]
    /// Per class: the feature values of its members.
    public var category: [[Int]]
    /// Per class: its household type.
    public var householdType: [Int]
    /// Per class: its role within the household type.
    public var role: [Int]
    /// Per person: their class.
    public var classOf: [Int]

    /// Number of classes.
    public var count: Int { category.count }
    /// Per class: how many people it has (one per household of its type).
    public func size(_ c: Int) -> Int { householdTypes[householdType[c]].count }
    /// Every class's size, as the LPs use it.
    public var sizes: [Double] { (0..<count).map { Double(size($0)) } }
    /// Per class: its members, one per household of its type, in household order.
    public func members(_ c: Int) -> [Int] { householdTypes[householdType[c]].households.map { $0[role[c]] } }

    public init(_ problem: SelectionProblem) {
        // Households in order of their first member.
        var householdIndex: [Int: Int] = [:]
        var households: [[Int]] = []
        for (i, h) in problem.household.enumerated() {
            if let k = householdIndex[h] { households[k].append(i) } else { householdIndex[h] = households.count; households.append([i]) }
        }
        // Sort members by feature values (then pool order), and group households by their value lists.
        var typeIndex: [[[Int]]: Int] = [:]
        var types: [HouseholdType] = []
        for var members in households {
            members.sort { a, b in
                let x = problem.category[a], y = problem.category[b]
                return x == y ? a < b : x.lexicographicallyPrecedes(y)
            }
            let signature = members.map { problem.category[$0] }
            if let t = typeIndex[signature] {
                types[t].households.append(members)
            } else {
                typeIndex[signature] = types.count
                types.append(HouseholdType(households: [members], classes: []))
            }
        }
        var category: [[Int]] = [], householdType: [Int] = [], role: [Int] = []
        var classOf = [Int](repeating: -1, count: problem.count)
        for t in types.indices {
            let roles = types[t].households[0].count
            for r in 0..<roles {
                let c = category.count
                types[t].classes.append(c)
                category.append(problem.category[types[t].households[0][r]])
                householdType.append(t)
                role.append(r)
                for h in types[t].households { classOf[h[r]] = c }
            }
        }
        self.householdTypes = types
        self.category = category
        self.householdType = householdType
        self.role = role
        self.classOf = classOf
    }
}
