/// A what-if scenario: edits applied to an area one after another, each to the area the
/// ones before it left. The order matters: a chair can pass to an organisation before it
/// is removed but not after, and a merged partnership is named by the first one's id.
///
/// ```swift
/// let scenario = Scenario([.passChair(partnership: "hwb", to: ["icb"]), .removeOrganisations(["westholme"])])
/// let outcome = try scenario.applied(to: area)   // outcome.area, outcome.notes
/// ```
public struct Scenario: Hashable, Sendable {
    public var edits: [AreaEdit]

    public init(_ edits: [AreaEdit]) { self.edits = edits }

    /// The area after every edit, in order, with each edit's notes.
    ///
    /// - Complexity: O(k (o + r + s)) for k edits on an area of o organisations, r
    ///   relationships and s seats.
    /// - Throws: ``ScenarioError`` for the first edit that cannot be applied, naming it.
    public func applied(to area: Area) throws(ScenarioError) -> ScenarioOutcome {
        var current = area
        var notes: [EditNote] = []
        for (index, edit) in edits.enumerated() {
            do {
                let step = try current.applying(edit)
                current = step.area
                notes += step.notes.map { EditNote(edit: index, text: $0) }
            } catch {
                throw ScenarioError(index: index, edit: edit, reason: error)
            }
        }
        return ScenarioOutcome(area: current, notes: notes)
    }
}

/// An area after a scenario, with what its edits changed beyond themselves.
public struct ScenarioOutcome: Hashable, Sendable {
    public let area: Area
    /// Notes in the order of the edits.
    public let notes: [EditNote]
}

/// What an edit changed, in a sentence: `hwb is left without a chair`.
public struct EditNote: Hashable, Sendable, CustomStringConvertible {
    /// The edit's index in its scenario, from 0.
    public let edit: Int
    public let text: String

    public init(edit: Int, text: String) {
        self.edit = edit
        self.text = text
    }

    public var description: String { text }
}

/// An edit of a scenario that cannot be applied: which one, and why.
public struct ScenarioError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The edit's index in the scenario, from 0.
    public let index: Int
    public let edit: AreaEdit
    public let reason: AreaEditError

    public init(index: Int, edit: AreaEdit, reason: AreaEditError) {
        self.index = index
        self.edit = edit
        self.reason = reason
    }

    /// `edit 2 (chair hwb=vcs): unknown organisation "vcs" (did you mean "cvs"?)`.
    public var description: String { "edit \(index + 1) (\(edit.summary)): \(reason)" }
}
