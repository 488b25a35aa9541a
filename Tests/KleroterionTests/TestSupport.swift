import Foundation
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
