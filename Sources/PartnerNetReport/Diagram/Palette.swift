import Foundation

/// Colours for categories: the Okabe–Ito palette, distinguishable with every common form
/// of colour blindness (Okabe & Ito 2008, "Color Universal Design"; Wong 2011, Nature
/// Methods 8:441, doi:10.1038/nmeth.1618).
public struct Palette: Sendable {
    /// The recommended English sector vocabulary keeps the same colour in every diagram.
    static let sectors: [String: String] = [
        "local-authority": "#D55E00",  // vermilion: the focal sector stands out
        "public": "#56B4E9",  // sky blue
        "business": "#F0E442",  // yellow
        "voluntary-community": "#009E73",  // bluish green
        "faith": "#CC79A7",  // reddish purple
    ]
    /// For other categories, in order of first appearance.
    static let others = ["#E69F00", "#0072B2", "#56B4E9", "#009E73", "#CC79A7", "#F0E442", "#D55E00"]
    /// Categories beyond the palette share this grey.
    static let overflow = "#BBBBBB"

    /// Each category and its colour, in order of first appearance.
    public let colours: [(category: String, colour: String)]

    public init(categories: [String]) {
        var used = Set(categories.compactMap { Palette.sectors[$0] })
        var spare = Palette.others.filter { !used.contains($0) }[...]
        var colours: [(String, String)] = []
        for category in categories {
            if let fixed = Palette.sectors[category] {
                colours.append((category, fixed))
            } else if let next = spare.popFirst() {
                used.insert(next)
                colours.append((category, next))
            } else {
                colours.append((category, Palette.overflow))
            }
        }
        self.colours = colours
    }

    public func colour(of category: String) -> String {
        colours.first { $0.category == category }?.colour ?? Palette.overflow
    }

    /// Black or white, whichever reads better on `colour` (`#RRGGBB`), by WCAG relative
    /// luminance.
    public static func textColour(on colour: String) -> String {
        let hex = colour.dropFirst()
        guard hex.count >= 6, let value = UInt32(hex.prefix(6), radix: 16) else { return "#000000" }
        func channel(_ shift: UInt32) -> Double {
            let c = Double((value >> shift) & 0xFF) / 255
            return c <= 0.03928 ? c / 12.92 : pow((c + 0.055) / 1.055, 2.4)
        }
        let luminance = 0.2126 * channel(16) + 0.7152 * channel(8) + 0.0722 * channel(0)
        // Contrast with black (L + 0.05) / 0.05 against white 1.05 / (L + 0.05).
        return (luminance + 0.05) / 0.05 >= 1.05 / (luminance + 0.05) ? "#000000" : "#FFFFFF"
    }
}
