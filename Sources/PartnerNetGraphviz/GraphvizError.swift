/// Why Graphviz could not do what was asked; each case carries Graphviz's own message.
public enum GraphvizError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The DOT text could not be parsed.
    case syntax(String)
    /// The layout engine failed.
    case layout(engine: String, message: String)
    /// Rendering to the format failed.
    case render(format: String, message: String)
    /// A value that the DOT language cannot hold.
    case unrepresentable(String)

    public var description: String {
        switch self {
        case .syntax(let message): "not valid DOT: \(message)"
        case .layout(let engine, let message): "Graphviz layout \(engine) failed: \(message)"
        case .render(let format, let message): "Graphviz could not render \(format): \(message)"
        case .unrepresentable(let text):
            "cannot write \(text.debugDescription) in DOT (a backslash before a quote, a line break or the end, together with < or >)"
        }
    }
}

/// Graphviz's layout engines.
public enum GraphvizLayout: String, CaseIterable, Sendable, Hashable {
    /// Hierarchical layers: flows, hierarchies; slow on dense graphs.
    case dot
    /// Spring model (stress majorisation): small and medium networks.
    case neato
    /// Force-directed, with clusters.
    case fdp
    /// Multiscale force-directed: large networks.
    case sfdp
    /// Circular.
    case circo
    /// Radial, around a centre.
    case twopi
}

/// Output formats. `jpg` is drawn by Graphviz's gd plugin (`libgvplugin_gd`).
public enum GraphvizFormat: String, CaseIterable, Sendable, Hashable {
    case svg, png, pdf, jpg, dot, plain, json

    /// The format of a file, by its extension.
    public init?(extension name: String) {
        switch name.lowercased() {
        case "svg": self = .svg
        case "png": self = .png
        case "pdf": self = .pdf
        case "jpg", "jpeg": self = .jpg
        case "dot", "gv": self = .dot
        case "txt", "plain": self = .plain
        case "json": self = .json
        default: return nil
        }
    }
}
