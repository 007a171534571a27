import CGraphviz
import Foundation
import Synchronization

/// The one place PartnerNet calls Graphviz's C libraries (cgraph and gvc).
///
/// Graphviz is not thread-safe, so every call, context creation included, runs under one
/// process-wide lock, and each request (parse, layout, render, free) runs whole inside it.
/// One context is made on first use and reused (a new context per render leaks). Errors
/// are collected with `agseterr(AGMAX)` and read with `aglasterr()`; no callback is
/// installed (on Graphviz 2.42 it garbles long messages). Every allocation is freed in
/// a `defer` right after it is made. No C type leaves this file.
public enum Graphviz {
    /// The gvc context, made on first use.
    private struct Context: @unchecked Sendable {
        var gvc: OpaquePointer?
    }

    private static let lock = Mutex(Context())

    /// Graphviz's version, e.g. `2.43.0`.
    public static var version: String {
        lock.withLock { context in
            String(cString: gvcVersion(gvc(&context)))
        }
    }

    /// Lays out DOT text with `layout` and renders it as `format`.
    ///
    /// Calls: `agmemread`, `gvLayout`, `gvRenderData` (through the shim, which absorbs the
    /// length type of Graphviz ≥ 13), `gvFreeRenderData`, `gvFreeLayout`, `agclose`.
    ///
    /// - Throws: ``GraphvizError`` with Graphviz's message.
    public static func render(
        dot: String, layout: GraphvizLayout, format: GraphvizFormat
    ) throws(GraphvizError)
        -> Data
    {
        try lock.withLock { (context: inout Context) throws(GraphvizError) -> Data in
            let gvc = gvc(&context)
            let graph = try read(dot)
            defer { agclose(graph) }
            agreseterrors()
            guard gvLayout(gvc, graph, layout.rawValue) == 0, agerrors() <= 0 else {
                throw .layout(engine: layout.rawValue, message: lastError() ?? "no message")
            }
            defer { gvFreeLayout(gvc, graph) }
            var bytes: UnsafeMutablePointer<CChar>?
            var length = 0
            guard partnernet_render_data(gvc, graph, format.rawValue, &bytes, &length) == 0, let bytes else {
                throw .render(format: format.rawValue, message: lastError() ?? "no message")
            }
            defer { gvFreeRenderData(bytes) }
            return Data(bytes: bytes, count: length)
        }
    }

    /// Parses DOT text with cgraph and returns its graph, nodes, edges and their attributes.
    /// Values are those of the file (Graphviz's defaults are left out); subgraphs are not
    /// kept, their nodes and edges are.
    ///
    /// Calls: `agmemread`, `agisdirected`, `agisstrict`, `agnxtattr`, `agxget`,
    /// `agfstnode`/`agnxtnode`, `agfstout`/`agnxtout`, and the macros `agtail`, `aghead`, `AGSEQ` (through the shim), `agnameof`, `agclose`.
    ///
    /// - Throws: ``GraphvizError/syntax(_:)`` with Graphviz's message.
    public static func parse(dot: String) throws(GraphvizError) -> DOTGraph {
        try lock.withLock { (context: inout Context) throws(GraphvizError) -> DOTGraph in
            _ = gvc(&context)
            let graph = try read(dot)
            defer { agclose(graph) }
            func symbols(_ kind: Int32) -> [(name: String, symbol: UnsafeMutablePointer<Agsym_t>, fallback: String)] {
                var found: [(String, UnsafeMutablePointer<Agsym_t>, String)] = []
                var symbol = agnxtattr(graph, kind, nil)
                while let current = symbol {
                    found.append(
                        (String(cString: current.pointee.name), current, String(cString: current.pointee.defval)))
                    symbol = agnxtattr(graph, kind, current)
                }
                return found
            }
            func values(
                _ object: UnsafeMutableRawPointer,
                _ symbols: [(name: String, symbol: UnsafeMutablePointer<Agsym_t>, fallback: String)]
            ) -> [String: DOTValue] {
                var values: [String: DOTValue] = [:]
                for entry in symbols {
                    guard let raw = agxget(object, entry.symbol) else { continue }
                    let text = String(cString: raw)
                    if !text.isEmpty { values[entry.name] = aghtmlstr(raw) != 0 ? .html(text) : .text(text) }
                }
                return values
            }
            let nodeSymbols = symbols(partnernet_kind_node())
            let edgeSymbols = symbols(partnernet_kind_edge())
            var result = DOTGraph(
                name: String(cString: agnameof(UnsafeMutableRawPointer(graph))), isDirected: agisdirected(graph) != 0,
                isStrict: agisstrict(graph) != 0)
            for entry in symbols(partnernet_kind_graph()) where !entry.fallback.isEmpty {
                result.attributes[entry.name] = .text(entry.fallback)
            }
            var node = agfstnode(graph)
            while let current = node {
                result.nodes.append(
                    DOTNode(
                        id: String(cString: agnameof(UnsafeMutableRawPointer(current))),
                        attributes: values(UnsafeMutableRawPointer(current), nodeSymbols)))
                node = agnxtnode(graph, current)
            }
            // Edges come by tail; their sequence numbers give back the file's order.
            var edges: [(sequence: UInt, edge: DOTEdge)] = []
            node = agfstnode(graph)
            while let current = node {
                var edge = agfstout(graph, current)
                while let arc = edge {
                    let dotEdge = DOTEdge(
                        tail: String(cString: agnameof(UnsafeMutableRawPointer(partnernet_tail(arc)))),
                        head: String(cString: agnameof(UnsafeMutableRawPointer(partnernet_head(arc)))),
                        attributes: values(UnsafeMutableRawPointer(arc), edgeSymbols))
                    edges.append((partnernet_sequence(UnsafeMutableRawPointer(arc)), dotEdge))
                    edge = agnxtout(graph, arc)
                }
                node = agnxtnode(graph, current)
            }
            result.edges = edges.sorted { $0.sequence < $1.sequence }.map(\.edge)
            return result
        }
    }

    // MARK: Inside the lock

    /// The shared context, made on first use with errors collected rather than printed.
    private static func gvc(_ context: inout Context) -> OpaquePointer? {
        if context.gvc == nil {
            agseterr(AGMAX)
            context.gvc = gvContext()
        }
        return context.gvc
    }

    /// `agmemread` with the error state and the scanner reset first: Graphviz's scanner keeps
    /// what it read past the end of the last graph (its trailing newline), which would make
    /// the next error name the wrong line.
    private static func read(_ dot: String) throws(GraphvizError) -> UnsafeMutablePointer<Agraph_t> {
        agreseterrors()
        partnernet_reset_scanner()
        let graph = agmemread(dot)
        guard let graph, agerrors() <= 0 else {
            if let graph { agclose(graph) }
            throw .syntax(lastError() ?? "no graph found")
        }
        return graph
    }

    /// Graphviz's last message, one line, without its "Error:" prefix.
    private static func lastError() -> String? {
        guard let message = aglasterr() else { return nil }
        defer { free(message) }
        var text = String(cString: message).trimmingCharacters(in: .whitespacesAndNewlines)
        for prefix in ["Error: ", "Warning: "] where text.hasPrefix(prefix) { text.removeFirst(prefix.count) }
        text = text.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }.joined(
            separator: " ")
        return text.isEmpty ? nil : text
    }
}
