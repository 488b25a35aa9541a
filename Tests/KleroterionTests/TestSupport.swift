import Foundation
import Testing
@testable import Kleroterion

/// Builds a small problem directly, for algorithm tests.
///
/// `people` lists each person's value index per feature; `bounds[f]` lists (min, max) per value of feature f.
func makeProblem(panelSize: Int, bounds: [[(Int, Int)]], people: [[Int]], household: [Int]? = nil) -> SelectionProblem {
    let features = bounds.enumerated().map { f, values in
        SelectionProblem.Feature(name: "f\(f)", values: values.indices.map { "v\($0)" }, min: values.map(\.0), max: values.map(\.1))
    }
    return SelectionProblem(panelSize: panelSize, features: features, category: people,
                            household: household ?? Array(people.indices), ids: people.indices.map { "p\($0)" })
}

/// Parses CSV text as if it were a file called `name`.
func parseCSV(_ text: String, name: String = "test.csv") throws -> Table {
    try CSVReader.parse(Array(text.utf8), source: name)
}

/// A fresh temporary folder.
func temporaryDirectory() -> String {
    let path = NSTemporaryDirectory() + "kleroterion-test-" + UUID().uuidString
    try! FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    return path
}

/// Golden files: a text compared with the file of that name in a fixtures folder.
enum Golden {
    /// Compares `text` with `folder/name`; `KLEROTERION_UPDATE_GOLDEN=1 swift test --filter SUITE` rewrites the file
    /// instead (then read the diff before committing it).
    static func expect(_ text: String, _ name: String, in folder: URL, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let url = folder.appendingPathComponent(name)
        if ProcessInfo.processInfo.environment["KLEROTERION_UPDATE_GOLDEN"] == "1" {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try text.write(to: url, atomically: true, encoding: .utf8)
        }
        let golden = try String(contentsOf: url, encoding: .utf8)
        #expect(text == golden, "\(name) differs from the golden file; if the change is intended, run with KLEROTERION_UPDATE_GOLDEN=1",
                sourceLocation: sourceLocation)
    }
}
