import ArgumentParser
import Foundation
import RapportCore
import RapportFormats
import RapportImport
import RapportMatch

struct CVDraftCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cv-draft",
        abstract: "Read a CV file (.docx, .pdf, .txt or .md) into a draft person, as JSON Resume, for a person to review.",
        discussion: """
            A CV is never stored as it is read: the draft (name, e-mail, phone, links, place, headline, work history and \
            education where the headings allow, and the taxonomy's skills the text names) is written as a JSON Resume \
            document to correct, and the skills found are listed on standard error with the words that show them. \
            Store the corrected draft, keeping the CV with the person, with \
            `rapport import DRAFT.json --attach CV --as EMAIL`.

            The kind of file is read from its bytes, not its name; at most 10 MiB. PDFs are read with pdftotext (on \
            Debian: apt-get install poppler-utils).
            """)

    @OptionGroup var database: DatabaseOptions

    @Argument(help: ArgumentHelp("The CV file.", valueName: "file"))
    var path: String

    @Option(help: ArgumentHelp("The draft to write (JSON Resume); standard output when left out. Never overwritten.", valueName: "file"))
    var to: String?

    func validate() throws {
        if let to, FileManager.default.fileExists(atPath: to) { throw ValidationError("--to \(to) already exists; choose a new file") }
    }

    func run() async throws {
        guard FileManager.default.fileExists(atPath: database.db) else { throw CLIError("\(database.db) does not exist") }
        let cv = try await Self.read(path)
        let taxonomy = try await Taxonomy.current(in: try database.open())
        let draft = CVDraft(text: cv.text, extractor: SkillExtractor(taxonomy: taxonomy), taxonomy: taxonomy)
        var notes = ["Read \(URL(fileURLWithPath: path).lastPathComponent) (\(cv.kind.rawValue)): review the draft before importing it."]
        notes += draft.evidence.map { "  skill \($0.name): \"\($0.evidence)\"" }
        if draft.email.isEmpty { notes.append("  no e-mail address found: add basics.email") }
        FileHandle.standardError.write(Data((notes.joined(separator: "\n") + "\n").utf8))
        try CommandOutput.write(try ResumeExport.data(draft.resume), to: to)
    }

    /// The CV at `path`, or an error that names the file and what is wrong with it.
    static func read(_ path: String) async throws -> CVFile {
        let name = URL(fileURLWithPath: path).lastPathComponent
        guard let data = FileManager.default.contents(atPath: path) else { throw CLIError("\(path) cannot be read") }
        do throws(FormatError) {
            return try await CVFile.read(data)
        } catch {
            throw CLIError("\(name) \(error.message)")
        }
    }
}
