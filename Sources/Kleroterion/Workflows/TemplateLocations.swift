import Foundation

/// Where template and shares names are looked up, so that `--template nl-gemeente` and `--shares NAME` work from any
/// folder: ./strata-templates, then the folder next to the program's build (…/.build/release/kleroterion →
/// …/strata-templates), then an installed share folder.
extension QuotasWorkflow {
    /// The template folders, in the order they are searched.
    public static func templateDirectories() -> [String] {
        var dirs = ["strata-templates"]
        if let exe = Bundle.main.executableURL?.resolvingSymlinksInPath().deletingLastPathComponent() {
            for up in ["../../strata-templates", "../../../strata-templates", "../share/kleroterion/strata-templates"] {
                let dir = exe.appendingPathComponent(up).standardizedFileURL.path
                if !dirs.contains(dir) { dirs.append(dir) }
            }
        }
        return dirs
    }

    /// The shares folders: `shares/` in each template folder.
    public static func sharesDirectories(_ templateDirectories: [String] = templateDirectories()) -> [String] {
        templateDirectories.map { ($0 as NSString).appendingPathComponent("shares") }
    }

    /// A shares file by path, or by name (`cbs-education-utrecht-2024`) in the shares folders.
    public static func resolve(_ nameOrPath: String, in directories: [String]) -> String {
        if FileManager.default.fileExists(atPath: nameOrPath) { return nameOrPath }
        let file = nameOrPath.hasSuffix(".csv") ? nameOrPath : nameOrPath + ".csv"
        for dir in directories {
            let candidate = (dir as NSString).appendingPathComponent(file)
            if FileManager.default.fileExists(atPath: candidate) { return candidate }
            let bare = (dir as NSString).appendingPathComponent((file as NSString).lastPathComponent)
            if FileManager.default.fileExists(atPath: bare) { return bare }
        }
        return nameOrPath   // the reader then names the missing file
    }
}
