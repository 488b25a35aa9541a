/// The algorithms `select --algorithm` accepts, by name.
public enum SelectionAlgorithms {
    /// Every algorithm name, default first.
    public static var names: [String] { registry.map(\.name) }

    /// The algorithm with this name, or an error listing the choices.
    public static func named(_ name: String) throws -> any SelectionAlgorithm {
        if let a = registry.first(where: { $0.name == name.lowercased() }) { return a }
        throw KleroterionError("there is no algorithm '\(name)'", fix: "choose one of: \(names.joined(separator: ", "))")
    }

    /// Add new algorithms here (see docs/architecture.md).
    static let registry: [any SelectionAlgorithm] = [
        LeximinSelection(),
        MaximinSelection(),
        NashSelection(),
        LegacySelection(),
    ]
}
