import Foundation
import Kleroterion
import ZIPFoundation

/// The published files of a draw as one zip, for anyone to check with `kleroterion verify` or on the verify page:
/// the commitment folder without `private/` (the pseudonym key), and the draw's `audit.json`. No file in it holds
/// a name, an address or a register id.
enum PublishedZip {
    static func make(commitment: String, draw: String?) throws -> Data {
        let staging = NSTemporaryDirectory() + "kleroterion-zip-" + UUID().uuidString
        let root = staging + "/published"
        defer { try? FileManager.default.removeItem(atPath: staging) }
        try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
        for name in try FileManager.default.contentsOfDirectory(atPath: commitment).sorted() {
            var isDir: ObjCBool = false
            _ = FileManager.default.fileExists(atPath: commitment + "/" + name, isDirectory: &isDir)
            guard !isDir.boolValue else { continue }   // private/ and draw/ stay out
            try FileManager.default.copyItem(atPath: commitment + "/" + name, toPath: root + "/" + name)
        }
        if let draw, FileManager.default.fileExists(atPath: draw + "/" + LotteryDraw.auditFile) {
            try FileManager.default.createDirectory(atPath: root + "/draw", withIntermediateDirectories: true)
            try FileManager.default.copyItem(atPath: draw + "/" + LotteryDraw.auditFile, toPath: root + "/draw/" + LotteryDraw.auditFile)
        }
        let zip = staging + "/published.zip"
        try FileManager.default.zipItem(at: URL(fileURLWithPath: root), to: URL(fileURLWithPath: zip), shouldKeepParent: false)
        return try Data(contentsOf: URL(fileURLWithPath: zip))
    }

    /// Unpacks an uploaded zip into a fresh folder and returns the folder that holds manifest.json.
    static func unpack(_ zip: String, language: String) throws -> (root: String, commitment: String) {
        let root = NSTemporaryDirectory() + "kleroterion-verify-" + UUID().uuidString
        do {
            try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
            try FileManager.default.unzipItem(at: URL(fileURLWithPath: zip), to: URL(fileURLWithPath: root))
        } catch {
            try? FileManager.default.removeItem(atPath: root)
            throw KleroterionError(WebText.word("bad_zip", language), fix: WebText.word("bad_zip_fix", language))
        }
        let found = FileManager.default.enumerator(atPath: root)?.compactMap { $0 as? String }
            .filter { ($0 as NSString).lastPathComponent == Commitment.manifestFile }.sorted { $0.count < $1.count }.first
        guard let manifest = found else {
            try? FileManager.default.removeItem(atPath: root)
            throw KleroterionError(WebText.word("zip_without_manifest", language), fix: WebText.word("bad_zip_fix", language))
        }
        return (root, root + "/" + (manifest as NSString).deletingLastPathComponent)
    }
}
