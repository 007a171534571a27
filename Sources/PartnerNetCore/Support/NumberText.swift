/// The shortest text that reads back as `value`: whole numbers without a decimal point
/// (`1`, not `1.0`), others as Swift prints them (`0.30000000000000004`, `1e-300`).
public func formatNumber(_ value: Double) -> String {
    if value.isFinite, value == value.rounded(), abs(value) < 1e15 {
        return String(Int64(value))
    }
    return "\(value)"
}
