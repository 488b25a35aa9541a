import Foundation
import Testing
@testable import Kleroterion

/// The library workflows called directly, as the web app calls them, without the CLI: what they queue is what the
/// commands write, and the rules hold (quotas met, nobody lost or twice, chances summing to the panel size, the same
/// seed giving the same panel, cancellation writing nothing).
@Suite struct WorkflowTests {
    /// 40 respondents: 6 aged 16-24, pairs sharing an address among the first 10 (as FeasibilityCLITests).
    struct Fixture {
        let dir = temporaryDirectory()
        var pool: String { dir + "/pool.csv" }
        var ok: String { dir + "/ok.csv" }
        var bad: String { dir + "/bad.csv" }

        init() throws {
            var pool = "id,age,gender,address\n"
            for i in 0..<40 {
                pool += "r\(i),\(i < 6 ? "16-24" : "25+"),\(i % 2 == 0 ? "f" : "m"),\(i < 10 ? "A\(i / 2)" : "B\(i)")\n"
            }
            try pool.write(toFile: self.pool, atomically: true, encoding: .utf8)
            try "feature,value,min,max,population_share\nage,16-24,2,4,0.15\nage,25+,6,8,0.85\ngender,f,4,6,0.5\ngender,m,4,6,0.5\n"
                .write(toFile: ok, atomically: true, encoding: .utf8)
            try "feature,value,min,max,population_share\nage,16-24,5,6,0.15\nage,25+,4,8,0.85\ngender,f,4,6,0.5\ngender,m,4,6,0.5\n"
                .write(toFile: bad, atomically: true, encoding: .utf8)
        }

        func select(seed: String = "workflow test", algorithm: String = "leximin") -> SelectWorkflow.Request {
            var r = SelectWorkflow.Request(people: pool, quotas: ok, panelSize: 10, seed: seed)
            r.algorithm = algorithm
            r.householdColumns = ["address"]
            r.language = .en
            return r
        }
    }

    /// A flag the test sets from one closure and the workflow reads from another.
    final class Flag: @unchecked Sendable {
        private let lock = NSLock()
        private var value = false
        private var lines: [String] = []
        func set(_ line: String) { lock.lock(); value = true; lines.append(line); lock.unlock() }
        var isSet: Bool { lock.lock(); defer { lock.unlock() }; return value }
        var seen: [String] { lock.lock(); defer { lock.unlock() }; return lines }
    }

    static func table(_ path: String) throws -> Table { try CSVReader.read(path: path) }

    static func column(_ table: Table, _ name: String) -> [String] {
        let c = table.columnIndex(name)!
        return table.rows.map { $0[c] }
    }

    @Test func selectQueuesAPanelThatMeetsTheQuotasAndLosesNobody() throws {
        let f = try Fixture()
        let request = f.select()
        var files = OutputFiles(directory: f.dir + "/out", placement: .newFolder, inputs: RunInputs(request.inputs))
        try files.check()
        let steps = Flag()
        let result = try SelectWorkflow.run(request, into: &files, events: WorkflowEvents(step: { steps.set($0) }))
        try files.commit()
        #expect(result.files == files.names && result.files.contains("panel.csv") && result.files.contains("distribution.csv"))
        #expect(steps.seen == Array(result.lines.dropLast()), "the live steps are the result's lines but the last (where the files went)")
        #expect(result.lines.first == "Registrations read: 40 people." && result.lines.last!.hasPrefix("Files written to \(f.dir)/out: panel.csv"))

        let panel = try Self.table(f.dir + "/out/panel.csv"), remaining = try Self.table(f.dir + "/out/remaining.csv")
        let panelIDs = Self.column(panel, "id"), rest = Self.column(remaining, "id")
        #expect(panelIDs == result.panelIDs && panelIDs.count == 10)
        #expect(Set(panelIDs + rest).count == 40 && (panelIDs + rest).count == 40, "nobody lost or twice")
        let ages = Self.column(panel, "age"), genders = Self.column(panel, "gender"), addresses = Self.column(panel, "address")
        #expect((2...4).contains(ages.filter { $0 == "16-24" }.count) && (6...8).contains(ages.filter { $0 == "25+" }.count))
        #expect((4...6).contains(genders.filter { $0 == "f" }.count) && (4...6).contains(genders.filter { $0 == "m" }.count))
        #expect(Set(addresses).count == addresses.count, "one per address")

        let chances = Self.column(try Self.table(f.dir + "/out/probabilities.csv"), "probability").map { Double($0)! }
        #expect(chances.count == 40 && abs(chances.reduce(0, +) - 10) < 1e-6)
        #expect(abs(result.smallestChance - chances.min()!) < 1e-12 && !result.chancesAreEstimated)
    }

    @Test func theSameSeedGivesTheSamePanel() throws {
        let f = try Fixture()
        var panels: [[String]] = []
        for n in 0..<2 {
            var files = OutputFiles(directory: f.dir + "/out\(n)")
            panels.append(try SelectWorkflow.run(f.select(seed: "same seed"), into: &files).panelIDs)
            try files.commit()
        }
        #expect(panels[0] == panels[1])
        #expect(try Data(contentsOf: URL(fileURLWithPath: f.dir + "/out0/panel.csv")) == Data(contentsOf: URL(fileURLWithPath: f.dir + "/out1/panel.csv")))
    }

    @Test func selectRefusesInfeasibleQuotasOrRelaxesThem() throws {
        let f = try Fixture()
        var request = f.select(algorithm: "legacy")
        request.quotas = f.bad
        var files = OutputFiles(directory: f.dir + "/out")
        #expect(throws: KleroterionError.self) { try SelectWorkflow.run(request, into: &files) }
        request.relax = true
        files = OutputFiles(directory: f.dir + "/out")
        let result = try SelectWorkflow.run(request, into: &files)
        #expect(result.relaxation?.seats == 2 && result.files.contains("relaxation.md"))
        #expect(result.warnings.contains { $0.hasPrefix("The quotas cannot be met; they were relaxed by 2 seats (--relax): lower the minimum of age 16-24") },
                "\(result.warnings)")
        #expect(result.notes.contains { $0.hasPrefix("The quotas were relaxed with --relax by 2 seats, because they could not be met: lower the minimum of age 16-24 from 5 to 3") },
                "\(result.notes)")
        #expect(result.notes.contains { $0.hasPrefix("Chances are estimated from ") } && result.details.isEmpty, "legacy has no solver notes")
    }

    @Test func requestValidationGivesTheCLIsMessages() throws {
        var request = try Fixture().select()
        request.registerCount = 100
        request.invitedCount = 200
        #expect(throws: KleroterionError("--invited-count 200 is larger than --register-count 100",
                                         fix: "the letters go to residents of the register: check both numbers")) { try request.validate() }
        request.invitedCount = nil
        request.timeLimit = .infinity
        #expect(throws: KleroterionError.self) { try request.validate() }
        request.timeLimit = nil
        request.alternates = -1
        #expect(throws: KleroterionError.self) { try request.validate() }
    }

    @Test func checkSaysWhyAndQueuesTheSmallestRelaxation() throws {
        let f = try Fixture()
        var request = CheckWorkflow.Request(people: f.pool, quotas: f.ok, panelSize: 10)
        request.householdColumns = ["address"]
        var files = OutputFiles(directory: f.dir + "/suggest", placement: .intoFolder)
        let ok = try CheckWorkflow.run(request, into: &files)
        #expect(ok.isFeasible && ok.files.isEmpty && ok.relaxation == nil && ok.text.hasPrefix("Haalbaar"), "Dutch unless told otherwise: \(ok.text)")
        request.language = .en
        request.quotas = f.bad
        let bad = try CheckWorkflow.run(request, into: &files)
        #expect(!bad.isFeasible && bad.files == ["quotas-relaxed.csv", "relaxation.md"])
        #expect(bad.text.contains("6 respondents have age 16-24, but they live at only 3 addresses"))
        #expect(bad.relaxedQuotasCSV?.contains("age,16-24,3,6,0.15") == true && bad.relaxation?.seats == 2)
        #expect(bad.summary.hasPrefix("the quotas cannot be met: ") && !bad.fix.isEmpty)
        // The suggestion works: select accepts the relaxed quotas.
        try bad.relaxedQuotasCSV!.write(toFile: f.dir + "/relaxed.csv", atomically: true, encoding: .utf8)
        var select = f.select(algorithm: "legacy")
        select.quotas = f.dir + "/relaxed.csv"
        var out = OutputFiles(directory: f.dir + "/out")
        #expect(try SelectWorkflow.run(select, into: &out).panelIDs.count == 10)
    }

    @Test func cancellingAfterTheFirstStepThrowsAndWritesNothing() throws {
        let f = try Fixture()
        let flag = Flag()
        let events = WorkflowEvents(step: { flag.set($0) }, isCancelled: { flag.isSet })
        var files = OutputFiles(directory: f.dir + "/out")
        #expect(throws: WorkflowCancelled()) { try SelectWorkflow.run(f.select(), into: &files, events: events) }
        #expect(flag.seen == ["Registrations read: 40 people."])
        #expect(files.names.isEmpty && !FileManager.default.fileExists(atPath: f.dir + "/out"))
    }

    @Test func cancellingACommitInsideTheSolverThrowsAndWritesNothing() throws {
        let f = try Fixture()
        var commit = CommitWorkflow.Request(people: f.pool, quotas: f.ok, panelSize: 10, seedFormat: "text")
        commit.allowWeakSeed = true
        let flag = Flag()
        // The first solver detail line is the signal: the stop comes from inside LEXIMIN's loops, not between stages.
        let events = WorkflowEvents(detail: { flag.set($0) }, isCancelled: { flag.isSet })
        var files = OutputFiles(directory: f.dir + "/commitment")
        #expect(throws: WorkflowCancelled()) { try CommitWorkflow.run(commit, into: &files, events: events) }
        #expect(!flag.seen.isEmpty && files.names.isEmpty && !FileManager.default.fileExists(atPath: f.dir + "/commitment"))
    }

    @Test(arguments: ["leximin", "maximin", "nash", "legacy"])
    func theAlgorithmsStopWhenCancelled(_ name: String) throws {
        let f = try Fixture()
        let problem = try SelectionProblem(pool: try Pool.load(path: f.pool), quotas: try QuotaSet.load(path: f.ok), panelSize: 10,
                                           householdColumns: ["address"])
        let options = SelectionOptions(isCancelled: { true })
        #expect(throws: WorkflowCancelled()) {
            try SelectionAlgorithms.named(name).select(problem, random: try SeededRandom(seed: "c"), options: options)
        }
        // And without the request they finish.
        #expect(try SelectionAlgorithms.named(name).select(problem, random: try SeededRandom(seed: "c"), options: SelectionOptions(legacyEstimateRuns: 20)).panel.count == 10)
    }

    @Test func commitDrawAndVerifyAndAnAlteredLotteryFails() throws {
        let f = try Fixture()
        var commit = CommitWorkflow.Request(people: f.pool, quotas: f.ok, panelSize: 10, seedFormat: "text")
        commit.householdColumns = ["address"]
        commit.panels = 100
        commit.allowWeakSeed = true
        commit.seedSource = "a test"
        let folder = f.dir + "/commitment"
        var files = OutputFiles(directory: folder, placement: .newFolder, inputs: RunInputs(commit.inputs))
        let committed = try CommitWorkflow.run(commit, into: &files)
        #expect(!FileManager.default.fileExists(atPath: folder), "the workflow only queues; the caller commits")
        try files.commit()
        #expect(committed.files.contains("lottery.csv") && committed.files.last == Pseudonyms.privateFile)
        #expect(Hashing.sha256(file: folder + "/manifest.json") == committed.manifestHash && committed.announcement.contains(committed.manifestHash))
        #expect(committed.panels == 100 && committed.poolCount == 40 && committed.largestRoundingChange <= committed.worstCaseRoundingChange + 1e-12)
        #expect(committed.warnings.isEmpty && committed.grindingBound != nil)
        // A second commitment into the same folder is refused, whatever `replace` says.
        #expect(throws: KleroterionError.self) { try CommitWorkflow.refuseExistingCommitment(in: folder) }

        let draw = DrawWorkflow.Request(commitment: folder, seed: "the seed of the test")
        var drawFiles = OutputFiles(directory: draw.defaultFolder)
        let drawn = try DrawWorkflow.run(draw, into: &drawFiles)
        try drawFiles.commit()
        #expect(drawn.memberIDs.count == 10 && drawn.panelCount == 100 && (1...100).contains(drawn.panelNumber))
        #expect(Self.column(try Self.table(draw.defaultFolder + "/panel.csv"), "id") == drawn.memberIDs)
        #expect(drawn.manifestHash == committed.manifestHash)
        #expect(throws: KleroterionError.self) {
            try DrawWorkflow.refuseSecondSeed(DrawWorkflow.Request(commitment: folder, seed: "another seed"), in: draw.defaultFolder)
        }

        let verified = try VerifyWorkflow.run(VerifyWorkflow.Request(commitment: folder, seed: "the seed of the test"))
        #expect(verified.verified && verified.problems.isEmpty && verified.panelNumber == drawn.panelNumber, "\(verified.lines)")
        #expect(verified.lines.first == "In orde: alles in \(folder) klopt.")
        #expect(verified.details.count == verified.checked.count && verified.details.allSatisfy { $0.hasPrefix("  ✓ ") })
        // A drop-out after a committed draw: the replacement's audit.json continues the draw's record (an object)
        // as its first entry, instead of refusing it as "not a JSON array".
        var replace = ReplaceWorkflow.Request(panel: draw.defaultFolder + "/panel.csv", dropouts: drawn.memberIDs[0], people: f.pool,
                                              quotas: f.ok, seed: "after the draw")
        replace.householdColumns = ["address"]
        var replaced = OutputFiles(directory: f.dir + "/replaced-after-draw", placement: .newFolder, inputs: RunInputs(replace.inputs))
        let afterDraw = try ReplaceWorkflow.run(replace, into: &replaced)
        try replaced.commit()
        #expect(afterDraw.dropoutIDs == [drawn.memberIDs[0]] && afterDraw.panelIDs.count == 10 && !afterDraw.panelIDs.contains(drawn.memberIDs[0]))
        let log = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: f.dir + "/replaced-after-draw/audit.json"))) as? [[String: Any]]
        #expect(log?.count == 2 && log?.first?["manifest_sha256"] as? String == committed.manifestHash, "\(String(describing: log))")
        // Swap the last two members of one lottery row: the hash no longer matches.
        var lottery = try String(contentsOfFile: folder + "/lottery.csv", encoding: .utf8)
        let rows = lottery.split(separator: "\n", omittingEmptySubsequences: false)
        lottery = ([String(rows[0]), String(rows[1].reversed())] + rows.dropFirst(2).map(String.init)).joined(separator: "\n")
        try lottery.write(toFile: folder + "/lottery.csv", atomically: true, encoding: .utf8)
        let altered = try VerifyWorkflow.run(VerifyWorkflow.Request(commitment: folder, seed: "the seed of the test"))
        #expect(!altered.verified && altered.problems.contains { $0.file.hasSuffix("lottery.csv") }, "\(altered.lines)")
        #expect(altered.lines.first?.hasPrefix("NIET in orde: ") == true, "\(altered.lines)")
        #expect(altered.lines.dropFirst().allSatisfy { $0.hasPrefix("  ✗ ") } && altered.lines.count == altered.problems.count + 1)
        #expect(throws: KleroterionError.self) {
            var bad = VerifyWorkflow.Request(commitment: folder, seed: "x")
            bad.announcedHash = "abc"
            try bad.validate()
        }
    }

    /// A pool read with a column mapping and derived age bands: the manifest records the reading, so that the
    /// draw and `verify --people` read the pool the same way (before, the draw refused it: "no column 'id'").
    @Test func aCommitmentReadWithAColumnMappingDrawsAndVerifies() throws {
        let f = try Fixture()
        var pool = "nummer,geslacht,geboortedatum,adres\n"
        for i in 0..<40 { pool += "r\(i),\(i % 2 == 0 ? "V" : "M"),\(i < 6 ? "2005" : "1970")0101,\(i < 10 ? "A\(i / 2)" : "B\(i)")\n" }
        try pool.write(toFile: f.dir + "/brp.csv", atomically: true, encoding: .utf8)
        try "feature,value,min,max\nage_band,16-24,2,4\nage_band,25+,6,8\ngender,vrouw,4,6\ngender,man,4,6\n"
            .write(toFile: f.dir + "/q.csv", atomically: true, encoding: .utf8)
        var commit = CommitWorkflow.Request(people: f.dir + "/brp.csv", quotas: f.dir + "/q.csv", panelSize: 10, seedFormat: "dice:10")
        commit.columns = PoolColumns(register: RegisterColumns(mapping: try ColumnMapping(spec: "id=nummer,address=adres")), referenceDate: "2026-01-01")
        commit.householdColumns = ["address"]
        commit.panels = 50
        var files = OutputFiles(directory: f.dir + "/c", placement: .newFolder, inputs: RunInputs(commit.inputs))
        let committed = try CommitWorkflow.run(commit, into: &files)
        try files.commit()
        // The options' pairs first, then the BRP headers the file also has (recognised without an option).
        #expect(committed.manifest.settings.poolReading?.columns == "id=nummer,address=adres,gender=geslacht,birth_date=geboortedatum")
        #expect(committed.manifest.settings.poolReading?.referenceDate == "2026-01-01")
        var drawFiles = OutputFiles(directory: f.dir + "/c/draw")
        let drawn = try DrawWorkflow.run(DrawWorkflow.Request(commitment: f.dir + "/c", seed: "1 2 3 4 5 6 1 2 3 4"), into: &drawFiles)
        try drawFiles.commit()
        #expect(drawn.memberIDs.count == 10 && drawn.memberIDs.allSatisfy { $0.hasPrefix("r") })
        var verify = VerifyWorkflow.Request(commitment: f.dir + "/c", seed: "1 2 3 4 5 6 1 2 3 4")
        verify.people = f.dir + "/brp.csv"
        let verified = try VerifyWorkflow.run(verify)
        #expect(verified.verified, "\(verified.lines)")
        // A pool read as it is keeps the manifest as before: no pool_reading.
        #expect(CommitWorkflow.Request(people: "", quotas: "", panelSize: 1, seedFormat: "text").columns.reading == nil)
    }

    /// A pool with Dutch BRP headers (geslacht, geboortedatum, wijk) and no --columns: the headers are recognised
    /// when the commitment is made, so the manifest must record that reading too, or the draw would read the pool
    /// as it is and find no column 'gender' for the quotas.
    @Test func aCommitmentFromRecognisedBRPHeadersAloneDrawsAndVerifies() throws {
        let f = try Fixture()
        var pool = "id,geslacht,geboortedatum,wijk\n"
        for i in 0..<40 { pool += "r\(i),\(i % 2 == 0 ? "V" : "M"),19\(50 + i)0101,\(i < 16 ? "Noord" : "Zuid")\n" }
        try pool.write(toFile: f.dir + "/brp.csv", atomically: true, encoding: .utf8)
        try "feature,value,min,max\ngender,vrouw,4,6\ngender,man,4,6\ndistrict,Noord,3,5\ndistrict,Zuid,5,7\n"
            .write(toFile: f.dir + "/q.csv", atomically: true, encoding: .utf8)
        var commit = CommitWorkflow.Request(people: f.dir + "/brp.csv", quotas: f.dir + "/q.csv", panelSize: 10, seedFormat: "dice:10")
        commit.panels = 50
        #expect(commit.columns == PoolColumns(), "no --columns: the headers alone are recognised")
        var files = OutputFiles(directory: f.dir + "/c", placement: .newFolder, inputs: RunInputs(commit.inputs))
        let committed = try CommitWorkflow.run(commit, into: &files)
        try files.commit()
        let reading = try #require(committed.manifest.settings.poolReading, "the recognised headers are a reading the draw must repeat")
        #expect(reading.columns == "gender=geslacht,birth_date=geboortedatum,district=wijk")
        let seed = "6 5 4 3 2 1 6 5 4 3"
        var drawFiles = OutputFiles(directory: f.dir + "/c/draw")
        let drawn = try DrawWorkflow.run(DrawWorkflow.Request(commitment: f.dir + "/c", seed: seed), into: &drawFiles)
        try drawFiles.commit()
        #expect(drawn.memberIDs.count == 10)
        let panel = try Self.table(f.dir + "/c/draw/panel.csv")
        let genders = Self.column(panel, "gender"), districts = Self.column(panel, "district")
        #expect((4...6).contains(genders.filter { $0 == "vrouw" }.count) && (3...5).contains(districts.filter { $0 == "Noord" }.count))
        var verify = VerifyWorkflow.Request(commitment: f.dir + "/c", seed: seed)
        verify.people = f.dir + "/brp.csv"
        verify.quotas = f.dir + "/q.csv"
        let verified = try VerifyWorkflow.run(verify)
        #expect(verified.verified, "\(verified.problems)")
        #expect(verified.checked.contains("members.csv and quotas.csv follow from the given pool and quotas"))
    }

    @Test func replaceKeepsTheConfirmedMembersAndLosesNobody() throws {
        let f = try Fixture()
        var select = f.select()
        select.alternates = 2
        var files = OutputFiles(directory: f.dir + "/panel")
        let drawn = try SelectWorkflow.run(select, into: &files)
        try files.commit()
        #expect(drawn.alternateIDs.count == 2 && Set(drawn.alternateIDs).isDisjoint(with: drawn.panelIDs))
        let gone = Array(drawn.panelIDs.prefix(2))
        var request = ReplaceWorkflow.Request(panel: f.dir + "/panel/panel.csv", dropouts: gone.joined(separator: ","), people: f.pool,
                                              quotas: f.ok, seed: "replacement")
        request.householdColumns = ["address"]
        request.alternates = f.dir + "/panel/alternates.csv"
        var out = OutputFiles(directory: f.dir + "/replaced", placement: .newFolder, inputs: RunInputs(request.inputs))
        let result = try ReplaceWorkflow.run(request, into: &out)
        try out.commit()
        #expect(result.dropoutIDs == gone && result.replacementIDs.count == 2)
        let panel = Self.column(try Self.table(f.dir + "/replaced/panel.csv"), "id")
        let rest = Self.column(try Self.table(f.dir + "/replaced/remaining.csv"), "id")
        let alternatesLeft = Self.column(try Self.table(f.dir + "/replaced/alternates.csv"), "id")
        #expect(panel == result.panelIDs && panel.count == 10 && Set(panel).isDisjoint(with: gone))
        #expect(Set(drawn.panelIDs.dropFirst(2)).isSubset(of: panel), "the confirmed members stay")
        #expect(Set(panel + rest + alternatesLeft).count == 40 && (panel + rest + alternatesLeft).count == 40, "nobody lost or twice")
        let problem = try SelectionProblem(pool: try Pool.load(path: f.pool), quotas: try QuotaSet.load(path: f.ok), panelSize: 10,
                                           householdColumns: ["address"])
        let index = Dictionary(uniqueKeysWithValues: problem.ids.enumerated().map { ($1, $0) })
        if result.quotaWarning == nil { #expect(problem.violations(of: panel.map { index[$0]! }.sorted()).isEmpty) }
        #expect(result.files.contains("audit.json") && result.files.contains("replacement.md"))
        #expect(result.lines.first == "Afvallers gelezen: 2 van de 10 leden.", "\(result.lines)")
        #expect(result.lines[1].hasPrefix("2 leden vervangen door ") && result.lines.last!.hasPrefix("Bestanden geschreven in \(f.dir)/replaced: "))
    }

    @Test func theOtherWorkflowsQueueTheirFilesWithoutWriting() throws {
        let f = try Fixture()
        var select = f.select(algorithm: "legacy")
        select.language = .nl
        var files = OutputFiles(directory: f.dir + "/run")
        _ = try SelectWorkflow.run(select, into: &files)
        try files.commit()
        // Report: again, in English, into the same folder.
        var report = ReportWorkflow.Request(runFolder: f.dir + "/run")
        report.language = .en
        report.registerCount = 5000
        var update = OutputFiles(directory: f.dir + "/run", placement: .updateFolder)
        let rendered = try ReportWorkflow.run(report, into: &update)
        #expect(rendered.report.funnel.registerCount == 5000 && rendered.files == ["report.md", "report.json", "report.html"])
        #expect(try String(contentsOfFile: f.dir + "/run/report.html", encoding: .utf8) != rendered.html, "still the Dutch report before commit")
        try update.commit()
        #expect(try String(contentsOfFile: f.dir + "/run/report.html", encoding: .utf8) == rendered.html)
        // Drop-out rates from the drawn panel.
        let panel = Self.column(try Self.table(f.dir + "/run/panel.csv"), "id")
        var rates = DropoutRatesWorkflow.Request(panel: f.dir + "/run/panel.csv", dropouts: panel.prefix(3).joined(separator: ","))
        rates.out = f.dir + "/rates/dropout-rates.csv"
        rates.features = ["age", "gender"]
        var ratesFiles = OutputFiles(directory: rates.outFolder, placement: .intoFolder)
        let estimated = try DropoutRatesWorkflow.run(rates, into: &ratesFiles)
        #expect(estimated.members == 10 && estimated.dropouts == 3 && estimated.csv.hasPrefix("feature,value,dropout_rate"))
        #expect(!FileManager.default.fileExists(atPath: rates.out))
        rates.confidence = 1
        #expect(throws: KleroterionError.self) { try rates.validate() }
        // Inspect reads only.
        let inspected = try InspectWorkflow.run(InspectWorkflow.Request(file: f.pool))
        #expect(inspected.rows == 40 && inspected.columns.map(\.name) == ["id", "age", "gender", "address"] && inspected.delimiter == ",")
    }
}
