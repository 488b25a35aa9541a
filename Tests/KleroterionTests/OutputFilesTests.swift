import Foundation
import Testing
@testable import Kleroterion

/// The output mechanism (issue #12): a whole folder or nothing, no stale files, inputs never overwritten.
@Suite struct OutputFilesTests {
    /// Every entry of a folder, hidden ones included.
    func entries(_ folder: String) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).sorted()
    }

    func text(_ path: String) -> String? {
        FileManager.default.contents(atPath: path).map { String(decoding: $0, as: UTF8.self) }
    }

    @Test func aNewFolderHoldsExactlyTheQueuedFilesAndNothingIsLeftBeside() throws {
        let parent = temporaryDirectory()
        var files = OutputFiles(directory: parent + "/run")
        files.add("panel.csv", "id\n1\n")
        files.add("remaining.csv", "id\n2\n")
        try files.commit()
        #expect(entries(parent + "/run") == ["panel.csv", "remaining.csv"])
        #expect(entries(parent) == ["run"], "no staging folder or lock file left beside the output")
        #expect(text(parent + "/run/panel.csv") == "id\n1\n")
    }

    @Test func aNonEmptyFolderIsRefusedUnlessReplaceAndReplaceLeavesNoStaleFile() throws {
        let parent = temporaryDirectory(), out = parent + "/run"
        var first = OutputFiles(directory: out)
        first.add("panel.csv", "old\n")
        first.add("distribution.csv", "old\n")
        try first.commit()
        var second = OutputFiles(directory: out)
        second.add("panel.csv", "new\n")
        #expect(throws: KleroterionError.self) { try second.commit() }
        #expect(text(out + "/panel.csv") == "old\n")
        second.replace = true
        try second.commit()
        #expect(entries(out) == ["panel.csv"], "the old run's distribution.csv must not survive")
        #expect(text(out + "/panel.csv") == "new\n")
        #expect(entries(parent) == ["run"], "the old folder is removed once the new one is in place")
    }

    @Test func anEmptyExistingFolderIsUsed() throws {
        let out = temporaryDirectory()
        var files = OutputFiles(directory: out)
        files.add("a.csv", "x\n")
        try files.commit()
        #expect(entries(out) == ["a.csv"])
    }

    @Test func anOutputThatIsContainsOrReachesAnInputIsRefused() throws {
        let dir = temporaryDirectory()
        try FileManager.default.createDirectory(atPath: dir + "/sub", withIntermediateDirectories: true)
        #expect(FileManager.default.createFile(atPath: dir + "/pool.csv", contents: Data("id\n1\n".utf8)))
        try FileManager.default.createSymbolicLink(atPath: dir + "/link", withDestinationPath: dir)
        let inputs = RunInputs([dir + "/pool.csv"])
        for out in [dir, dir + "/sub/..", dir + "/link", dir + "/pool.csv", dir + "/./sub/../"] {
            var files = OutputFiles(directory: out, placement: .newFolder, replace: true, inputs: inputs)
            files.add("pool.csv", "id\n9\n")
            #expect(throws: KleroterionError.self, "\(out)") { try files.commit() }
        }
        #expect(text(dir + "/pool.csv") == "id\n1\n")
        // A hard link is the same file under another name.
        #expect(link(dir + "/pool.csv", dir + "/sub/copy.csv") == 0)
        var into = OutputFiles(directory: dir + "/sub", placement: .intoFolder, replace: true, inputs: inputs)
        into.add("copy.csv", "id\n9\n")
        #expect(throws: KleroterionError.self) { try into.commit() }
        #expect(text(dir + "/pool.csv") == "id\n1\n")
        // A folder beside the input is fine.
        var fine = OutputFiles(directory: dir + "/sub/run", placement: .newFolder, inputs: inputs)
        fine.add("panel.csv", "id\n1\n")
        try fine.commit()
        #expect(entries(dir + "/sub/run") == ["panel.csv"])
    }

    @Test func aFailedWriteLeavesNoFolderNoHiddenFileAndNoCreatedParent() throws {
        let parent = temporaryDirectory()
        var files = OutputFiles(directory: parent + "/a/b/run")
        files.add("panel.csv", "id\n1\n")
        files.add("panel.csv/remaining.csv", "id\n2\n") // cannot be created: its folder would be the file panel.csv
        #expect(throws: KleroterionError.self) { try files.commit() }
        #expect(entries(parent).isEmpty, "left: \(entries(parent))")
    }

    @Test func intoFolderRefusesAnExistingFileUnlessReplace() throws {
        let dir = temporaryDirectory()
        #expect(FileManager.default.createFile(atPath: dir + "/quotas-relaxed.csv", contents: Data("old\n".utf8)))
        #expect(FileManager.default.createFile(atPath: dir + "/keep.txt", contents: Data("keep\n".utf8)))
        var files = OutputFiles(directory: dir, placement: .intoFolder)
        files.add("quotas-relaxed.csv", "new\n")
        files.add("relaxation.md", "new\n")
        #expect(throws: KleroterionError.self) { try files.commit() }
        #expect(entries(dir) == ["keep.txt", "quotas-relaxed.csv"])
        files.replace = true
        try files.commit()
        #expect(entries(dir) == ["keep.txt", "quotas-relaxed.csv", "relaxation.md"])
        #expect(text(dir + "/quotas-relaxed.csv") == "new\n")
    }

    @Test func updateFolderKeepsTheOtherFilesAndSwapsInOneStep() throws {
        let parent = temporaryDirectory(), run = parent + "/run"
        var first = OutputFiles(directory: run)
        first.add("panel.csv", "panel\n")
        first.add("report.html", "old\n")
        try first.commit()
        var update = OutputFiles(directory: run, placement: .updateFolder)
        update.add("report.html", "new\n")
        update.add("report.pdf", "pdf\n")
        try update.commit()
        #expect(entries(run) == ["panel.csv", "report.html", "report.pdf"])
        #expect(text(run + "/report.html") == "new\n" && text(run + "/panel.csv") == "panel\n")
        #expect(entries(parent) == ["run"])
    }

    @Test func leftoversOfAKilledRunAreRemovedByTheNextOne() throws {
        let parent = temporaryDirectory()
        // A staging folder of a process that no longer exists (pid 2^22 + 1 is above Linux's pid_max default).
        try FileManager.default.createDirectory(atPath: parent + "/.kleroterion-4194305-DEADBEEF", withIntermediateDirectories: true)
        var files = OutputFiles(directory: parent + "/run")
        files.add("a.csv", "x\n")
        try files.commit()
        #expect(entries(parent) == ["run"])
    }
}
