import CSV
import Foundation

/// Writing rows as RFC 4180 CSV text through CSV.swift's writer: fields holding commas,
/// quotes or line breaks are quoted, quotes doubled; LF line ends; a final line break.
public enum CSVText {
    public static func encode(header: [String], rows: [[String]]) -> String {
        let stream = OutputStream(toMemory: ())
        // Writing to memory cannot fail: the writer only throws when a stream will not open.
        let writer = try! CSVWriter(stream: stream)
        try! writer.write(row: header)
        for row in rows { try! writer.write(row: row) }
        writer.stream.close()
        let data = stream.property(forKey: .dataWrittenToMemoryStreamKey) as? Data ?? Data()
        return String(decoding: data, as: UTF8.self) + "\n"
    }
}
