import Foundation
import RapportFormats
import RapportCore
import RapportMatch

/// A file to import: its name, its bytes, and whether it is JSON Lines (by default, when the name ends in .jsonl
/// or .ndjson).
public struct ImportFile: Sendable {
    public var name: String
    public var data: Data
    public var isJSONLines: Bool

    public init(name: String, data: Data, isJSONLines: Bool? = nil) {
        self.name = name
        self.data = data
        let lower = name.lowercased()
        self.isJSONLines = isJSONLines ?? (lower.hasSuffix(".jsonl") || lower.hasSuffix(".ndjson"))
    }

    /// The largest file read; bigger ones are refused before parsing.
    public static let maximumBytes = 512 * 1024 * 1024
    /// The largest single record (one résumé).
    public static let maximumRecordBytes = 4 * 1024 * 1024
}

public struct ImportOptions: Sendable {
    /// Report what would happen and store nothing.
    public var dryRun: Bool
    /// Store the valid records of a file even when some are refused; otherwise one refusal stops the whole file.
    public var commitValid: Bool
    /// The desk that looks after people living outside the four regions (and those whose country is not given).
    public var region: Region?
    /// Who runs the import, kept with what it stores.
    public var runBy: UserID?
    /// Told how many records of how many are done, before each; the CLI shows it for long files.
    public var progress: (@Sendable (Int, Int) -> Void)?
    /// The system a CSV file's id column is of ("bullhorn"); by default the column's header.
    public var idSource: String?
    /// How many records are read, checked and written together (at least 1); memory grows with it, not the file.
    public var batchSize: Int

    public init(dryRun: Bool = false, commitValid: Bool = false, region: Region? = nil, runBy: UserID? = nil,
                progress: (@Sendable (Int, Int) -> Void)? = nil, idSource: String? = nil, batchSize: Int = 1_000) {
        self.batchSize = max(1, batchSize)
        self.dryRun = dryRun
        self.commitValid = commitValid
        self.region = region
        self.runBy = runBy
        self.progress = progress
        self.idSource = idSource
    }
}

extension ImportFile {
    /// The JSON records of the file, each with its line (JSON Lines) or entry (a JSON list) counted from 1: JSON
    /// Lines one per line, a JSON list one per entry, or the file as one record.
    func records() throws(FormatError) -> [(Int, Data)] {
        guard data.count <= ImportFile.maximumBytes else {
            throw FormatError("is \(data.count / 1_048_576) MiB; the most one import reads is \(ImportFile.maximumBytes / 1_048_576) MiB")
        }
        if isJSONLines { return try lines() }
        guard data.count <= ImportFile.maximumRecordBytes * 16 else {
            throw FormatError("is too large for one JSON document; give many records as JSON Lines (.jsonl), one per line")
        }
        if case .array(let entries) = try JSONValue.parse(data) {
            let encoder = JSONEncoder()
            return entries.enumerated().compactMap { index, entry in (try? encoder.encode(entry)).map { (index + 1, $0) } }
        }
        return [(1, data)]
    }
}

extension ImportFile {
    /// The non-blank lines of a JSON Lines file, each with its number from 1 and without its line ending, as slices
    /// of the file's bytes (not copies). Scanned byte by byte: splitting `Data` generically took half a second for
    /// ten thousand lines.
    func lines() throws(FormatError) -> [(Int, Data)] {
        let found: Result<[(Int, Range<Int>)], FormatError> = data.withUnsafeBytes { raw in
            let bytes = raw.bindMemory(to: UInt8.self)
            var lines: [(Int, Range<Int>)] = []
            var start = 0
            var number = 0
            while start <= bytes.count {
                let end = bytes[start...].firstIndex(of: UInt8(ascii: "\n")) ?? bytes.count
                number += 1
                let stop = end > start && bytes[end - 1] == UInt8(ascii: "\r") ? end - 1 : end
                if bytes[start..<stop].contains(where: { $0 != 0x20 && $0 != 0x09 }) {
                    guard stop - start <= ImportFile.maximumRecordBytes else {
                        return .failure(FormatError("has a line over \(ImportFile.maximumRecordBytes / 1_048_576) MiB; no record is that long"))
                    }
                    lines.append((number, start..<stop))
                }
                start = end + 1
            }
            return .success(lines)
        }
        let base = data.startIndex
        return try found.get().map { number, range in (number, data[(base + range.lowerBound)..<(base + range.upperBound)]) }
    }
}

/// What `rapport import` and `POST /api/v1/imports` read.
public enum ImportFormat: String, CaseIterable, Sendable {
    /// People, from JSON Resume.
    case jsonResume = "json-resume"
    /// Jobs, from the JSON Resume job schema.
    case jsonResumeJob = "json-resume-job"
    /// People, from a CSV export (the columns recognised from their headers, or named in a mapping file).
    case csv
    /// Jobs, from schema.org JobPosting JSON-LD or a careers page carrying it.
    case schemaOrgJob = "schema-org-job"

    /// The format a file looks like from its name and first few kilobytes: a .csv or .tsv file is a CSV export of
    /// people, JSON-LD (or an HTML page) a schema.org posting,
    /// JSON naming `basics` a résumé, JSON naming a `company` a JSON Resume job; anything else is read as a résumé,
    /// whose report then says what is missing.
    public static func detect(_ data: Data, name: String = "") -> ImportFormat {
        let lower = name.lowercased()
        if lower.hasSuffix(".csv") || lower.hasSuffix(".tsv") { return .csv }
        if JobFormat.detect(data) == .schemaOrg { return .schemaOrgJob }
        let head = String(decoding: data.prefix(4_096), as: UTF8.self)
        if !head.contains("\"basics\"") && head.contains("\"company\"") { return .jsonResumeJob }
        return .jsonResume
    }
}

/// Every importer behind one call, for the CLI and the API: a file in the format given, or the one it looks like.
public struct FirmImporter: Sendable {
    let people: CandidateImporter
    let jobs: JobImporter

    public init(records: FirmRecords, taxonomy: Taxonomy) {
        people = CandidateImporter(records: records, taxonomy: taxonomy)
        jobs = JobImporter(records: records, taxonomy: taxonomy)
    }

    /// Imports `file`; `mapping` is a CSV file's column mapping.
    public func run(_ file: ImportFile, format given: ImportFormat? = nil, mapping: Data? = nil, options: ImportOptions) async throws
        -> ImportReport {
        switch given ?? ImportFormat.detect(file.data, name: file.name) {
        case .jsonResume: try await people.importResumes(file, options: options)
        case .csv: try await people.importCSV(file, mapping: mapping, options: options)
        case .jsonResumeJob: try await jobs.importJobs(file, format: .jsonResumeJob, options: options)
        case .schemaOrgJob: try await jobs.importJobs(file, format: .schemaOrg, options: options)
        }
    }

    /// Imports `file`, which must hold exactly one résumé that can be stored, and hands the person stored to `keep`,
    /// which keeps a file with them (the CV the résumé was drafted from, named `fileName`). A dry run checks the file
    /// first, so one that is not one storable person stores nothing and throws `NotOnePerson` with that run's report.
    public func runKeeping(_ fileName: String, with file: ImportFile, format: ImportFormat? = nil, options: ImportOptions,
                           keep: (CandidateID) async throws -> Void) async throws -> ImportReport {
        var trial = options
        trial.dryRun = true
        let check = try await run(file, format: format, options: trial)
        guard check.format == ImportFormat.jsonResume.rawValue, check.records.count == 1, check.records[0].outcome != .rejected else {
            throw NotOnePerson(trial: check)
        }
        var report = try await run(file, format: format, options: options)
        if report.committed, let id = report.records.first?.candidateID {
            try await keep(CandidateID(id))
            report.notes.append("\(fileName) kept with candidate \(id).")
        }
        return report
    }
}

/// A file kept with a person needs a file of exactly one résumé that can be stored; `trial` says what the file held.
public struct NotOnePerson: Error, Sendable {
    public var trial: ImportReport
}
