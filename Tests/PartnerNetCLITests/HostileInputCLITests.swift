import Foundation
import TestSupport
import Testing

/// Hostile input at the command line (issue 13): one line per problem and exit status 1.
@Suite struct HostileInputCLITests {
    func run(_ arguments: String...) throws -> CommandResult { try PartnerNetCommand.run(arguments) }

    /// A collection with a dangling link: `validate` said "2 of 2 areas are clean" and
    /// `compare` exited 0.
    @Test func aDanglingLinkInACollectionFailsValidateAndCompare() throws {
        let collection = Paths.temporaryFolder()
        for name in ["a", "b"] {
            try FileManager.default.copyItem(
                atPath: Paths.repo("Tests/Fixtures/areas/tiny_pair"), toPath: collection + "/" + name)
        }
        try FileManager.default.createSymbolicLink(atPath: collection + "/c", withDestinationPath: collection + "/gone")
        let validate = try run("validate", collection)
        #expect(validate.status == 1)
        #expect(
            validate.stderr
                == "\(collection)/c: error: a symbolic link to \"\(collection)/gone\", which does not exist\n")
        #expect(validate.stdout.contains("2 of 3 areas are clean"))
        let compare = try run("compare", collection)
        #expect(compare.status != 0)
        #expect(compare.stderr.contains("\(collection)/c: error: a symbolic link to"))
    }

    @Test func twoGraphsInADOTFileFail() throws {
        let path = Paths.temporaryFolder() + "/two.dot"
        try Data("graph a { x -- y }\ngraph b { z -- w }\n".utf8).write(to: URL(fileURLWithPath: path))
        let result = try run("validate", path)
        #expect(result.status == 1)
        #expect(result.stderr == "\(path):2: error: the file holds 2 graphs; PartnerNet reads one (split the file, one graph each)\n")
    }

    @Test func aHugeDeclaredCountFailsQuickly() throws {
        let path = Paths.temporaryFolder() + "/huge.net"
        try Data("*Vertices 999999999999\n*Edges\n".utf8).write(to: URL(fileURLWithPath: path))
        let result = try run("summary", path)
        #expect(result.status == 1)
        #expect(result.stderr.hasPrefix("\(path):1:2: error: *Vertices 999999999999 is more than this 30-byte file"))
    }
}
