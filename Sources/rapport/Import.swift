import ArgumentParser
import Foundation
import RapportCore
import RapportImport
import RapportMatch
import RapportSQLite

struct ImportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Bring people and jobs in: JSON Resume files, CSV exports, and job postings (schema.org JSON-LD or the JSON Resume job schema).",
        discussion: """
            FILE is one document, a JSON list of them, JSON Lines (.jsonl or .ndjson, one per line), a careers page \
            (.html) carrying schema.org JobPosting JSON-LD, a CSV export of people (.csv or .tsv), or a directory of \
            such files. Each file's format is the one it looks like unless --format says: json-resume or csv (people), \
            schema-org-job or json-resume-job (jobs).

            Each file is stored in one transaction: all its records, or none. A record that cannot be imported stops \
            its file unless --commit-valid is given. Every salvaged or dropped field is reported with its JSON pointer.

            People: a résumé needs a name, an e-mail address, and a country or --region. Someone already held (same \
            e-mail address) is updated, never duplicated: what the résumé states replaces what was held, while goals, \
            preferences, consents and owner stay. An erased person comes back as do-not-contact. Skill names the \
            taxonomy does not know are kept on the person and listed.

            CSV: the encoding (UTF-8 with or without a byte-order mark, UTF-16, Windows-1252) and the delimiter (comma, \
            semicolon, tab, vertical bar) are found from the file. Columns are recognised from headers old systems \
            write (Name or First/Last Name, Email Address, Mobile, City, State, Country or Location, Title, Company, \
            Skills or Tags with several per cell, LinkedIn, GitHub, Website); --mapping names the rest, as a JSON \
            object from column to field: {"Cand_Email": "email", "Notes": "ignore"}. Fields: name, firstName, \
            lastName, email, phone, city, state, country, location, headline, employer, summary, skills, linkedin, \
            github, website, ignore. Problems are reported by row and column.

            CVs (.docx, .pdf, .txt, .md) are read into a draft with `rapport cv-draft` for a person to review; the \
            corrected draft is imported with --attach CV, which keeps the file with the person.

            Jobs: a posting needs a title, its client (found by name, or added), a skill the taxonomy knows, and a \
            country or --region. Pay is read as postings write it ("$150K–$180K a year", "£550/day", "Competitive"); \
            a bare "$" is the dollar of the job's country. Importing a posting again (same identifier or address, or \
            same client, title and place) updates its job, keeping its owners, practice and status.
            """)

    @OptionGroup var database: DatabaseOptions

    @Argument(help: ArgumentHelp("A file, or a directory of .json, .jsonl, .ndjson, .jsonld, .html, .csv and .tsv files.", valueName: "file|dir"))
    var path: String

    @Option(help: ArgumentHelp("json-resume, csv, schema-org-job or json-resume-job; by default each file's own.", valueName: "format"))
    var format: String?

    @Option(help: ArgumentHelp("A CSV column mapping: a JSON object from column names to fields.", valueName: "file"))
    var mapping: String?

    @Option(help: ArgumentHelp("The system a CSV file's ids are of (its ID or Cand_Ref column), such as bullhorn; by default the "
                               + "column's header. A later import from it finds the same people by those ids.", valueName: "name"))
    var source: String?

    @Flag(help: "Report what would happen and store nothing.")
    var dryRun = false

    @Flag(help: "Store a file's valid records even when some of its records are refused.")
    var commitValid = false

    @Option(help: ArgumentHelp("The desk (US, UK, NZ or HK) for people and jobs elsewhere, or whose country is not given.",
                               valueName: "region"))
    var region: String?

    @Option(name: .customLong("as"), help: ArgumentHelp("The active staff member running the import, by e-mail.", valueName: "email"))
    var actor: String

    @Flag(help: "Print the report as JSON.")
    var json = false

    @Option(help: ArgumentHelp("The CV a one-person résumé was drafted from (see `rapport cv-draft`): kept with the person, as the web "
                               + "app keeps an uploaded CV.", valueName: "file"))
    var attach: String?

    func validate() throws {
        if let format, ImportFormat(rawValue: format) == nil {
            let formats = ImportFormat.allCases.map(\.rawValue).joined(separator: ", ")
            throw ValidationError("--format must be one of \(formats) (got \(format))")
        }
        if let region, Region(rawValue: region.uppercased()) == nil {
            throw ValidationError("--region must be one of US, UK, NZ, HK (got \(region))")
        }
        if attach != nil && (format == "csv" || format == "schema-org-job" || format == "json-resume-job") {
            throw ValidationError("--attach keeps a CV with one person imported from a JSON Resume draft, not with --format \(format ?? "")")
        }
        if let source, !(1...100).contains(source.trimmingCharacters(in: .whitespaces).count) {
            throw ValidationError("--source must name the system in 1 to 100 characters")
        }
    }

    func run() async throws {
        guard FileManager.default.fileExists(atPath: database.db) else {
            throw CLIError("\(database.db) does not exist; create one with `rapport migrate --db \(database.db)` or `rapport demo`")
        }
        let files = try Self.files(at: path)
        if let file = files.first, ["pdf", "docx", "doc", "txt", "md"].contains(file.pathExtension.lowercased()) {
            let name = file.lastPathComponent
            throw CLIError("\(name) is a CV, which is read into a draft for a person to review: `rapport cv-draft \(name) --to draft.json`, "
                           + "correct the draft, then `rapport import draft.json --attach \(name) --as \(actor)`")
        }
        if let attach, files.count != 1 || files[0].path != URL(fileURLWithPath: path).path {
            throw CLIError("--attach \(attach) needs one résumé file to keep it with, not the directory \(path)")
        }
        // The CV is read before anything is stored: one that is no CV stops the import.
        var cv: (file: CVFile, data: Data)?
        if let attach { cv = (try await CVDraftCommand.read(attach), FileManager.default.contents(atPath: attach) ?? Data()) }
        let store = try database.open()
        let records = FirmRecords(store: store)
        guard let user = try await records.allUsers().first(where: { $0.details.email.caseInsensitiveCompare(actor) == .orderedSame }),
              user.details.active else {
            throw CLIError("--as \(actor) is no active staff member; see `rapport user list`")
        }
        let importer = FirmImporter(records: records, taxonomy: try await Taxonomy.current(in: store))
        let options = ImportOptions(dryRun: dryRun, commitValid: commitValid, region: region.flatMap { Region(rawValue: $0.uppercased()) },
                                    runBy: user.id, progress: Self.progress, idSource: source?.trimmingCharacters(in: .whitespaces))
        let mappingData = try mapping.map { path in
            guard let data = FileManager.default.contents(atPath: path) else { throw CLIError("--mapping \(path) cannot be read") }
            return data
        }
        var reports: [ImportReport] = []
        if let cv, let attach {
            // The CV is kept with the one person the file holds, once they are stored.
            let file = ImportFile(name: files[0].lastPathComponent, data: try Data(contentsOf: files[0], options: .alwaysMapped))
            let name = URL(fileURLWithPath: attach).lastPathComponent
            do {
                reports.append(try await importer.runKeeping(name, with: file, format: format.flatMap { ImportFormat(rawValue: $0) },
                                                             options: options) { id in
                    _ = try await store.saveAttachment(cv.data, fileName: name, kind: cv.file.kind, candidate: id, by: user.id, at: Date())
                })
            } catch let refused as NotOnePerson {
                print(refused.trial.text)
                throw CLIError("--attach keeps a CV with one person; \(file.name) must hold exactly one résumé that can be stored")
            }
        }
        for file in files where cv == nil {
            FileHandle.standardError.write(Data("Reading \(file.lastPathComponent)…\n".utf8))
            let data = try Data(contentsOf: file, options: .alwaysMapped)
            reports.append(try await importer.run(ImportFile(name: file.lastPathComponent, data: data), format: format.flatMap { ImportFormat(rawValue: $0) },
                                                  mapping: mappingData, options: options))
        }
        if json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            print(String(decoding: try encoder.encode(reports), as: UTF8.self))
        } else {
            print("Import by \(user.details.name) <\(user.details.email)>")
            print(reports.map(\.text).joined(separator: "\n\n"))
        }
        if reports.contains(where: { $0.stopped != nil }) { throw ExitCode(2) }
    }

    /// Every ten thousand records of a long file, how far it has got, on standard error.
    @Sendable static func progress(_ done: Int, _ total: Int) {
        guard total > 10_000, done > 0, done % 10_000 == 0 else { return }
        FileHandle.standardError.write(Data("  \(done) of \(total) records read…\n".utf8))
    }

    /// The file itself, or a directory's JSON, HTML and CSV files in name order; refuses anything else with the reason.
    static func files(at path: String) throws -> [URL] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { throw CLIError("\(path) does not exist") }
        let url = URL(fileURLWithPath: path)
        guard isDirectory.boolValue else { return [url] }
        let files = try FileManager.default.contentsOfDirectory(at: url, includingPropertiesForKeys: nil)
            .filter { ["json", "jsonl", "ndjson", "jsonld", "html", "htm", "csv", "tsv"].contains($0.pathExtension.lowercased()) }
            .sorted { $0.lastPathComponent < $1.lastPathComponent }
        guard !files.isEmpty else { throw CLIError("\(path) holds no .json, .jsonl, .ndjson, .jsonld, .html, .csv or .tsv files") }
        return files
    }
}
