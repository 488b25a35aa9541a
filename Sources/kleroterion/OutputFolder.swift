import Foundation
import Kleroterion

/// The output of one command run, checked before any work starts (issue #12).
///
/// Every command that writes goes through here, so that each one gets the same rules for free: the output may not
/// be, contain or replace an input (`inputs`: every file or folder the command reads); a non-empty folder is
/// refused unless `--replace`; and `commit()` later writes all of it or nothing (see `OutputFiles`).
func outputFolder(_ path: String, inputs: [String?], replace: Bool = false,
                  placement: OutputFiles.Placement = .newFolder, names: [String]? = nil) throws -> OutputFiles {
    if path.trimmingSpaces().isEmpty {
        throw KleroterionError("--out is empty", fix: "give the folder to write to, e.g. --out results")
    }
    let files = OutputFiles(directory: path, placement: placement, replace: replace, inputs: RunInputs(inputs))
    try files.check(names: names)
    return files
}
