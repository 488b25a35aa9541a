import Foundation

extension InvitationReport {
    /// The report for people: what was drawn, how, and what pool to expect.
    public func markdown() -> String {
        func pct(_ x: Double) -> String { String(format: "%.2f%%", x * 100) }
        func prob(_ x: Double) -> String { String(format: "%.6f", x) }
        func num(_ x: Double) -> String { String(format: "%.1f", x) }
        let weighted = settings.responseRates != nil || settings.oversampling != nil
        var md = "# Invitation lottery\n\n"
        md += "\(letters) letters drawn from \(register.eligible) eligible residents"
        if let a = register.addressesWithEligibleResidents { md += " at \(a) addresses (one letter per address)" }
        md += ".\n\n"
        md += "## Draw\n\n| | |\n|---|---|\n"
        md += "| Seed | `\(seed.replacingOccurrences(of: "|", with: "\\|"))` |\n"
        md += "| MT19937 seed (SHA-256 of seed + purpose `\(randomStreamPurpose)`, see docs/randomness.md) | \(mt19937Seed) |\n"
        md += "| Register | `\(register.file)` (\(register.rows) rows) |\n"
        md += "| Letters | \(settings.letters) |\n"
        md += "| Strata | \(settings.strataColumns.isEmpty ? "none (one stratum)" : settings.strataColumns.joined(separator: " × ")) |\n"
        if let bands = settings.ageBands { md += "| Age bands | \(bands.joined(separator: ", ")) |\n" }
        md += "| One letter per address | \(settings.onePerAddress?.joined(separator: ", ") ?? "no") |\n"
        if let d = settings.referenceDate { md += "| Ages counted on | \(d) |\n" }
        md += "| Age limits | \(settings.minAge.map(String.init) ?? "none") to \(settings.maxAge.map(String.init) ?? "no maximum") |\n"
        md += "| Not eligible | \(register.tooYoung) too young, \(register.tooOld) too old, \(register.excluded) on the exclusion list"
            + (register.unknownBirthDates.map { ", \($0) with a partly unknown birth date" } ?? "") + " |\n"
        if let e = settings.exclusionList {
            md += "| Exclusion list | `\(e)`: \(settings.exclusionListSize) ids, \(settings.exclusionListFoundInRegister) found in the register |\n"
        }
        md += "| Response rates | \(settings.responseRates.map { "`\($0)`" } ?? "none (letters in proportion to population)") |\n"
        if let k = settings.responseRatePriorLetters { md += "| Rate estimate | (respondents + \(Int(k)) × overall rate) ÷ (letters + \(Int(k))) per stratum |\n" }
        if let o = settings.oversampling { md += "| Oversampling factors | `\(o)` |\n" }
        md += "\n## Letters per stratum\n\n"
        md += "Weight = eligible residents × oversampling factor ÷ expected response rate; letters are the weight's share of \(settings.letters), rounded by largest remainder.\n\n"
        md += "| Stratum | Eligible | Share | Rate | Factor | Letters | Proportional letters | Expected respondents | Expected pool share |\n|---|---:|---:|---:|---:|---:|---:|---:|---:|\n"
        for s in strata {
            md += "| \(s.label) | \(s.population) | \(pct(s.populationShare)) | \(s.responseRate.map(pct) ?? "–") | \(s.oversamplingFactor == 1 ? "1" : String(format: "%.3g", s.oversamplingFactor)) | \(s.letters) | \(s.lettersInProportionToPopulation) | \(num(s.expectedRespondents)) | \(pct(s.expectedPoolShare)) |\n"
        }
        md += "\n## Each resident's chance of a letter\n\n"
        if settings.onePerAddress == nil {
            md += "Within a stratum every eligible resident has the same chance: letters ÷ eligible residents.\n\n| Stratum | Residents | Chance |\n|---|---:|---:|\n"
            for s in strata { md += "| \(s.label) | \(s.population) | \(prob(s.inclusionProbabilities[0].probability)) |\n" }
        } else {
            md += "One letter per address: each address first draws one eligible resident (its contact) and joins the contact's stratum; letters are then drawn among the addresses of each stratum and go to the contact. A resident's chance therefore depends on how many eligible residents share the address (m) and how many of them are in the same stratum (k). The chances below are computed exactly from the register (see docs/invitations.md), not estimated.\n\n"
            md += "| Stratum | m at address | k in stratum | Residents | Chance |\n|---|---:|---:|---:|---:|\n"
            for s in strata {
                for c in s.inclusionProbabilities {
                    md += "| \(s.label) | \(c.residentsAtAddress ?? 0) | \(c.inStratumAtAddress ?? 0) | \(c.residents) | \(prob(c.probability)) |\n"
                }
                if !s.probabilitiesExact {
                    md += "| \(s.label) | | | | *the lot of contacts may leave fewer addresses than letters (chance above 1e-12); the chances assume it did not* |\n"
                }
            }
        }
        md += "\n## Expected pool against the population\n\n"
        if settings.responseRates == nil {
            md += "No response rates were given, so the expected pool below assumes every stratum answers equally often.\n\n"
        }
        md += "Distance between expected pool and population (total variation, over strata): **\(pct(expectedPoolDistance))**"
        if weighted { md += "; with letters in proportion to population it would be \(pct(expectedPoolDistanceWithProportionalLetters))" }
        md += ". Expected respondents: \(num(expectedRespondents))"
        if weighted && settings.responseRates != nil { md += " (\(num(expectedRespondentsWithProportionalLetters)) with proportional letters)" }
        md += ".\n\n"
        md += "| Column | Value | Population | Expected pool | Expected pool, proportional letters |\n|---|---|---:|---:|---:|\n"
        for m in marginals {
            md += "| \(m.column) | \(m.value.isEmpty ? "(empty)" : m.value) | \(pct(m.populationShare)) | \(pct(m.expectedPoolShare)) | \(pct(m.expectedPoolShareWithProportionalLetters)) |\n"
        }
        md += "\nThis report holds counts and shares only; the names and addresses are in invitations.csv, which is not for publication.\n"
        return md
    }
}
