import Testing
@testable import Kleroterion

@Suite struct PanelExpansionTests {
    /// One class of 6 people living alone (counts 1, 2, 4, 6 in four compositions) and one household type
    /// with two roles in 3 households.
    func classes() -> RespondentClasses {
        // persons 0–5: kind 0, alone; persons 6–11: three households of (kind 1, kind 2).
        let people = (0..<6).map { _ in [0] } + (0..<3).flatMap { _ in [[1], [2]] }
        var household = Array(0..<12)
        for h in 0..<3 { household[7 + 2 * h] = 6 + 2 * h }
        let p = makeProblem(panelSize: 3, bounds: [[(0, 9), (0, 9), (0, 9)]], people: people, household: household)
        return RespondentClasses(p)
    }

    @Test func classesGroupInterchangeablePeople() {
        let c = classes()
        #expect(c.count == 3)
        #expect(c.members(0) == [0, 1, 2, 3, 4, 5])
        #expect(c.members(1) == [6, 8, 10] && c.members(2) == [7, 9, 11])
        #expect(c.householdTypes.count == 2)
    }

    @Test func everyMemberOfAClassGetsTheClassChance() {
        let c = classes()
        let comps = [
            Composition(classes: [0, 1], counts: [1, 2]),
            Composition(classes: [0, 1, 2], counts: [2, 1, 1]),
            Composition(classes: [0, 2], counts: [4, 3]),
            Composition(classes: [0], counts: [6]),
        ]
        let lambda = [0.37, 0.21, 0.3, 0.12]
        let d = PanelExpansion.expand(comps, weights: lambda, classes: c)
        #expect(abs(d.probabilities.reduce(0, +) - 1) < 1e-12)
        let m = d.marginals(personCount: 12)
        for cls in 0..<c.count {
            let expected = zip(comps, lambda).reduce(0.0) { sum, x in
                let (comp, w) = x
                guard let k = comp.classes.firstIndex(of: cls) else { return sum }
                return sum + w * Double(comp.counts[k]) / Double(c.size(cls))
            }
            for person in c.members(cls) { #expect(abs(m[person] - expected) < 1e-12, "person \(person)") }
        }
        // No panel seats two people of one household.
        for panel in d.panels {
            let homes = panel.compactMap { $0 >= 6 ? ($0 - 6) / 2 : nil }
            #expect(Set(homes).count == homes.count)
        }
    }
}
