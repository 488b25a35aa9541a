import Foundation

/// Stage 1: the invitation lottery over the population register.
///
/// 1. Pass 1 over the register (`RegisterCensus`): eligibility (age limits, exclusions), stratum, address.
/// 2. Letters per stratum (`LetterAllocation`): largest-remainder rounding of population × factor ÷ rate.
/// 3. The draw, with one random stream from the seed (purpose `invite`), used in this order:
///    - one letter per address only: for every address in order of first appearance in the register that has
///      more than one eligible resident, its contact is resident number `gsl_rng_uniform_int(m)` of its m
///      eligible residents (in register order);
///    - then for every stratum in canonical order, `gsl_ran_choose` picks the stratum's letters among its units
///      (residents, or addresses whose contact is in the stratum), numbered in register order.
/// 4. The report's probabilities come from the design, not from the outcome (`AddressProbability`).
///
/// Pass 2 (copying the chosen rows out of the register) is `InvitationFiles`.
public enum InvitationLottery {
    /// The label of the random stream (see docs/randomness.md).
    public static let purpose = "invite"

    /// Runs the lottery over the register at `path`.
    public static func draw(register path: String, settings: InvitationSettings, seed: String) throws -> InvitationOutcome {
        _ = try SeededRandom(seed: seed, purpose: purpose)   // refuse an empty seed before reading the register
        guard settings.count > 0 else {
            throw KleroterionError("the number of letters must be at least 1 (it is \(settings.count))", fix: "give --count, for example --count 6500")
        }
        let census = try RegisterCensus(register: RegisterRows(path: path), settings: settings)
        return try draw(plan: InvitationPlan(census: census, register: path, settings: settings), seed: seed)
    }

    /// The draw proper, once the plan is fixed (tests repeat it over many seeds without planning again).
    static func draw(plan: InvitationPlan, seed: String) throws -> InvitationOutcome {
        let random = try SeededRandom(seed: seed, purpose: purpose)
        let census = plan.census, letters = plan.letters
        var invited: [Int] = []
        invited.reserveCapacity(plan.settings.count)
        var contacts: [Int]? = nil
        if let groups = plan.groups {
            // The contact lot.
            var contact = [Int32](repeating: 0, count: census.addressCount)
            var contactStratum = [Int32](repeating: 0, count: census.addressCount)
            var perStratum = [Int](repeating: 0, count: census.strata.count)
            for a in 0..<census.addressCount {
                let members = groups.members(of: a)
                let pick = members.count > 1 ? random.int(below: members.count) : 0
                contact[a] = members[members.startIndex + pick]
                let s = census.rowStratum[Int(contact[a])]
                contactStratum[a] = Int32(s)
                perStratum[Int(s)] += 1
            }
            for s in census.strata.indices where letters[s] > perStratum[s] {
                throw KleroterionError(file: plan.path, "the stratum \(plan.label(s)) would get \(letters[s]) letters, but the lot of contact persons put only \(perStratum[s]) addresses in it",
                                       fix: "lower --count (with so many letters for so few addresses one letter per address cannot keep the strata apart)")
            }
            // Addresses per stratum, in order of first appearance.
            var offsets = [Int](repeating: 0, count: census.strata.count + 1)
            for s in census.strata.indices { offsets[s + 1] = offsets[s] + perStratum[s] }
            var next = offsets
            var byStratum = [Int32](repeating: 0, count: census.addressCount)
            for a in 0..<census.addressCount {
                let s = Int(contactStratum[a])
                byStratum[next[s]] = Int32(a)
                next[s] += 1
            }
            for s in census.strata.indices {
                for i in random.chooseIndices(letters[s], below: perStratum[s]) {
                    invited.append(Int(contact[Int(byStratum[offsets[s] + i])]))
                }
            }
            invited.sort()
            contacts = perStratum
        } else {
            let chosen = census.strata.indices.map { random.chooseIndices(letters[$0], below: census.population[$0]) }
            var seen = [Int](repeating: 0, count: census.strata.count)
            var next = [Int](repeating: 0, count: census.strata.count)
            for (r, code) in census.rowStratum.enumerated() where code != RegisterCensus.ineligible {
                let s = Int(code)
                if next[s] < chosen[s].count && chosen[s][next[s]] == seen[s] { invited.append(r); next[s] += 1 }
                seen[s] += 1
            }
        }
        let strata = census.strata.indices.map { s in
            StratumOutcome(values: census.strata[s], population: census.population[s], contactAddresses: contacts?[s],
                           letters: letters[s], responseRate: plan.rates[s], factor: plan.factors[s], weight: plan.weights[s],
                           proportionalLetters: plan.proportional[s], probabilities: plan.probabilities[s],
                           probabilitiesExact: plan.exact[s])
        }
        let settings = plan.settings
        return InvitationOutcome(settings: settings, seedText: seed, mt19937Seed: random.mt19937Seed, registerPath: plan.path,
                                 strataColumns: census.strataColumns, strata: strata, invitedRows: invited,
                                 registerRows: census.rows, eligible: census.eligible, excluded: census.excluded,
                                 exclusionListSize: settings.excludedIDs.count, exclusionsFound: census.exclusionsFound,
                                 tooYoung: census.tooYoung, tooOld: census.tooOld,
                                 addresses: plan.groups == nil ? nil : census.addressCount, census: census)
    }
}

/// The design of a lottery, fixed before the seed is used: letters per stratum and every resident's chance.
struct InvitationPlan {
    let census: RegisterCensus
    let path: String
    let settings: InvitationSettings
    let weights: [Double]
    let rates: [Double?]
    let factors: [Double]
    let letters: [Int]
    let proportional: [Int]
    /// The residents of each address (one letter per address only).
    let groups: AddressGroups?
    let probabilities: [[ProbabilityClass]]
    let exact: [Bool]

    func label(_ s: Int) -> String { StratumKey.label(columns: census.strataColumns, values: census.strata[s]) }

    init(census: RegisterCensus, register path: String, settings: InvitationSettings) throws {
        self.census = census
        self.path = path
        self.settings = settings
        let byAddress = !census.rowAddress.isEmpty
        let units = byAddress ? census.addressCount : census.eligible
        if settings.count > units {
            throw KleroterionError(file: path, "\(settings.count) letters are asked but only \(units) \(byAddress ? "addresses have an eligible resident" : "residents may get a letter")",
                                   fix: "lower --count to at most \(units)\(byAddress ? ", or drop --one-per-address" : ""), or check the age limits and exclusions")
        }
        (weights, rates, factors) = try LetterAllocation.weights(census: census, settings: settings)
        letters = LetterAllocation.largestRemainder(total: settings.count, weights: weights)
        proportional = LetterAllocation.largestRemainder(total: settings.count, weights: census.population.map(Double.init))
        let strata = census.strata.indices
        if !byAddress {
            groups = nil
            let label = { (s: Int) in StratumKey.label(columns: census.strataColumns, values: census.strata[s]) }
            for s in strata where letters[s] > census.population[s] {
                throw KleroterionError(file: path, "the stratum \(label(s)) would get \(letters[s]) letters but has only \(census.population[s]) eligible residents",
                                       fix: "lower --count, or lower this stratum's oversampling factor or raise its response rate")
            }
            let letters = self.letters
            probabilities = strata.map { s in
                [ProbabilityClass(residentsAtAddress: nil, inStratumAtAddress: nil, residents: census.population[s],
                                  probability: Double(letters[s]) / Double(census.population[s]))]
            }
            exact = strata.map { _ in true }
            return
        }
        let groups = AddressGroups(census: census)
        self.groups = groups
        // Address types per stratum, for the probabilities (and the most addresses a stratum can have).
        var types = [AddressProbability](repeating: AddressProbability(), count: census.strata.count)
        var tally = [Int](repeating: 0, count: census.strata.count)
        var touched: [Int] = []
        for a in 0..<census.addressCount {
            let members = groups.members(of: a)
            for r in members {
                let s = Int(census.rowStratum[Int(r)])
                if tally[s] == 0 { touched.append(s) }
                tally[s] += 1
            }
            for s in touched {
                types[s].types[AddressProbability.AddressType(m: members.count, k: tally[s]), default: 0] += 1
                tally[s] = 0
            }
            touched.removeAll(keepingCapacity: true)
        }
        for s in strata {
            let most = types[s].types.values.reduce(0, +)
            if letters[s] > most {
                throw KleroterionError(file: path, "the stratum \(StratumKey.label(columns: census.strataColumns, values: census.strata[s])) would get \(letters[s]) letters but only \(most) addresses have a resident in it",
                                       fix: "lower --count, or lower this stratum's oversampling factor or raise its response rate")
            }
        }
        // A stratum whose letters come close to its expected number of contact addresses would make the draw fail
        // or succeed depending on the seed; refuse it before any random number is drawn.
        let letters = self.letters
        let shortfall = strata.map { types[$0].shortfallChance(letters: letters[$0]) }
        for s in strata {
            if shortfall[s] > 0.01 {
                let expected = types[s].types.reduce(0.0) { $0 + Double($1.value) * $1.key.p }
                throw KleroterionError(file: path, "the stratum \(StratumKey.label(columns: census.strataColumns, values: census.strata[s])) would get \(letters[s]) letters, but only about \(Int(expected.rounded())) addresses can be expected to have their contact person in it, so one letter per address may fall short (a chance of up to \(String(format: "%.1f", shortfall[s] * 100)) %)",
                                       fix: "lower --count, or this stratum's oversampling factor, or merge it with a neighbouring stratum")
            }
        }
        probabilities = strata.map { s in
            types[s].types.keys.sorted().map { type in
                ProbabilityClass(residentsAtAddress: type.m, inStratumAtAddress: type.k, residents: types[s].types[type]! * type.k,
                                 probability: Double(letters[s]) / Double(type.m) * types[s].expectedInverseCount(own: type))
            }
        }
        // Exact when a shortfall is impossible or its chance is negligible (the draw would stop rather than use it).
        exact = strata.map { shortfall[$0] < 1e-12 }
    }
}
